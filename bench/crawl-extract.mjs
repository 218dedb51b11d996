// Extraction cost per page (pnpm bench:crawl runs it first): the synthetic site's list, article and home pages,
// as served (~25–33 KB) and with the body doubled (~40–55 KB), through the BUILT extractPage vs parsing alone
// (htmlparser2 `parseDocument`, which extractPage uses, and `cheerio.load` in htmlparser2 mode for reference).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const require = createRequire(new URL('../packages/crawler/package.json', import.meta.url));
const benchRequire = createRequire(import.meta.url);
const cheerio = await import(benchRequire.resolve('cheerio'));
const { parseDocument } = await import(require.resolve('htmlparser2'));
const { extractPage } = await import(new URL('../packages/crawler/dist/extract/index.js', import.meta.url).href);

const site = fork(here('./crawl-site.mjs'), ['big'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const { port } = await new Promise((resolve) => site.once('message', resolve));
const rows = {};
try {
  for (const [name, path] of [['list', '/col3/index_2.shtml'], ['article', '/col3/202602/t20260219_303.shtml'], ['home', '/']]) {
    const html = await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
    for (const [size, h] of [['1x', html], ['2x', html.replace('</body>', `${body}</body>`)]]) {
      const url = `http://127.0.0.1${path}`;
      const N = 300;
      for (let i = 0; i < 50; i++) extractPage(h, url);
      let t = performance.now();
      for (let i = 0; i < N; i++) extractPage(h, url);
      const ex = (performance.now() - t) / N;
      t = performance.now();
      for (let i = 0; i < N; i++) parseDocument(h, { decodeEntities: true });
      const parse = (performance.now() - t) / N;
      t = performance.now();
      for (let i = 0; i < N; i++) cheerio.load(h, { xml: { xmlMode: false, decodeEntities: true } });
      const load = (performance.now() - t) / N;
      rows[`${name} ${size}`] = {
        KB: Math.round(Buffer.byteLength(h) / 1024),
        'extractPage ms': +ex.toFixed(2),
        'parseDocument ms': +parse.toFixed(2),
        'cheerio.load ms': +load.toFixed(2),
      };
    }
  }
  console.table(rows);
} finally {
  site.send({ cmd: 'exit' });
}
