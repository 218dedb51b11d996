import { describe, expect, test } from 'vitest';
import { crawlSite, snapshotFromJson, snapshotToJson, createEventHub, type CrawlProgress } from '../../src/crawl.js';
import type { CrawlEvent } from '../../src/snapshot.js';
import { FakeFetcher, page, type Route } from './fake-fetcher.js';

const H = 'http://www.site.gov.cn';
const NOW = new Date('2026-03-01T00:00:00Z');
const opts = { now: NOW, concurrency: 4 };

function chainSite(n: number): Record<string, string> {
  // home → p1 → p2 → … → pn, one link per page.
  const routes: Record<string, string> = {};
  routes[`${H}/`] = page('首页', `<a href="/p1.html">第1页</a>`);
  for (let i = 1; i <= n; i++) routes[`${H}/p${i}.html`] = page(`第${i}页`, `<a href="/p${i + 1}.html">下一篇</a>`);
  return routes;
}

describe('crawlSite basics', () => {
  test('BFS within scope; external links and assets not fetched; snapshot is plain JSON', async () => {
    const routes: Record<string, Route | string> = {
      [`${H}/`]: page('某某市人民政府', `<div class="nav"><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a></div>
        <a href="http://www.gov.cn/">中国政府网</a><img src="/logo.png"><a href="/style.css">样式</a>
        <a href="/files/report.pdf">年度报告</a><a href="/zwgk/">政务公开</a>`),
      [`${H}/zwgk/`]: page('政务公开', `<a href="/zwgk/tzgg/">通知公告</a><a href="/">首页</a>`),
      [`${H}/hdjl/`]: page('互动交流', '<p>欢迎</p>'),
      [`${H}/zwgk/tzgg/`]: page('通知公告', '<p>x</p>'),
      [`${H}/files/report.pdf`]: { contentType: 'application/pdf', body: '%PDF-1.4' },
    };
    const f = new FakeFetcher(routes);
    const snap = await crawlSite({ url: 'www.site.gov.cn' }, { ...opts, fetcher: f, probeSoft404: false });
    const urls = snap.pages.map((p) => p.url).sort();
    expect(urls).toEqual([`${H}/`, `${H}/files/report.pdf`, `${H}/hdjl/`, `${H}/zwgk/`, `${H}/zwgk/tzgg/`]);
    expect(f.fetched('http://www.gov.cn/')).toBe(false);
    expect(f.requests.some((r) => r.url.endsWith('.css') || r.url.endsWith('.png'))).toBe(false);
    const pdf = snap.pages.find((p) => p.url.endsWith('.pdf'))!;
    expect(pdf.kind).toBe('attachment');
    expect(pdf.status).toBe(200);
    expect(f.requests.find((r) => r.url.endsWith('.pdf'))?.probeOnly).toBe(true);
    expect(snap.home).toBe(`${H}/`);
    expect(snap.pages.find((p) => p.url === `${H}/zwgk/tzgg/`)?.depth).toBe(2);
    expect(snap.stats).toMatchObject({ pagesFetched: 5, pagesFailed: 0, queuedLeft: 0 });
    expect(snapshotFromJson(snapshotToJson(snap))).toEqual(snap);
    expect(f.closed).toBe(false);
  });

  test('depth cap and page cap stop the crawl and say so', async () => {
    const deep = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: new FakeFetcher(chainSite(10)), maxDepth: 3, probeSoft404: false });
    expect(deep.pages.map((p) => p.url)).toEqual([`${H}/`, `${H}/p1.html`, `${H}/p2.html`, `${H}/p3.html`]);
    expect(deep.events.find((e) => e.type === 'limit-reached')?.detail).toMatchObject({ limit: 'depth', skipped: 1 });

    const routes: Record<string, string> = {
      [`${H}/`]: page('首页', Array.from({ length: 20 }, (_, i) => `<a href="/a${i}.html">栏目${i}</a>`).join('')),
    };
    const capped = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: new FakeFetcher(routes), maxPages: 5, probeSoft404: false });
    expect(capped.pages.filter((p) => p.kind === 'html')).toHaveLength(5);
    const ev = capped.events.find((e) => e.type === 'limit-reached')!;
    expect(ev.detail).toMatchObject({ limit: 'pages', maxPages: 5, skipped: 16 });
    expect(capped.stats.queuedLeft).toBe(16);
  });

  test('progress callback and a fetcher factory that the crawl closes', async () => {
    const seen: CrawlProgress[] = [];
    let made: FakeFetcher | undefined;
    const snap = await crawlSite({ url: `${H}/` }, {
      ...opts, probeSoft404: false, onProgress: (p) => seen.push(p),
      fetcher: (onEvent) => {
        made = new FakeFetcher(chainSite(2));
        onEvent({ type: 'encoding-mismatch', url: `${H}/`, at: new Date().toISOString() });
        return made;
      },
    });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toMatchObject({ done: 4, queued: 0, failed: 1 });
    expect(made?.closed).toBe(true);
    expect(snap.events.some((e) => e.type === 'encoding-mismatch')).toBe(true);
  });

  test('shared fetcher events via a hub are filtered to the site', async () => {
    const hub = createEventHub();
    const f = new FakeFetcher(chainSite(1));
    const orig = f.fetch.bind(f);
    f.fetch = async (r) => {
      hub.emit({ type: 'throttled', url: r.url, at: new Date().toISOString() });
      hub.emit({ type: 'throttled', url: 'http://other.gov.cn/', at: new Date().toISOString() });
      return orig(r);
    };
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, events: hub, probeSoft404: false });
    const throttled = snap.events.filter((e) => e.type === 'throttled').map((e) => e.url);
    expect(throttled).toContain(`${H}/`);
    expect(throttled).not.toContain('http://other.gov.cn/');
  });
});

describe('home redirects', () => {
  test('meta refresh on a thin home page is followed and the new host joins the scope', async () => {
    const routes: Record<string, string> = {
      'http://site.gov.cn/': '<html><head><meta http-equiv="refresh" content="0;URL=http://www.site.gov.cn/portal/"></head><body></body></html>',
      [`${H}/portal/`]: page('门户', '<a href="/portal/a.html">一个栏目</a>'),
      [`${H}/portal/a.html`]: page('栏目', 'x'),
    };
    const snap = await crawlSite({ url: 'http://site.gov.cn/' }, { ...opts, fetcher: new FakeFetcher(routes), probeSoft404: false });
    expect(snap.home).toBe(`${H}/portal/`);
    expect(snap.pages.map((p) => p.url)).toEqual(['http://site.gov.cn/', `${H}/portal/`, `${H}/portal/a.html`]);
  });

  test('location.href script redirect', async () => {
    const routes: Record<string, string> = {
      [`${H}/`]: '<script>window.location.href="/index/index.html";</script>',
      [`${H}/index/index.html`]: page('首页', '<p>主页内容</p>'),
    };
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: new FakeFetcher(routes), probeSoft404: false });
    expect(snap.home).toBe(`${H}/index/index.html`);
  });

  test('home down: one failed page, no crawl', async () => {
    const f = new FakeFetcher({}, { fallback: { status: 503, body: 'busy' } });
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f });
    expect(snap.pages).toHaveLength(1);
    expect(snap.home).toBeUndefined();
    expect(snap.stats.pagesFailed).toBe(1);
    expect(f.requests).toHaveLength(1);
  });
});

describe('soft 404, traps, robots, scope', () => {
  test('a site answering 200 for everything: probe event and look-alike pages flagged', async () => {
    const notFound = page('提示信息', '<div class="msg">很抱歉，您要找的内容可能已经转移</div>');
    const routes: Record<string, Route | string> = {
      [`${H}/`]: page('首页', '<a href="/gone.html">已下线栏目</a><a href="/ok.html">正常栏目</a><a href="/dead.html">死链</a>'),
      [`${H}/ok.html`]: page('正常栏目', '<p>这是一个正常的栏目页面，包含足够多的正文内容用于区分。</p>'.repeat(10)),
      [`${H}/dead.html`]: page('错误', '<h1>对不起，您访问的页面不存在</h1>'),
    };
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: new FakeFetcher(routes, { fallback: { body: notFound } }) });
    const soft = snap.pages.filter((p) => p.softNotFound).map((p) => p.url).sort();
    expect(soft).toEqual([`${H}/dead.html`, `${H}/gone.html`]);
    expect(snap.events.filter((e) => e.type === 'soft-404' && e.detail?.probe)).toHaveLength(1);
    expect(snap.events.find((e) => e.url === `${H}/gone.html`)?.detail).toEqual({ reason: 'like-probe' });
    expect(snap.pages.some((p) => p.url.includes('gongkai-probe'))).toBe(false);
  });

  test('a site redirecting missing pages to the home page', async () => {
    const routes: Record<string, Route | string> = {
      [`${H}/`]: page('首页', '<a href="/old.html">旧链接</a>'),
    };
    const f = new FakeFetcher(routes, { fallback: { status: 302, location: '/' } });
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f });
    expect(snap.pages.find((p) => p.url === `${H}/old.html`)?.softNotFound).toBe(true);
  });

  test('traps, search and logout links are not crawled; traps are recorded', async () => {
    const links = [
      '/a/b/a/b/x.html', `/${'x'.repeat(2100)}.html`, '/calendar.jsp?date=2026-03-01',
      '/was5/web/search?searchword=a', '/logout.do', '/ok.html',
    ].map((u, i) => `<a href="${u}">链接${i}</a>`).join('');
    const f = new FakeFetcher({ [`${H}/`]: page('首页', links), [`${H}/ok.html`]: page('ok', 'ok') });
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, probeSoft404: false });
    expect(snap.pages.map((p) => p.url)).toEqual([`${H}/`, `${H}/ok.html`]);
    expect(snap.events.filter((e) => e.type === 'trap').map((e) => e.detail?.kind).sort()).toEqual(['calendar', 'long-url', 'repeated-segments']);
  });

  test('robots-blocked pages are events, not pages', async () => {
    const f = new FakeFetcher(
      { [`${H}/`]: page('首页', '<a href="/private/a.html">内部</a><a href="/pub.html">公开</a>'), [`${H}/pub.html`]: page('公开', 'x') },
      { disallow: [`${H}/private/`] },
    );
    const events: CrawlEvent[] = [];
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, probeSoft404: false, onEvent: (e) => events.push(e) });
    expect(snap.events).toContainEqual(expect.objectContaining({ type: 'blocked-by-robots', url: `${H}/private/a.html` }));
    expect(events.some((e) => e.type === 'blocked-by-robots')).toBe(true);
    expect(snap.pages.map((p) => p.url)).toEqual([`${H}/`, `${H}/pub.html`]);
  });

  test('a page redirecting off-site is recorded as out of scope and not followed', async () => {
    const f = new FakeFetcher({
      [`${H}/`]: page('首页', '<a href="/jump.html">跳转</a>'),
      [`${H}/jump.html`]: { status: 301, location: 'http://elsewhere.com/x' },
      'http://elsewhere.com/x': page('别处', '<a href="http://elsewhere.com/y">y</a>'),
    });
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, probeSoft404: false });
    expect(snap.events).toContainEqual(expect.objectContaining({ type: 'out-of-scope', url: `${H}/jump.html`, detail: { finalUrl: 'http://elsewhere.com/x' } }));
    expect(f.fetched('http://elsewhere.com/y')).toBe(false);
    expect(snap.pages.find((p) => p.url === `${H}/jump.html`)?.links).toEqual([]);
  });
});

describe('lists across pages', () => {
  const trsItem = (n: number) => `<li><a href="./202602/t202602${String(28 - n).padStart(2, '0')}_${n}.shtml">第${n}条通知公告标题</a><span>2026-02-${String(28 - n).padStart(2, '0')}</span></li>`;
  const trsPage = (from: number, cur: number) =>
    page('通知公告', `<ul class="list">${[0, 1].map((k) => trsItem(from + k)).join('')}</ul><script>createPageHTML(10, ${cur}, "index", "shtml");</script>`);

  test('TRS createPageHTML pagination: 3 pages read, items merged into the column page', async () => {
    const routes: Record<string, string> = { [`${H}/`]: page('首页', '<a href="/tzgg/index.shtml">通知公告</a>') };
    for (let p = 0; p < 10; p++) routes[`${H}/tzgg/index${p ? `_${p}` : ''}.shtml`] = trsPage(p * 2 + 1, p);
    const f = new FakeFetcher(routes);
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, probeSoft404: false, maxDepth: 1 });
    const col = snap.pages.find((p) => p.url === `${H}/tzgg/index.shtml`)!;
    expect(col.lists).toHaveLength(1);
    expect(col.lists[0]).toMatchObject({ source: 'trs', pages: 10 });
    expect(col.lists[0].items.map((i) => i.title)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `第${n}条通知公告标题`));
    const cont = snap.pages.filter((p) => p.paginationOf === `${H}/tzgg/index.shtml`).map((p) => p.url);
    expect(cont).toEqual([`${H}/tzgg/index_1.shtml`, `${H}/tzgg/index_2.shtml`]);
    expect(f.fetched(`${H}/tzgg/index_3.shtml`)).toBe(false);
  });

  test('Hanweb datastore + dataproxy paging', async () => {
    const rec = (n: number) => `<record><![CDATA[<li><a href="/art/2026/2/${n}/art_1_${n}.html">汉云记录${n}的标题</a><span>2026-02-${String(n).padStart(2, '0')}</span></li>]]></record>`;
    const col = page('栏目', `<div id="9001"><script type="text/xml"><datastore>
      <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=1&columnid=77&unitid=9001"></a>]]></nextgroup>
      <recordset>${rec(28)}${rec(27)}</recordset></datastore></script></div>
      <script>$('#9001').jpage({totalRecord:10,perPage:2});</script>`);
    const routes: Record<string, Route | string> = {
      [`${H}/`]: page('首页', '<a href="/col/col77/index.html">工作动态</a>'),
      [`${H}/col/col77/index.html`]: col,
    };
    const f = new FakeFetcher(routes);
    const orig = f.fetch.bind(f);
    f.fetch = async (r) => {
      const u = new URL(r.url);
      if (u.pathname.endsWith('dataproxy.jsp')) {
        const start = Number(u.searchParams.get('startrecord'));
        const body = `<?xml version="1.0"?><datastore><totalrecord>10</totalrecord><totalpage>5</totalpage><recordset>${rec(29 - start)}${rec(28 - start)}</recordset></datastore>`;
        routes[r.url] = { contentType: 'text/xml', body };
      }
      return orig(r);
    };
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, probeSoft404: false, maxDepth: 1 });
    const list = snap.pages.find((p) => p.url === `${H}/col/col77/index.html`)!.lists[0];
    expect(list).toMatchObject({ source: 'hanweb-datastore', total: 10, pages: 5 });
    expect(list.items.map((i) => i.date)).toEqual(['2026-02-28', '2026-02-27', '2026-02-26', '2026-02-25', '2026-02-24', '2026-02-23']);
    const proxies = snap.pages.filter((p) => p.url.includes('dataproxy'));
    expect(proxies).toHaveLength(2);
    expect(proxies.every((p) => p.kind === 'data' && p.paginationOf === `${H}/col/col77/index.html`)).toBe(true);
  });

  test('gkmlpt column via its JSON API', async () => {
    const api = (p: number) => JSON.stringify({
      total: 6,
      articles: [1, 2].map((k) => ({ title: `公开目录第${p}页第${k}条`, url: `${H}/gkmlpt/content/1/post_${p}${k}.html`, display_publish_time: Date.UTC(2026, 1, 20 - p * 2 - k) / 1000 })),
    });
    const routes: Record<string, Route | string> = {
      [`${H}/`]: page('首页', '<a href="/gkmlpt/index#2791">政策文件</a><a href="/gkmlpt/index#2792">其他文件</a>'),
      [`${H}/gkmlpt/index`]: page('信息公开', '<div id="app"></div>', "<script>window.GKML = { SID: '755031' };</script>"),
      [`${H}/gkmlpt/api/all/2791?page=1&sid=755031`]: { contentType: 'application/json', body: api(1) },
      [`${H}/gkmlpt/api/all/2791?page=2&sid=755031`]: { contentType: 'application/json', body: api(2) },
      [`${H}/gkmlpt/api/all/2791?page=3&sid=755031`]: { contentType: 'application/json', body: api(3) },
      [`${H}/gkmlpt/api/all/2792?page=1&sid=755031`]: { contentType: 'application/json', body: JSON.stringify({ total: 0, articles: [] }) },
    };
    const f = new FakeFetcher(routes);
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, probeSoft404: false, maxDepth: 1 });
    const col = snap.pages.find((p) => p.url === `${H}/gkmlpt/index#2791`)!;
    expect(col.lists[0]).toMatchObject({ source: 'gkmlpt', total: 6, pages: 3 });
    expect(col.lists[0].items).toHaveLength(6);
    expect(col.lists[0].items[0]).toMatchObject({ title: '公开目录第1页第1条', date: '2026-02-17', dateSource: 'markup' });
    const other = snap.pages.find((p) => p.url === `${H}/gkmlpt/index#2792`)!;
    expect(other.lists[0]).toMatchObject({ source: 'gkmlpt', total: 0, items: [] });
    // The hash-routed document is fetched once for both columns.
    expect(f.requests.filter((r) => r.url === `${H}/gkmlpt/index`)).toHaveLength(1);
  });

  test('undated items get dates from detail pages (meta first, then 发布日期 text), a few per list', async () => {
    const items = [1, 2, 3, 4].map((n) => `<li><a href="/xw/${n}.html">一条没有日期的新闻标题${n}</a></li>`).join('');
    const routes: Record<string, string> = {
      [`${H}/`]: page('首页', '<a href="/xw/">新闻动态</a>'),
      [`${H}/xw/`]: page('新闻动态', `<ul>${items}</ul>`),
      [`${H}/xw/1.html`]: page('新闻1', '<div class="article">正文</div>', '<meta name="PubDate" content="2026-02-20 08:00">'),
      [`${H}/xw/2.html`]: page('新闻2', '<div class="info">发布日期：2026年2月18日</div><div class="article">正文</div>'),
      [`${H}/xw/3.html`]: page('新闻3', '<div class="article">没有日期</div>'),
      [`${H}/xw/4.html`]: page('新闻4', '<div class="article">x</div>', '<meta name="PubDate" content="2026-01-01">'),
    };
    const f = new FakeFetcher(routes);
    const snap = await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, probeSoft404: false, maxDepth: 1, maxDetailPerList: 3 });
    const list = snap.pages.find((p) => p.url === `${H}/xw/`)!.lists[0];
    expect(list.items.map((i) => [i.date, i.dateSource])).toEqual([
      ['2026-02-20', 'detail-meta'], ['2026-02-18', 'detail-text'], [undefined, undefined], [undefined, undefined],
    ]);
    // Depth 1 would not reach /xw/N.html; detail pages are fetched anyway, but only three of them.
    expect(f.fetched(`${H}/xw/3.html`)).toBe(true);
    expect(f.fetched(`${H}/xw/4.html`)).toBe(false);
  });
});

describe('snapshot JSON', () => {
  test('version check', () => {
    expect(() => snapshotFromJson('{"version":2}')).toThrow(/version/);
    expect(() => snapshotFromJson('nope')).toThrow(/JSON/);
    expect(() => snapshotFromJson(JSON.stringify({ version: 1, site: { url: 'x' }, pages: [{}], events: [], stats: {} }))).toThrow(/page/);
  });
});
