// Crawl benchmark (pnpm bench:crawl). Imports the BUILT crawler from packages/crawler/dist (run `pnpm build` first).
//  1. one gov-like site of 2,000+ pages on 127.0.0.1: gongkai crawlSite vs Crawlee 3 CheerioCrawler, concurrency 16,
//     no delay, each crawler in its own child process (pages/s, CPU ms per page, peak RSS);
//  2. 200 small sites on 127.0.0.2 … 127.0.0.201 crawled at once through one polite fetcher (1 request in flight and
//     ≥ minDelayMs between requests per host): total throughput vs the per-host ceiling.
// Every child has a hard time limit; every loop is bounded.
import { fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
if (!existsSync(here('../packages/crawler/dist/crawl.js'))) {
  console.error('packages/crawler/dist/crawl.js is missing: run `pnpm build` first.');
  process.exit(1);
}
const args = new Set(process.argv.slice(2));
const MAX_PAGES = 5000;
const MULTI_SITES = 200;
const MULTI_DELAY_MS = 250;

function startSite(mode, ...extra) {
  return new Promise((resolve, reject) => {
    const child = fork(here('./crawl-site.mjs'), [mode, ...extra], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => reject(new Error('site server did not start in 30 s')), 30_000);
    child.once('message', (msg) => {
      clearTimeout(timer);
      if (msg?.ready) resolve({ child, ...msg });
      else reject(new Error('unexpected message from site server'));
    });
    child.once('exit', (code) => reject(new Error(`site server exited (${code})`)));
  });
}

function ask(child, cmd) {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send({ cmd });
  });
}

function run(...argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here('./crawl-run.mjs'), ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 11 * 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
      if (code !== 0 || !line) reject(new Error(`crawl-run ${argv[0]} failed (${code}): ${out.slice(-500)}`));
      else resolve(JSON.parse(line));
    });
  });
}

const fmt = (r) => ({
  pages: r.pages,
  failed: r.failed,
  'pages/s': +(r.pages / (r.ms / 1000)).toFixed(1),
  'CPU ms/page': +(r.cpuMs / r.pages).toFixed(2),
  'peak RSS MB': r.peakRssMb,
  'wall s': +(r.ms / 1000).toFixed(2),
});

const results = {};
if (!args.has('--multi-only') && !args.has('--single-only')) {
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here('./crawl-extract.mjs')], { stdio: 'inherit' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 2 * 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`crawl-extract failed (${code})`));
    });
  });
}
if (!args.has('--multi-only')) {
  const site = await startSite('big');
  const url = `http://127.0.0.1:${site.port}/`;
  console.log(`single site: ${site.pagesPerSite} pages at ${url}`);
  try {
    // Warm the server's page cache so both crawlers see the same server cost.
    await run('gongkai', url, String(MAX_PAGES));
    await ask(site.child, 'reset');
    const g = await run('gongkai', url, String(MAX_PAGES));
    const gStats = await ask(site.child, 'stats');
    await ask(site.child, 'reset');
    const c = await run('crawlee', url, String(MAX_PAGES));
    const cStats = await ask(site.child, 'stats');
    results.single = { gongkai: { ...fmt(g), requests: gStats.stats.requests }, crawlee: { ...fmt(c), requests: cStats.stats.requests } };
    console.table(results.single);
    const tp = (r) => r.pages / r.ms;
    results.ratios = {
      throughput: +(tp(g) / tp(c)).toFixed(2),
      cpuPerPage: +((g.cpuMs / g.pages) / (c.cpuMs / c.pages)).toFixed(2),
      peakRss: +(g.peakRssMb / c.peakRssMb).toFixed(2),
    };
    console.log(`gongkai / crawlee: throughput ×${results.ratios.throughput} (target ≥ 1.5), CPU per page ×${results.ratios.cpuPerPage}, peak RSS ×${results.ratios.peakRss} (target ≤ 0.5)`);
  } finally {
    site.child.send({ cmd: 'exit' });
  }
}

if (!args.has('--single-only')) {
  const multi = await startSite('multi', String(MULTI_SITES));
  console.log(`multi-site: ${multi.hosts} sites × ${multi.pagesPerSite} pages on 127.0.0.2–127.0.0.${multi.hosts + 1}:${multi.port}, ≥ ${MULTI_DELAY_MS} ms between requests per host`);
  try {
    const m = await run('multi', String(multi.port), String(MULTI_SITES), String(MULTI_DELAY_MS));
    const s = await ask(multi.child, 'stats');
    const perHostCeiling = 1000 / MULTI_DELAY_MS;
    results.multi = {
      ...fmt(m), sites: m.sites, hostsSeen: s.stats.hosts,
      'gap per host ms min/p5/median': s.stats.minGapMs === null ? null : [s.stats.minGapMs, s.stats.p5GapMs, s.stats.medianGapMs].map((x) => Math.round(x)).join('/'),
      'per-host ceiling pages/s': perHostCeiling,
    };
    console.table({ multi: results.multi });
    console.log(`total ${results.multi['pages/s']} pages/s = ${(results.multi['pages/s'] / perHostCeiling).toFixed(1)}× one polite host's ceiling`);
  } finally {
    multi.child.send({ cmd: 'exit' });
  }
}

if (args.has('--json')) console.log(JSON.stringify(results));

// The machine-readable line bench/run.mjs compares with bench/baseline.json.
const metrics = {};
const pass = {};
if (results.single) {
  metrics.gongkai_pages_per_s = results.single.gongkai['pages/s'];
  metrics.gongkai_peak_rss_mb = results.single.gongkai['peak RSS MB'];
  metrics.throughput_vs_crawlee = results.ratios.throughput;
  metrics.peak_rss_vs_crawlee = results.ratios.peakRss;
  pass.throughput_vs_crawlee = results.ratios.throughput >= 1.5;
  pass.peak_rss_vs_crawlee = results.ratios.peakRss <= 0.5;
}
if (results.multi) {
  metrics.multi_site_pages_per_s = results.multi['pages/s'];
  metrics.multi_site_peak_rss_mb = results.multi['peak RSS MB'];
}
console.log(`BENCH_JSON ${JSON.stringify({ bench: 'crawl', metrics, lowerIsBetter: ['gongkai_peak_rss_mb', 'peak_rss_vs_crawlee', 'multi_site_peak_rss_mb'], pass })}`);
