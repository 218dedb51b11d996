import { describe, expect, test } from 'vitest';
import { crawlSite, snapshotFromJson, snapshotToJson } from '../../src/crawl.js';
import { FakeFetcher, page } from './fake-fetcher.js';

const H = 'http://www.site.gov.cn';
const NOW = new Date('2026-03-01T00:00:00Z');
const NAV = `<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a></div>`;
const FOOTER = `<div class="footer"><a href="http://www.gov.cn/">中国政府网</a></div>`;

function menuSite(articles: number, paragraph = '为进一步做好政府信息公开工作，现将有关事项通知如下。'): Record<string, string> {
  const routes: Record<string, string> = {};
  const list = Array.from({ length: articles }, (_, i) => `<li><a href="/zwgk/t20260101_${i}.html">通知${i}</a><span>2026-01-01</span></li>`).join('');
  routes[`${H}/`] = page('首页', `${NAV}<ul>${list}</ul>${FOOTER}`);
  routes[`${H}/zwgk/`] = page('政务公开', `${NAV}<p>政务公开栏目</p>${FOOTER}`);
  routes[`${H}/hdjl/`] = page('互动交流', `${NAV}<p>互动交流栏目</p>${FOOTER}`);
  for (let i = 0; i < articles; i++) {
    routes[`${H}/zwgk/t20260101_${i}.html`] = page(
      `通知${i}`,
      // The same URL and text as a menu link, but in the body: a different link that must stay distinct.
      `${NAV}<div class="article"><h1>通知${i}</h1><p>${paragraph.repeat(2)}</p><p><a href="/zwgk/">政务公开</a></p></div>${FOOTER}`,
      '<meta name="ArticleTitle" content="通知"><meta name="PubDate" content="2026-01-01">',
    );
  }
  return routes;
}

describe('snapshot sharing', () => {
  test('repeated menu links are one shared, frozen object; the JSON is unchanged', async () => {
    const snap = await crawlSite({ url: `${H}/` }, { now: NOW, concurrency: 3, probeSoft404: false, fetcher: new FakeFetcher(menuSite(6)) });
    const html = snap.pages.filter((p) => p.kind === 'html' && p.status === 200);
    expect(html.length).toBe(9);
    const navLinks = html.map((p) => p.links.find((l) => l.url === `${H}/zwgk/` && l.area === 'nav'));
    expect(navLinks.every((l) => l !== undefined)).toBe(true);
    expect(new Set(navLinks).size).toBe(1);
    expect(Object.isFrozen(navLinks[0])).toBe(true);
    expect(navLinks[0]).toEqual({ url: `${H}/zwgk/`, text: '政务公开', area: 'nav' });

    const article = html.find((p) => p.url.endsWith('_3.html'))!;
    const bodyLink = article.links.find((l) => l.url === `${H}/zwgk/` && l.area !== 'nav');
    expect(bodyLink).toBeDefined();
    expect(bodyLink).not.toBe(navLinks[0]);
    expect(article.links.find((l) => l.url === 'http://www.gov.cn/')).toEqual({ url: 'http://www.gov.cn/', text: '中国政府网', area: 'footer' });

    const json = snapshotToJson(snap);
    expect(snapshotFromJson(json)).toEqual(snap);
    // Plain data: a parsed copy is mutable again.
    const copy = snapshotFromJson(json);
    copy.pages[0].links[0].text = 'changed';
    expect(copy.pages[0].links[0].text).toBe('changed');
  });

  test('article main text is capped at 20,000 characters by default and by maxMainText when given', async () => {
    const long = '第一条为进一步做好政府信息公开工作。'.repeat(1500); // 27,000 characters
    const routes = menuSite(1, long);
    const byDefault = await crawlSite({ url: `${H}/` }, { now: NOW, probeSoft404: false, fetcher: new FakeFetcher(routes) });
    const art = byDefault.pages.find((p) => p.url.endsWith('_0.html'))!;
    expect(art.mainText?.length).toBe(20_000);
    expect(art.mainText?.startsWith('通知0 第一条为进一步')).toBe(true);
    expect(art.textLength).toBeGreaterThan(50_000);

    const small = await crawlSite({ url: `${H}/` }, { now: NOW, probeSoft404: false, maxMainText: 500, fetcher: new FakeFetcher(routes) });
    expect(small.pages.find((p) => p.url.endsWith('_0.html'))!.mainText).toBe(art.mainText!.slice(0, 500));

    const wide = await crawlSite({ url: `${H}/` }, { now: NOW, probeSoft404: false, maxMainText: 200_000, fetcher: new FakeFetcher(routes) });
    expect(wide.pages.find((p) => p.url.endsWith('_0.html'))!.mainText!.length).toBeGreaterThan(50_000);
  });

  test('table cells, list headers and record fields reach the snapshot, across list pages, as plain JSON', async () => {
    const row = (i: number, answered: string, status: string) =>
      `<tr><td><a href="/hdjl/detail_${i}.html">关于第${i}号来信反映问题的答复</a></td><td>2026-02-0${i}</td><td>${answered}</td><td>${status}</td></tr>`;
    const table = (rows: string) =>
      `<table><thead><tr><th>标题</th><th>留言时间</th><th>回复时间</th><th>状态</th></tr></thead><tbody>${rows}</tbody></table>`;
    const routes: Record<string, string> = {
      [`${H}/`]: page('首页', `${NAV}<p>欢迎访问</p>${FOOTER}`),
      [`${H}/hdjl/`]: page('互动交流', `${NAV}<div class="list">${table(row(1, '2026-02-03', '已回复') + row(2, '', '办理中'))}<a href="/hdjl/index_1.html">下一页</a></div>${FOOTER}`),
      [`${H}/hdjl/index_1.html`]: page('互动交流', `${NAV}<div class="list">${table(row(3, '', '办理中'))}</div>${FOOTER}`),
    };
    for (const i of [1, 2, 3]) {
      routes[`${H}/hdjl/detail_${i}.html`] = page(
        `来信${i}`,
        `${NAV}<div class="article"><table><tr><th>来信时间</th><td>2026-02-0${i}</td></tr><tr><th>回复内容</th><td>${i === 1 ? '已转相关科室办理' : ''}</td></tr></table></div>${FOOTER}`,
      );
    }
    const snap = await crawlSite({ url: `${H}/` }, { now: NOW, probeSoft404: false, fetcher: new FakeFetcher(routes) });
    const list = snap.pages.find((p) => p.url === `${H}/hdjl/`)!.lists.find((l) => l.header)!;
    expect(list.header).toEqual(['留言时间', '回复时间', '状态']);
    // The second list page's row was merged into the first page's list with its cells.
    expect(list.items.map((i) => i.cells)).toEqual([
      ['2026-02-01', '2026-02-03', '已回复'],
      ['2026-02-02', '', '办理中'],
      ['2026-02-03', '', '办理中'],
    ]);
    const detail = (i: number) => snap.pages.find((p) => p.url === `${H}/hdjl/detail_${i}.html`)!;
    expect(detail(1).fields).toEqual({ 来信时间: '2026-02-01', 回复内容: '已转相关科室办理' });
    expect(detail(2).fields).toEqual({ 来信时间: '2026-02-02', 回复内容: '' });
    const json = snapshotToJson(snap);
    expect(snapshotFromJson(json)).toEqual(snap);
  });
});
