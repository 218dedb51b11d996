import { describe, expect, test } from 'vitest';
import { extractPage } from '../../src/extract/index.js';

const NOW = new Date('2026-03-01T00:00:00Z');
const BASE = 'http://www.example.gov.cn/zwgk/tzgg/index.shtml';

const columnPage = `<!DOCTYPE html><html><head><title>通知公告 - 某某市人民政府</title>
<meta name="SiteName" content="某某市人民政府"><meta name="ColumnName" content="通知公告">
<meta name="ColumnType" content="通知公告"><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<div class="header"><a href="/"><img src="/logo.png" alt="某某市人民政府"></a></div>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <span>通知公告</span></div>
<h2>通知公告</h2>
<ul class="list">
<li><a href="./202602/t20260214_1.shtml" title="关于开展2026年度安全生产大检查工作的通知">关于开展2026年度安全生产...</a><span>2026-02-14</span>
<li><a href="./202602/t20260210_2.shtml">关于春节期间值班安排的通知</a><span class="date">[02-10]</span>
<li><a href='./202601/t20260105_3.shtml'>某某市2025年政府信息公开工作年度报告</a><em>2026年1月5日</em>
</ul>
<p>正文说明 <a href="/zwgk/xxgkzn/">政府信息公开指南</a></p>
</div>
<div class="footer"><a href="/wzdt/">网站地图</a> 主办：某某市人民政府办公室</div>
<a href="javascript:void(0)">打印</a><a href="mailto:a@b.cn">邮箱</a>
</body></html>`;

describe('extractPage on a column page', () => {
  const ex = extractPage(columnPage, BASE, { now: NOW });

  test('title, meta and headings', () => {
    expect(ex.title).toBe('通知公告 - 某某市人民政府');
    expect(ex.meta).toMatchObject({ SiteName: '某某市人民政府', ColumnName: '通知公告', ColumnType: '通知公告' });
    expect(ex.meta['Content-Type']).toContain('utf-8');
    expect(ex.headings).toEqual([{ level: 2, text: '通知公告' }]);
  });

  test('links are absolute, normalised and carry their area', () => {
    const area = (text: string) => ex.links.filter((l) => l.text === text).map((l) => l.area);
    expect(area('首页')).toEqual(['nav', 'breadcrumb']);
    expect(area('互动交流')).toEqual(['nav']);
    expect(area('某某市人民政府')).toEqual(['nav']);
    expect(area('网站地图')).toEqual(['footer']);
    expect(area('政府信息公开指南')).toEqual(['body']);
    expect(area('关于春节期间值班安排的通知')).toEqual(['list']);
    expect(ex.links.find((l) => l.text === '关于春节期间值班安排的通知')?.url).toBe('http://www.example.gov.cn/zwgk/tzgg/202602/t20260210_2.shtml');
    expect(ex.links.some((l) => l.url.startsWith('javascript') || l.url.startsWith('mailto'))).toBe(false);
  });

  test('breadcrumb', () => {
    expect(ex.breadcrumb).toEqual(['首页', '政务公开', '通知公告']);
  });

  test('markup list with full, bracketed yearless and Chinese dates (unclosed <li>)', () => {
    expect(ex.lists).toHaveLength(1);
    const [list] = ex.lists;
    expect(list.source).toBe('markup');
    expect(list.items).toEqual([
      { title: '关于开展2026年度安全生产大检查工作的通知', url: 'http://www.example.gov.cn/zwgk/tzgg/202602/t20260214_1.shtml', date: '2026-02-14', dateSource: 'markup' },
      { title: '关于春节期间值班安排的通知', url: 'http://www.example.gov.cn/zwgk/tzgg/202602/t20260210_2.shtml', date: '2026-02-10', dateSource: 'markup', yearInferred: true },
      { title: '某某市2025年政府信息公开工作年度报告', url: 'http://www.example.gov.cn/zwgk/tzgg/202601/t20260105_3.shtml', date: '2026-01-05', dateSource: 'markup' },
    ]);
  });

  test('not empty, not an article, not "not found"', () => {
    expect(ex.saysEmpty).toBe(false);
    expect(ex.saysNotFound).toBe(false);
    expect(ex.isArticle).toBe(false);
    expect(ex.mainText).toBeUndefined();
    expect(ex.textLength).toBeGreaterThan(20);
  });
});

describe('lists', () => {
  test('table rows with a link and a date cell', () => {
    const html = `<table><tr><th>标题</th><th>日期</th></tr>
      <tr><td><a href="/a/1.html">关于印发某某办法的通知</a></td><td>2025-12-01</td></tr>
      <tr><td><a href="/a/2.html">关于调整某某标准的通知</a></td><td>2025-11-20</td></tr></table>`;
    const ex = extractPage(html, 'http://x.gov.cn/zcwj/', { now: NOW });
    expect(ex.lists).toHaveLength(1);
    expect(ex.lists[0].items.map((i) => i.date)).toEqual(['2025-12-01', '2025-11-20']);
  });

  test('an undated column of long titles is a list; items fall back to URL dates', () => {
    const html = `<div class="lb"><ul>
      <li><a href="/art/2026/2/1/art_1_1.html">某某区召开2026年第一次常务会议</a></li>
      <li><a href="/art/2026/1/20/art_1_2.html">某某区开展冬季安全生产检查</a></li>
      <li><a href="/xw/3.html">某某区举行新春慰问活动座谈会</a></li></ul></div>`;
    const ex = extractPage(html, 'http://x.gov.cn/col/col1/index.html', { now: NOW });
    expect(ex.lists).toHaveLength(1);
    expect(ex.lists[0].items.map((i) => [i.date, i.dateSource])).toEqual([
      ['2026-02-01', 'url'], ['2026-01-20', 'url'], [undefined, undefined],
    ]);
  });

  test('short menu entries are not a list', () => {
    const html = `<div class="box"><ul><li><a href="/a">机构</a></li><li><a href="/b">政策</a></li><li><a href="/c">服务</a></li></ul></div>`;
    expect(extractPage(html, 'http://x.gov.cn/', { now: NOW }).lists).toEqual([]);
  });

  test('TRS split lists (one <ul> per 5 items) merge into one list; date inside the link', () => {
    const li = (n: number) => `<li><a href="./t2026010${n}_${n}.html"><span class="bt">标题第${n}条新闻动态</span><span class="rq">2026-01-0${n}</span></a></li>`;
    const html = `<div class="news"><ul>${li(1)}${li(2)}</ul><ul>${li(3)}${li(4)}</ul></div>`;
    const ex = extractPage(html, 'http://x.gov.cn/xwdt/', { now: NOW });
    expect(ex.lists).toHaveLength(1);
    expect(ex.lists[0].items.map((i) => i.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
  });

  test('pager links become nextPages of the main list and are ordered', () => {
    const html = `<ul><li><a href="/a/1.html">第一条通知公告的标题</a><span>2026-02-01</span></li></ul>
      <div class="page"><a href="list_2.html">下一页</a><a href="list_3.html">3</a><a href="list_2.html">2</a><a href="list_9.html">尾页</a></div>`;
    const ex = extractPage(html, 'http://x.gov.cn/tzgg/list.html', { now: NOW });
    expect(ex.lists[0].nextPages).toEqual(['http://x.gov.cn/tzgg/list_2.html', 'http://x.gov.cn/tzgg/list_3.html', 'http://x.gov.cn/tzgg/list_9.html']);
  });
});

describe('article pages', () => {
  test('meta PubDate, info block, main text', () => {
    const html = `<html><head><title>关于某某的通知</title><meta name="ArticleTitle" content="关于某某的通知">
      <meta name="PubDate" content="2026-02-14 10:20"><meta name="ContentSource" content="市政府办公室"></head><body>
      <div class="nav"><a href="/">首页</a></div>
      <div class="info">发布日期：2026-02-14 10:20 来源：市政府办公室 浏览次数：10</div>
      <div class="TRS_Editor"><p>各区人民政府：</p><p>现将有关事项通知如下。</p></div>
      <div class="footer">版权所有</div></body></html>`;
    const ex = extractPage(html, 'http://x.gov.cn/zwgk/202602/t20260214_9.shtml', { now: NOW });
    expect(ex.isArticle).toBe(true);
    expect(ex.pubDate).toEqual({ date: '2026-02-14', source: 'detail-meta' });
    expect(ex.pageInfo).toMatchObject({ 发布日期: '2026-02-14 10:20', 来源: '市政府办公室' });
    expect(ex.mainText).toBe('各区人民政府： 现将有关事项通知如下。');
  });

  test('disclosure table info block and 发布日期 (not 成文日期) as detail-text', () => {
    const html = `<table class="xxgk"><tr><td>索引号</td><td>11320000014000319X/2026-00012</td><td>发布机构</td><td>某某局</td></tr>
      <tr><td>成文日期</td><td>2026年1月5日</td><td>发布日期：</td><td>2026年1月8日</td></tr></table>
      <div id="zoom">正文内容正文内容</div>`;
    const ex = extractPage(html, 'http://x.gov.cn/art/2026/1/8/art_1_2.html', { now: NOW });
    expect(ex.pageInfo).toMatchObject({ 索引号: '11320000014000319X/2026-00012', 发布机构: '某某局', 成文日期: '2026年1月5日', 发布日期: '2026年1月8日' });
    expect(ex.pubDate).toEqual({ date: '2026-01-08', source: 'detail-text' });
  });

  test('mainText is capped', () => {
    const html = `<div class="article">${'字'.repeat(5000)}</div>`;
    expect(extractPage(html, 'http://x.gov.cn/a/t20260101_1.html', { maxMainText: 1000 }).mainText).toHaveLength(1000);
  });
});

describe('signals', () => {
  test('says empty', () => {
    const ex = extractPage('<div class="list">暂无信息</div>', 'http://x.gov.cn/col/', { now: NOW });
    expect(ex.saysEmpty).toBe(true);
  });

  test('not empty when the page also lists items', () => {
    const html = `<ul><li><a href="/1.html">某某通知公告标题一</a><span>2026-01-01</span></li></ul><div class="side">暂无数据</div>`;
    expect(extractPage(html, 'http://x.gov.cn/col/', { now: NOW }).saysEmpty).toBe(false);
  });

  test.each([
    ['<title>404</title><body>页面找不到了</body>'],
    ['<body><div>对不起，您访问的页面不存在或已被删除！</div></body>'],
    ['<body><h1>页面已删除</h1></body>'],
  ])('says not found: %s', (html) => {
    expect(extractPage(html, 'http://x.gov.cn/a.html').saysNotFound).toBe(true);
  });

  test('meta refresh and JS redirects', () => {
    expect(extractPage('<meta http-equiv="refresh" content="0; url=/portal/index.html">', 'http://x.gov.cn/').redirectTo)
      .toBe('http://x.gov.cn/portal/index.html');
    expect(extractPage(`<script>window.location.href = "https://www.x.gov.cn/";</script>`, 'http://x.gov.cn/').redirectTo)
      .toBe('https://www.x.gov.cn/');
    expect(extractPage(`<script>location.replace('/site/main.html')</script>`, 'http://x.gov.cn/').redirectTo)
      .toBe('http://x.gov.cn/site/main.html');
    expect(extractPage('<p>hello</p>', 'http://x.gov.cn/').redirectTo).toBeUndefined();
  });

  test('<base href> changes link resolution', () => {
    const ex = extractPage('<base href="http://x.gov.cn/sub/"><a href="a.html">一个链接</a>', 'http://x.gov.cn/');
    expect(ex.links[0].url).toBe('http://x.gov.cn/sub/a.html');
  });
});
