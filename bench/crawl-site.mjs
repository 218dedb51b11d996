// Synthetic gov-like sites for the crawl benchmark, served from a child process so the crawler under test owns its
// own CPU and memory figures. Talks to the parent over IPC: sends {ready, port} and answers {cmd:'stats'}.
//
//   node bench/crawl-site.mjs big    → one site on 127.0.0.1 (home, 20 columns × N TRS list pages, 20 articles each)
//   node bench/crawl-site.mjs multi  → 200 small sites on 127.0.0.2 … 127.0.0.201, same port
import { createServer } from 'node:http';

const mode = process.argv[2] ?? 'big';
const COLUMNS = mode === 'big' ? 20 : 3;
const LIST_PAGES = mode === 'big' ? 5 : 1;
const PER_PAGE = mode === 'big' ? 20 : 4;
const SITES = mode === 'multi' ? Number(process.argv[3] ?? 200) : 1;
const COLUMN_NAMES = ['通知公告', '政策文件', '工作动态', '人事信息', '财政预决算', '规划计划', '统计信息', '政策解读', '应急管理', '建议提案办理',
  '重大项目', '公共资源配置', '社会公益事业', '行政执法', '政府会议', '机构职能', '法规文件', '乡村振兴', '民生实事', '营商环境'];
const FILLER = '为深入贯彻落实党中央、国务院决策部署，进一步做好政府信息公开工作，结合本地实际，现就有关事项通知如下。'.repeat(4);

const pad = (n) => String(n).padStart(2, '0');
// Template weight that every portal page carries: inline styles and scripts (menus, statistics, accessibility).
const STYLE = `<style>${Array.from({ length: 80 }, (_, i) => `.m${i}{margin:${i}px;padding:0 ${i % 7}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('')}</style>`;
const SCRIPT = `<script>${Array.from({ length: 60 }, (_, i) => `function f${i}(a){var el=document.getElementById('menu${i}');if(!el)return;el.className=a?'on':'off';}`).join('\n')}</script>`;
function dateOf(col, idx) {
  const d = new Date(Date.UTC(2026, 1, 28) - (col * 3 + idx) * 86400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function layout(title, body, head = '') {
  // A mega-menu (column → its list pages) and a footer of sister sites, as on most portal templates.
  const nav = COLUMN_NAMES.slice(0, COLUMNS).map((n, i) => {
    const sub = Array.from({ length: LIST_PAGES }, (_, k) => `<li><a href="/col${i}/index${k ? `_${k}` : ''}.shtml">${n}（${k + 1}）</a></li>`).join('');
    return `<li><a href="/col${i}/index.shtml">${n}</a><ul class="sub">${sub}</ul></li>`;
  }).join('');
  const sisters = Array.from({ length: 15 }, (_, k) => `<a href="http://www.dept${k}.example.gov.cn/" target="_blank">某某市第${k + 1}部门</a>`).join(' ');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title} - 某某市人民政府</title>
<meta name="SiteName" content="某某市人民政府"><meta name="SiteDomain" content="www.example.gov.cn">${head}
<link rel="stylesheet" href="/css/style.css">${STYLE}${SCRIPT}</head><body>
<div class="header"><a href="/"><img src="/img/logo.png" alt="某某市人民政府"></a></div>
<div class="nav"><ul><li><a href="/">首页</a></li>${nav}</ul></div>
<div class="main">${body}</div>
<div class="footer"><div class="links">${sisters}</div><a href="/about.html">关于我们</a> <a href="/sitemap.html">网站地图</a>
<p>主办：某某市人民政府办公室 &nbsp; 网站标识码：1234000001 &nbsp; ICP备案号：某ICP备00000000号</p></div></body></html>`;
}

function listPage(col, p) {
  const items = [];
  for (let k = 0; k < PER_PAGE; k++) {
    const idx = p * PER_PAGE + k;
    const date = dateOf(col, idx);
    items.push(`<li><a href="./${date.slice(0, 7).replace('-', '')}/t${date.replace(/-/g, '')}_${col}${pad(idx)}.shtml" title="${COLUMN_NAMES[col]}第${idx + 1}条：关于做好有关工作的通知">${COLUMN_NAMES[col]}第${idx + 1}条：关于做好有关工作的通知</a><span>${date}</span></li>`);
  }
  const body = `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col${col}/index.shtml">${COLUMN_NAMES[col]}</a></div>
<h2>${COLUMN_NAMES[col]}</h2><ul class="list">${items.join('\n')}</ul><p class="intro">${FILLER}</p>
<script>createPageHTML(${LIST_PAGES}, ${p}, "index", "shtml");</script>`;
  return layout(COLUMN_NAMES[col], body, `<meta name="ColumnName" content="${COLUMN_NAMES[col]}"><meta name="ColumnType" content="${COLUMN_NAMES[col]}">`);
}

function articlePage(col, idx) {
  const date = dateOf(col, idx);
  const paras = Array.from({ length: mode === 'big' ? 20 : 10 }, (_, i) => `<p>（${i + 1}）${FILLER}</p>`).join('\n');
  const related = [1, 2, 3].map((r) => {
    const j = (idx + r) % (PER_PAGE * LIST_PAGES);
    const d = dateOf(col, j);
    return `<li><a href="../${d.slice(0, 7).replace('-', '')}/t${d.replace(/-/g, '')}_${col}${pad(j)}.shtml">相关文件${j + 1}</a></li>`;
  }).join('');
  const body = `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col${col}/index.shtml">${COLUMN_NAMES[col]}</a></div>
<h1>${COLUMN_NAMES[col]}第${idx + 1}条：关于做好有关工作的通知</h1>
<div class="info">发布日期：${date} 10:00 来源：某某市人民政府办公室</div>
<div class="TRS_Editor">${paras}</div><ul class="related">${related}</ul>`;
  return layout(`${COLUMN_NAMES[col]}第${idx + 1}条`, body, `<meta name="ArticleTitle" content="关于做好有关工作的通知"><meta name="PubDate" content="${date} 10:00">`);
}

function home() {
  const blocks = COLUMN_NAMES.slice(0, COLUMNS).map((n, col) => {
    const items = [0, 1, 2].map((idx) => {
      const d = dateOf(col, idx);
      return `<li><a href="/col${col}/${d.slice(0, 7).replace('-', '')}/t${d.replace(/-/g, '')}_${col}${pad(idx)}.shtml">${n}第${idx + 1}条：关于做好有关工作的通知</a><span>${d.slice(5)}</span></li>`;
    }).join('');
    return `<div class="box"><h3><a href="/col${col}/index.shtml">${n}</a></h3><ul>${items}</ul></div>`;
  }).join('\n');
  return layout('首页', blocks);
}

function route(path) {
  if (path === '/' || path === '/index.html') return [200, home()];
  let m = /^\/col(\d+)\/index(?:_(\d+))?\.shtml$/.exec(path);
  if (m && +m[1] < COLUMNS && +(m[2] ?? 0) < LIST_PAGES) return [200, listPage(+m[1], +(m[2] ?? 0))];
  m = /^\/col(\d+)\/\d{6}\/t\d{8}_(\d+)\.shtml$/.exec(path);
  if (m) {
    const col = +m[1];
    const idx = Number(m[2].slice(String(col).length));
    if (col < COLUMNS && idx < PER_PAGE * LIST_PAGES) return [200, articlePage(col, idx)];
  }
  if (path === '/about.html' || path === '/sitemap.html') return [200, layout('关于我们', `<p>${FILLER}</p>`)];
  return [404, layout('页面不存在', '<h1>对不起，您访问的页面不存在</h1>')];
}

const cache = new Map();
const perHost = new Map(); // host → { count, last, minGap }
let requests = 0;
const gapsAll = [];

const server = createServer((req, res) => {
  requests++;
  const host = req.socket.localAddress ?? '';
  const now = performance.now();
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  // robots.txt is fetched once per host before crawling starts; the spacing rule is about pages.
  if (path !== '/robots.txt') {
    const h = perHost.get(host) ?? { count: 0, last: -1, minGap: Infinity };
    if (h.last >= 0) {
      h.minGap = Math.min(h.minGap, now - h.last);
      if (gapsAll.length < 100_000) gapsAll.push(now - h.last);
    }
    h.last = now;
    h.count++;
    perHost.set(host, h);
  }
  let hit = cache.get(path);
  if (!hit) {
    const [status, body] = route(path);
    hit = [status, Buffer.from(body)];
    if (cache.size < 5000) cache.set(path, hit);
  }
  res.writeHead(hit[0], { 'content-type': 'text/html; charset=utf-8', 'content-length': hit[1].length });
  res.end(req.method === 'HEAD' ? undefined : hit[1]);
});
server.keepAliveTimeout = 30_000;

const hosts = mode === 'multi' ? Array.from({ length: SITES }, (_, i) => `127.0.0.${i + 2}`) : ['127.0.0.1'];

async function listen() {
  // One server object per address would cost more; a single listener on 0.0.0.0 is not allowed (loopback only),
  // so bind the first address to get a port and the others to the same port.
  const first = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, hosts[0], () => resolve(server.address().port));
  });
  const extra = [];
  for (const h of hosts.slice(1)) {
    const s = createServer(server.listeners('request')[0]);
    s.keepAliveTimeout = 30_000;
    await new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(first, h, resolve);
    });
    extra.push(s);
  }
  return first;
}

const port = await listen();
process.send?.({ ready: true, port, hosts: hosts.length, pagesPerSite: 3 + COLUMNS * LIST_PAGES + COLUMNS * LIST_PAGES * PER_PAGE });
process.on('message', (msg) => {
  if (msg?.cmd === 'stats') {
    const gaps = [...perHost.values()].filter((x) => x.count > 1).map((x) => x.minGap);
    const sorted = [...gapsAll].sort((a, b) => a - b);
    const q = (f) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] : null);
    process.send?.({ stats: { requests, hosts: perHost.size, minGapMs: gaps.length ? Math.min(...gaps) : null, p5GapMs: q(0.05), medianGapMs: q(0.5) } });
  } else if (msg?.cmd === 'reset') {
    requests = 0;
    perHost.clear();
    gapsAll.length = 0;
    process.send?.({ ok: true });
  } else if (msg?.cmd === 'exit') {
    process.exit(0);
  }
});
// Never outlive the benchmark.
setTimeout(() => process.exit(0), 15 * 60_000).unref();
process.on('disconnect', () => process.exit(0));
