/**
 * Empty versus stale versus form: a list page that says 暂无信息 is empty (not stale), a CMS total of 0 is empty,
 * an empty list container is empty unless a script could fill it, and a 写信 form or a login gate is a channel.
 */
import { describe, expect, it } from 'vitest';
import { runRule } from '@gongkai/core';
import { extractPage } from '../../src/extract/page.js';
import { analyzeSite, auditSnapshot } from '../../src/analysis/index.js';
import * as r from '../../src/rules/index.js';
import type { FetchedPage } from '../../src/snapshot.js';
import { AS_OF, ORIGIN, freshHome, page, snapshot } from './site-fixtures.js';

const settings = { asOf: AS_OF };

/** A fetched page built from HTML the way the crawler builds it. */
function htmlPage(path: string, html: string): FetchedPage {
  const url = `${ORIGIN}${path}`;
  const ex = extractPage(html, url, { now: new Date('2026-11-20T10:00:00+08:00') });
  return page(path, {
    title: ex.title, meta: ex.meta, links: ex.links, lists: ex.lists, breadcrumb: ex.breadcrumb, textLength: ex.textLength,
    saysEmpty: ex.saysEmpty, emptyMarker: ex.emptyMarker, emptyList: ex.emptyList, interactive: ex.interactive, scriptData: ex.scriptData,
  });
}

// A sub-menu of long sibling column names: it looks like a list of titles, but it is navigation.
const MENU = `<div class="left-menu"><ul>
  <li><a href="/xxgk/zfxxgkzn/">政府信息公开指南说明</a></li><li><a href="/xxgk/zfxxgkzd/">政府信息公开制度汇编</a></li>
  <li><a href="/xxgk/tzgg/">通知公告信息发布栏目</a></li><li><a href="/xxgk/gzdt/">工作动态信息发布栏目</a></li></ul></div>`;
const FILLER = '<p>本网站由某市生态环境局主办，欢迎社会各界对我局政府信息公开工作提出意见和建议。联系电话：0571-00000000，地址：某市人民路1号。</p>'.repeat(3);

function columnPage(name: string, body: string, scripts = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title><meta name="ColumnName" content="${name}"></head>
<body><div class="position">当前位置：<a href="/">首页</a> &gt; <span>${name}</span></div>${MENU}<div class="main">${body}</div>${FILLER}${scripts}</body></html>`;
}

function siteWith(path: string, html: string, name: string) {
  const home = freshHome({ links: [{ url: `${ORIGIN}${path}`, text: name, area: 'nav' }] });
  return snapshot([home, htmlPage(path, html)]);
}

const columnOf = (s: ReturnType<typeof snapshot>, id: string) => analyzeSite(s, { asOf: AS_OF }).columns.find((c) => c.id === id)!;

describe('empty, not stale', () => {
  it('a list page saying 暂无信息 next to a menu of sibling columns is empty, not an undated stale column', async () => {
    const s = siteWith('/xxgk/tzgg/', columnPage('通知公告', '<div class="list"><p class="empty">暂无信息</p></div>'), '通知公告');
    const c = columnOf(s, 'notices');
    expect(c).toMatchObject({ found: true, empty: true, stale: null });
    expect(await runRule(r.staleColumn, auditSnapshot(s), {}, { settings })).toEqual([]);
    const empty = await runRule(r.emptyColumn, auditSnapshot(s), {}, { settings });
    expect(empty.map((f) => f.data!.column)).toEqual(['notices']);
  });

  it('没有记录 in a table, 暂无数据, and a zero total from the list endpoint are empty', () => {
    const table = columnPage('工作动态', '<table class="tab"><tr><th>标题</th><th>日期</th></tr><tr><td colspan="2">没有记录</td></tr></table>');
    expect(columnOf(siteWith('/xxgk/gzdt/', table, '工作动态'), 'news')).toMatchObject({ empty: true, stale: null });
    const zero = page('/gkmlpt/index#2791', {
      meta: { ColumnName: '工作动态' }, textLength: 5000, lists: [{ source: 'gkmlpt', items: [], total: 0 }],
    });
    const s = snapshot([freshHome({ links: [{ url: `${ORIGIN}/gkmlpt/index#2791`, text: '工作动态', area: 'nav' }] }), zero]);
    expect(columnOf(s, 'news')).toMatchObject({ empty: true, stale: null });
  });

  it('an empty list container is empty, unless a script on the page could load the list (then it is not judged)', () => {
    const bare = columnPage('通知公告', '<ul class="news-list"></ul>');
    expect(columnOf(siteWith('/tzgg/', bare, '通知公告'), 'notices')).toMatchObject({ empty: true, stale: null });
    const scripted = columnPage('通知公告', '<ul class="news-list" id="list"></ul>', '<script>$.ajax({ url: "/api/list?col=12", success: render });</script>');
    expect(columnOf(siteWith('/tzgg/', scripted, '通知公告'), 'notices')).toMatchObject({ empty: false, stale: null, unjudged: true });
  });

  it('a long page with no list at all and no sign of emptiness is not judged: neither empty nor stale', () => {
    const prose = columnPage('工作动态', `<div class="text">${'本栏目发布本局工作动态。'.repeat(40)}</div>`);
    expect(columnOf(siteWith('/gzdt/', prose, '工作动态'), 'news')).toMatchObject({ empty: false, stale: null });
  });

  it('real dated items stay items even if a side block says 暂无', () => {
    const body = '<ul class="list"><li><a href="/gzdt/202611/t20261118_1.html">市局召开生态环境保护工作推进会议</a><span>2026-11-18</span></li></ul><div class="side">相关附件：暂无数据</div>';
    expect(columnOf(siteWith('/gzdt/', columnPage('工作动态', body), '工作动态'), 'news')).toMatchObject({ empty: false, stale: false, newest: { date: '2026-11-18' } });
  });
});

describe('a submission form or a login gate is a channel, never an empty column', () => {
  const form = columnPage(
    '局长信箱',
    `<form action="/mailbox/submit" method="post"><p>姓名：<input type="text" name="name"></p><p>电话：<input type="text" name="tel"></p>
     <p>标题：<input type="text" name="title"></p><p>内容：<textarea name="content"></textarea></p><input type="submit" value="提交"></form>`,
  );
  const login = columnPage(
    '网上咨询',
    '<form action="/sso/login" method="post"><input type="text" name="user" placeholder="用户名"><input type="password" name="pwd"><button>登录</button></form><p>请先登录后写信</p>',
  );

  it('extraction tells a 写信 form and a login gate from a search box', () => {
    expect(extractPage(form, `${ORIGIN}/jzxx/`).interactive).toBe('form');
    expect(extractPage(login, `${ORIGIN}/wszx/`).interactive).toBe('login');
    const search = columnPage('通知公告', '<form action="/search"><input type="text" name="q"><input type="submit" value="搜索"></form><p>暂无信息</p>');
    expect(extractPage(search, `${ORIGIN}/tzgg/`).interactive).toBeUndefined();
  });

  it('the consultation column on a form page is a channel: no empty-column finding, and the interaction rule sees a channel', async () => {
    for (const [path, html, kind] of [['/jzxx/', form, 'form'], ['/wszx/', login, 'login']] as const) {
      const name = kind === 'form' ? '局长信箱' : '网上咨询';
      const s = siteWith(path, html, name);
      expect(columnOf(s, 'consultation')).toMatchObject({ found: true, empty: false, stale: null, channel: kind });
      expect(await runRule(r.emptyColumn, auditSnapshot(s), {}, { settings })).toEqual([]);
      const interaction = await runRule(r.interactionUnanswered, auditSnapshot(s), {}, { settings });
      expect(interaction.map((f) => f.messageId)).not.toContain('noChannel');
    }
  });

  it('a mailbox entry page without letters (我要写信, 查询回复) is a channel, not an empty column', async () => {
    const entry = page('/ldxx/', { meta: { ColumnName: '局长信箱' }, textLength: 60, links: [{ url: `${ORIGIN}/ldxx/write.html`, text: '我要写信', area: 'body' }] });
    const s = snapshot([freshHome({ links: [{ url: `${ORIGIN}/ldxx/`, text: '局长信箱', area: 'nav' }] }), entry]);
    expect(columnOf(s, 'consultation')).toMatchObject({ found: true, empty: false, channel: 'entry' });
    expect(await runRule(r.emptyColumn, auditSnapshot(s), {}, { settings })).toEqual([]);
    // The same thin page as a list column is empty.
    const notices = page('/tzgg/', { meta: { ColumnName: '通知公告' }, textLength: 60 });
    const t = snapshot([freshHome({ links: [{ url: `${ORIGIN}/tzgg/`, text: '通知公告', area: 'nav' }] }), notices]);
    expect(columnOf(t, 'notices')).toMatchObject({ empty: true });
  });

  it('an online application form for 依申请公开 is not an empty column either', async () => {
    const apply = columnPage('依申请公开', '<form><input type="text" name="n"><input type="text" name="id"><textarea name="desc"></textarea><button>提交申请</button></form>');
    const s = siteWith('/ysqgk/', apply, '依申请公开');
    expect(columnOf(s, 'requests')).toMatchObject({ empty: false, channel: 'form' });
    expect(await runRule(r.emptyColumn, auditSnapshot(s), {}, { settings })).toEqual([]);
  });
});

describe('a column is a page found through navigation, not a headline that mentions its name', () => {
  const article = (path: string, title: string, column?: string) =>
    page(path, {
      title, meta: { ArticleTitle: title, PubDate: '2026-11-02 09:00', ...(column ? { ColumnName: column } : {}) },
      mainText: `${title}。近日，我县召开会议，部署行政许可和行政处罚等信用信息公示工作，要求各部门按时公示。`, textLength: 900,
    });
  const news = page('/gzdt/', {
    meta: { ColumnName: '工作动态' },
    lists: [{
      source: 'markup',
      items: [
        { title: '双公示工作通报', url: `${ORIGIN}/gzdt/202611/t20261102_1.html`, date: '2026-11-02', dateSource: 'markup' },
        { title: '信用信息双公示', url: `${ORIGIN}/gzdt/202610/t20261020_2.html`, date: '2026-10-20', dateSource: 'markup' },
      ],
    }],
    links: [
      { url: `${ORIGIN}/gzdt/202611/t20261102_1.html`, text: '双公示工作通报', area: 'list' },
      { url: `${ORIGIN}/gzdt/202610/t20261020_2.html`, text: '信用信息双公示', area: 'list' },
    ],
  });
  const pages = [
    freshHome({ links: [{ url: `${ORIGIN}/gzdt/`, text: '工作动态', area: 'nav' }] }),
    news,
    article('/gzdt/202611/t20261102_1.html', '双公示工作通报'),
    article('/gzdt/202610/t20261020_2.html', '信用信息双公示', '双公示'),
  ];

  it('headlines and articles naming 双公示 do not make the column exist: a government site is told it is missing', async () => {
    const s = snapshot(pages, [], { level: 'government' });
    const a = analyzeSite(s, { asOf: AS_OF });
    expect(a.columns.find((c) => c.id === 'dual-publicity')!.found).toBe(false);
    const f = await runRule(r.missingColumn, auditSnapshot(s), {}, { settings });
    expect(f.find((x) => x.data!.column === 'dual-publicity')).toMatchObject({ severity: 'error', messageId: 'missing' });
  });

  it('a loose name on a link to a list page still finds the column ("本局工作动态" in a page body)', () => {
    const list = page('/bjdt/', { lists: [{ source: 'markup', items: [{ title: '市局召开生态环境保护工作推进会议', url: `${ORIGIN}/bjdt/202611/t20261118_1.html`, date: '2026-11-18', dateSource: 'markup' }] }] });
    const home = freshHome({ links: [{ url: `${ORIGIN}/bjdt/`, text: '本局工作动态', area: 'body' }] });
    const a = analyzeSite(snapshot([home, list]), { asOf: AS_OF });
    expect(a.columns.find((c) => c.id === 'news')).toMatchObject({ found: true, location: { url: `${ORIGIN}/bjdt/`, how: 'link' } });
  });

  it('a navigation link to the 双公示 list page does (control)', () => {
    const list = page('/sgs/', {
      meta: { ColumnName: '双公示' },
      lists: [{ source: 'markup', items: [{ title: '某公司排污许可证核发决定', url: `${ORIGIN}/sgs/202611/t20261106_3.html`, date: '2026-11-06', dateSource: 'markup' }] }],
    });
    const home = freshHome({ links: [{ url: `${ORIGIN}/gzdt/`, text: '工作动态', area: 'nav' }, { url: `${ORIGIN}/sgs/`, text: '双公示', area: 'nav' }] });
    const a = analyzeSite(snapshot([home, ...pages.slice(1), list], [], { level: 'government' }), { asOf: AS_OF });
    expect(a.columns.find((c) => c.id === 'dual-publicity')).toMatchObject({ found: true, location: { url: `${ORIGIN}/sgs/` } });
  });
});

describe('extraction keeps the 三公 evidence of a long 决算 page', () => {
  it('mentions are read from the whole text, past the kept part of mainText', () => {
    const long = '一、收入支出决算总体情况说明。'.repeat(200);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>2025年度部门决算</title><meta name="ArticleTitle" content="2025年度部门决算"></head>
<body><div class="TRS_Editor"><p>${long}</p><p>七、财政拨款“三公”经费支出决算情况说明：公务接待费3.2万元。</p></div></body></html>`;
    const ex = extractPage(html, `${ORIGIN}/js/2025.html`, { maxMainText: 500 });
    expect(ex.mainText!.length).toBe(500);
    expect(ex.mainText).not.toContain('三公');
    expect(ex.mentions).toEqual(['三公', '公务接待']);
  });
});

describe('undated means not updated only after looking at an article', () => {
  const items = [1, 2, 3].map((n) => ({ title: `某局召开专题会议研究部署重点工作第${n}期`, url: `${ORIGIN}/gzdt/content_${n}.html` }));
  const list = page('/gzdt/', { meta: { ColumnName: '工作动态' }, lists: [{ source: 'markup', items }] });
  const home = freshHome({ links: [{ url: `${ORIGIN}/gzdt/`, text: '工作动态', area: 'nav' }] });

  it('no article page read (crawl budget): not judged', async () => {
    const s = snapshot([home, list]);
    expect(columnOf(s, 'news')).toMatchObject({ stale: null, unjudged: true, empty: false });
    expect(await runRule(r.staleColumn, auditSnapshot(s), {}, { settings })).toEqual([]);
  });

  it('an article read that shows no date either: stale, undated', async () => {
    const s = snapshot([home, list, page('/gzdt/content_1.html', { title: items[0].title, mainText: '会议要求……', meta: { ArticleTitle: items[0].title } })]);
    expect(columnOf(s, 'news')).toMatchObject({ stale: true, staleReason: 'undated' });
    const f = await runRule(r.staleColumn, auditSnapshot(s), {}, { settings });
    expect(f.map((x) => x.messageId)).toEqual(['undated']);
  });
});

describe('forms on list pages', () => {
  it('a login box in the header does not make a page a channel; a list with a form beside it is still judged as a list', () => {
    const header = '<div class="header"><form action="/sso/login"><input type="text" name="u"><input type="password" name="p"><button>登录</button></form></div>';
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>通知公告</title><meta name="ColumnName" content="通知公告"></head><body>${header}
<div class="main"><ul class="list"><li><a href="/tzgg/202601/t20260110_1.html">关于开展春季植树活动的通知</a><span>2026-01-10</span></li></ul>
<form action="/comment"><textarea name="c"></textarea><input type="submit" value="提交留言"></form></div></body></html>`;
    expect(extractPage(html.replace(/<form action="\/comment">[\s\S]*?<\/form>/, ''), `${ORIGIN}/tzgg/`).interactive).toBeUndefined();
    const s = siteWith('/tzgg/', html, '通知公告');
    const c = columnOf(s, 'notices');
    expect(c).toMatchObject({ stale: true, staleReason: 'old' });
    expect(c.channel).toBeUndefined();
  });
});
