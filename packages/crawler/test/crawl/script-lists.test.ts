/** Lists rendered by inline scripts: read without running them, and recorded with where they came from. */
import { describe, expect, test } from 'vitest';
import { crawlSite } from '../../src/crawl.js';
import { jsonList, scriptArrayItems, scriptDataUrls } from '../../src/extract/index.js';
import { analyzeSite } from '../../src/analysis/index.js';
import { FakeFetcher, page, type Route } from './fake-fetcher.js';

const H = 'http://www.site.gov.cn';
const opts = { now: new Date('2026-11-20T10:00:00+08:00'), concurrency: 4, probeSoft404: false };

describe('reading script code', () => {
  test('data URLs of XHR, fetch, $.ajax, $.getJSON and .load(); URLs built at run time are left alone', () => {
    const scripts = `
      var xhr = new XMLHttpRequest(); xhr.open('GET', '/gzdt/list.json', false); xhr.send();
      fetch("data/tzgg.json").then(function (r) { return r.json(); });
      $.ajax({ type: 'get', url: '/api/zcwj?col=3', dataType: 'json', success: render });
      $.getJSON('/api/ghjh.json', render);
      $('#box').load('/fragments/rsxx.html');
      $.ajax({ url: '/api/page?p=' + page, success: render });
      fetch(base + '/x.json');`;
    expect(scriptDataUrls(scripts, `${H}/xxgk/index.html`)).toEqual([
      `${H}/gzdt/list.json`, `${H}/xxgk/data/tzgg.json`, `${H}/api/ghjh.json`, `${H}/fragments/rsxx.html`,
    ]);
    expect(scriptDataUrls("$.ajax({ url: '/api/zcwj?col=3' })", `${H}/`)).toEqual([`${H}/api/zcwj?col=3`]);
    // A variable holding one literal URL is followed; one that is built up is not.
    expect(scriptDataUrls("var listUrl = '/gzdt/list.json';\nxhr.open('GET', listUrl, false);", `${H}/`)).toEqual([`${H}/gzdt/list.json`]);
    expect(scriptDataUrls("var u = '/api/list?p=';\nu += page;\nfetch(u);", `${H}/`)).toEqual([]);
  });

  test('JSON list answers of several shapes, JSONP, and a zero total', () => {
    const a = jsonList(JSON.stringify({ code: 0, data: { totalCount: 23, records: [{ docTitle: '关于开展专项检查的通知', docUrl: '/tzgg/2026/1.html', pubDate: '2026-11-02 10:00' }] } }), `${H}/api/x`)!;
    expect(a).toMatchObject({ source: 'script-json', total: 23, from: `${H}/api/x` });
    expect(a.items[0]).toMatchObject({ title: '关于开展专项检查的通知', url: `${H}/tzgg/2026/1.html`, date: '2026-11-02', dateSource: 'markup' });
    const b = jsonList('callback([{"title":"某局召开会议","url":"a.html","time":1763600000}])', `${H}/gzdt/list.js`)!;
    expect(b.items[0]).toMatchObject({ title: '某局召开会议', url: `${H}/gzdt/a.html` });
    expect(b.items[0].date).toMatch(/^2025-11-2\d$/);
    expect(jsonList('{"total":0,"list":[]}', `${H}/api/y`)).toMatchObject({ total: 0, items: [] });
    expect(jsonList('{"ok":true}', `${H}/api/z`)).toBeUndefined();
    expect(jsonList('{"count":0,"today":0}', `${H}/api/visits`)).toBeUndefined();
    expect(jsonList('<html></html>', `${H}/api/z`)).toBeUndefined();
  });

  test('records written out by document.write are list items; other arrays are not', () => {
    const scripts = `var news = [
      { title: '市生态环境局召开第四季度工作会议', url: './202611/t20261118_1.html', date: '2026-11-18' },
      { title: "我局开展大气污染防治专项执法", url: "./202611/t20261112_2.html", date: "2026-11-12", },
    ];
    var colors = [{ r: 1 }];
    for (var i = 0; i < news.length; i++) document.write('<li><a href="' + news[i].url + '">' + news[i].title + '</a></li>');`;
    const items = scriptArrayItems(scripts, `${H}/gzdt/index.html`);
    expect(items).toEqual([
      { title: '市生态环境局召开第四季度工作会议', url: `${H}/gzdt/202611/t20261118_1.html`, date: '2026-11-18', dateSource: 'markup' },
      { title: '我局开展大气污染防治专项执法', url: `${H}/gzdt/202611/t20261112_2.html`, date: '2026-11-12', dateSource: 'markup' },
    ]);
    expect(scriptArrayItems('var cfg = [{ title: "x" }];', H)).toEqual([]);
  });
});

describe('the crawl follows list data that inline scripts load', () => {
  const shell = (name: string, script: string) =>
    page(name, `<h2>${name}</h2><ul id="list"></ul><p>本栏目发布${name}，欢迎社会各界监督。</p>`, `<meta name="ColumnName" content="${name}"><script>${script}</script>`);
  const routes: Record<string, Route | string> = {
    [`${H}/`]: page('某市生态环境局', '<div class="nav"><a href="/gzdt/index.html">工作动态</a><a href="/tzgg/index.html">通知公告</a><a href="/zcwj/index.html">政策文件</a><a href="/ghjh/index.html">规划计划</a></div>'),
    [`${H}/gzdt/index.html`]: shell('工作动态', `var xhr = new XMLHttpRequest(); xhr.open('GET', '/gzdt/list.json', false); xhr.send();
      var d = JSON.parse(xhr.responseText); for (var i = 0; i < d.list.length; i++) document.write('<li>' + d.list[i].title + '</li>');`),
    [`${H}/gzdt/list.json`]: { contentType: 'application/json', body: JSON.stringify({ total: 2, list: [
      { title: '市生态环境局召开第四季度工作会议', url: '/gzdt/202611/t20261118_1.html', date: '2026-11-18' },
      { title: '我局开展大气污染防治专项执法', url: '/gzdt/202611/t20261112_2.html', date: '2026-11-12' },
    ] }) },
    [`${H}/tzgg/index.html`]: shell('通知公告', "fetch('/tzgg/list.html').then(function (r) { return r.text(); }).then(function (h) { document.getElementById('list').innerHTML = h; });"),
    [`${H}/tzgg/list.html`]: '<li><a href="/tzgg/202611/t20261110_3.html">关于2026年度重点排污单位名录的公告</a><span>2026-11-10</span></li><li><a href="/tzgg/202610/t20261015_4.html">关于开展环评文件质量抽查的通知</a><span>2026-10-15</span></li>',
    [`${H}/zcwj/index.html`]: shell('政策文件', `var docs = [{ title: '某市生态环境局关于优化环评审批服务的若干措施', url: '/zcwj/202609/t20260906_5.html', date: '2026-09-06' }];
      for (var i = 0; i < docs.length; i++) document.write('<li><a href="' + docs[i].url + '">' + docs[i].title + '</a></li>');`),
    [`${H}/ghjh/index.html`]: shell('规划计划', "$.getJSON('/ghjh/list.json', render);"),
    [`${H}/ghjh/list.json`]: { contentType: 'application/json', body: '{"total":0,"list":[]}' },
  };

  test('JSON by XHR, an HTML fragment by fetch, a written-out array, and a zero total', async () => {
    const f = new FakeFetcher(routes);
    const snap = await crawlSite({ url: `${H}/`, level: 'government' }, { ...opts, fetcher: f, maxDepth: 1 });
    const lists = (path: string) => snap.pages.find((p) => p.url === `${H}${path}`)!.lists;
    expect(lists('/gzdt/index.html')).toEqual([expect.objectContaining({ source: 'script-json', from: `${H}/gzdt/list.json`, total: 2 })]);
    expect(lists('/gzdt/index.html')[0].items.map((i) => i.date)).toEqual(['2026-11-18', '2026-11-12']);
    expect(lists('/tzgg/index.html')).toEqual([expect.objectContaining({ source: 'script-html', from: `${H}/tzgg/list.html` })]);
    expect(lists('/tzgg/index.html')[0].items).toHaveLength(2);
    expect(lists('/zcwj/index.html')).toEqual([expect.objectContaining({ source: 'script-array' })]);
    expect(lists('/ghjh/index.html')).toEqual([expect.objectContaining({ source: 'script-json', total: 0, items: [] })]);
    // Data answers are recorded as continuations of their page, so they are never counted as columns themselves.
    expect(snap.pages.find((p) => p.url === `${H}/gzdt/list.json`)).toMatchObject({ kind: 'data', paginationOf: `${H}/gzdt/index.html` });

    const a = analyzeSite(snap, { asOf: '2026-11-20', level: 'government' });
    const col = (id: string) => a.columns.find((c) => c.id === id)!;
    expect(col('news')).toMatchObject({ found: true, empty: false, stale: false, newest: { date: '2026-11-18' } });
    expect(col('notices')).toMatchObject({ empty: false, stale: false, newest: { date: '2026-11-10' } });
    expect(col('policy-documents')).toMatchObject({ empty: false, stale: false });
    expect(col('plans')).toMatchObject({ empty: true, stale: null });
  });

  test('data URLs go through the same fetcher and budgets: none when the list budget is one page', async () => {
    const f = new FakeFetcher(routes);
    await crawlSite({ url: `${H}/` }, { ...opts, fetcher: f, maxDepth: 1, maxListPages: 1 });
    expect(f.fetched(`${H}/gzdt/list.json`)).toBe(false);
    expect(f.fetched(`${H}/tzgg/list.html`)).toBe(false);
  });
});

describe('gkmlpt: every category of the platform', () => {
  test('categories drawn from the inline configuration are followed through the API, with a JSON-style SID', async () => {
    const api = (title: string, date: string) => JSON.stringify({ total: 1, articles: [{ title, url: `${H}/gkmlpt/content/2/2791/post_9${date.slice(8)}.html`, publish_time: `${date} 09:00:00` }] });
    const cfg = `window._GK = {"SID":"755031","columns":[{"id":2791,"name":"政策文件","pid":0},{"id":2793,"name":"工作动态","pid":0},{"name":"规划计划","id":2795,"pid":0}]};`;
    const routes: Record<string, Route | string> = {
      [`${H}/`]: page('某县人民政府', '<div class="nav"><a href="/gkmlpt/index">政府信息公开</a></div>'),
      [`${H}/gkmlpt/index`]: page('政府信息公开', '<div id="app"></div>', `<script>${cfg}</script>`),
      [`${H}/gkmlpt/api/all/2791?page=1&sid=755031`]: { contentType: 'application/json', body: api('某县人民政府关于印发乡村振兴实施方案的通知', '2026-10-30') },
      [`${H}/gkmlpt/api/all/2793?page=1&sid=755031`]: { contentType: 'application/json', body: api('县政府召开常务会议研究部署冬季安全生产工作', '2026-11-17') },
      [`${H}/gkmlpt/api/all/2795?page=1&sid=755031`]: { contentType: 'application/json', body: '{"data":{"articles":[],"total":0}}' },
    };
    const f = new FakeFetcher(routes);
    const snap = await crawlSite({ url: `${H}/`, level: 'government' }, { ...opts, fetcher: f, maxDepth: 2 });
    for (const id of [2791, 2793, 2795]) expect(f.fetched(`${H}/gkmlpt/api/all/${id}?page=1&sid=755031`), String(id)).toBe(true);
    const a = analyzeSite(snap, { asOf: '2026-11-20', level: 'government' });
    const col = (id: string) => a.columns.find((c) => c.id === id)!;
    expect(col('policy-documents')).toMatchObject({ found: true, empty: false, newest: { date: '2026-10-30' }, location: { how: 'nav-link' } });
    expect(col('news')).toMatchObject({ found: true, empty: false, stale: false });
    expect(col('plans')).toMatchObject({ found: true, empty: true });
    expect(snap.pages.find((p) => p.url === `${H}/gkmlpt/index#2791`)!.lists[0]).toMatchObject({ source: 'gkmlpt', from: `${H}/gkmlpt/api/all/2791?page=1&sid=755031` });
  });
});
