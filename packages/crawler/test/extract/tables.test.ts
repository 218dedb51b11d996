import { describe, expect, test } from 'vitest';
import { dataproxyList, extractPage } from '../../src/extract/index.js';

const NOW = new Date('2026-11-20T00:00:00Z');
const ARTICLE_URL = 'http://www.example.gov.cn/xzcf/202611/t20261110_7.html';

function article(body: string, extraHead = ''): string {
  return `<!DOCTYPE html><html><head><title>行政处罚决定</title><meta name="ArticleTitle" content="行政处罚决定">${extraHead}</head><body>
<div class="nav"><table><tr><td>首页</td><td>政务公开</td></tr><tr><th>热线</th><td>12345</td></tr></table></div>
<div class="article"><h1>行政处罚决定</h1><div class="TRS_Editor">${body}</div></div>
<div class="footer"><dl><dt>主办单位</dt><dd>某市人民政府办公室</dd></dl></div></body></html>`;
}

describe('label/value fields of an article page', () => {
  test('2-cell rows, <th>/<td> pairs, label/value/label/value rows and <dt>/<dd> pairs, read cell by cell', () => {
    const ex = extractPage(
      article(`<table>
<tr><td>行政相对人名称：</td><td>某市某化工有限公司</td></tr>
<tr><td>处 罚 依 据</td><td>《中华人民共和国环境保护法》<br>第六十二条</td></tr>
<tr><th>处罚机关</th><td>某市生态环境局</td><th>处罚类别</th><td>罚款</td></tr>
<tr><td>处罚决定日期</td><td>2026-11-10</td><td>公示期限</td><td>三年</td></tr>
<tr><td>处罚内容</td><td></td></tr>
</table>
<dl><dt>来信时间：</dt><dd>2026-08-01 15:32:10</dd><dt>回复内容</dt><dd><p>您好。</p><p>已转相关科室办理。</p></dd></dl>
<p>根据工作安排，现将有关情况公布如下，请社会各界予以监督。</p>`),
      ARTICLE_URL,
      { now: NOW },
    );
    expect(ex.isArticle).toBe(true);
    expect(ex.fields).toEqual({
      行政相对人名称: '某市某化工有限公司',
      处罚依据: '《中华人民共和国环境保护法》 第六十二条',
      处罚机关: '某市生态环境局',
      处罚类别: '罚款',
      处罚决定日期: '2026-11-10',
      公示期限: '三年',
      // The empty cell stays empty although more text follows it in the page text.
      处罚内容: '',
      来信时间: '2026-08-01 15:32:10',
      回复内容: '您好。 已转相关科室办理。',
    });
    // Navigation and footer tables are not the record's fields.
    expect(ex.fields).not.toHaveProperty('热线');
    expect(ex.fields).not.toHaveProperty('主办单位');
    expect(ex.mainText).toContain('处罚内容 来信时间');
  });

  test('header rows, data-table rows and number cells give no pairs; the first cell of a label wins', () => {
    const ex = extractPage(
      article(`<table><tr><th>序号</th><th>名称</th><th>金额</th></tr>
<tr><td>1</td><td>某公司</td><td>3万元</td></tr><tr><td>2</td><td>某厂</td><td>5万元</td></tr>
<tr><td>2026年</td><td>12</td></tr></table>
<table><tr><td>行政相对人名称</td><td>甲公司</td></tr><tr><td>行政相对人名称</td><td>乙公司</td></tr></table>`),
      ARTICLE_URL,
    );
    expect(ex.fields).toEqual({ 行政相对人名称: '甲公司' });
  });

  test('a layout table around the record: the nested record rows are read, the layout cells are not labels', () => {
    const nav = '首页 政务公开 互动交流 办事服务 '.repeat(4);
    const ex = extractPage(
      article(`<table><tr><td>${nav}</td><td><table><tr><td>当事人名称</td><td>张某某</td></tr><tr><td>处罚决定书文号</td><td>某环罚〔2026〕60号</td></tr></table></td></tr></table>`),
      ARTICLE_URL,
    );
    expect(ex.fields).toEqual({ 当事人名称: '张某某', 处罚决定书文号: '某环罚〔2026〕60号' });
  });

  test('are capped in number and length, and kept only for article pages', () => {
    const rows = Array.from({ length: 260 }, (_, i) => `<tr><td>字段${i}</td><td>短值${i}</td></tr>`).join('');
    const ex = extractPage(article(`<table>${rows}</table>`), ARTICLE_URL);
    expect(Object.keys(ex.fields!)).toHaveLength(200);
    expect(ex.fields!['字段199']).toBe('短值199');
    // Long values are cut, and the page's pairs stop at a total size (data tables, not records).
    const long = Array.from({ length: 60 }, (_, i) => `<tr><td>说明${i}</td><td>${'值'.repeat(400)}</td></tr>`).join('');
    const big = Object.values(extractPage(article(`<table>${long}</table>`), ARTICLE_URL).fields!);
    expect(Math.max(...big.map((v) => v.length))).toBe(300);
    expect(big.length).toBeGreaterThan(20);
    expect(big.length).toBeLessThan(60);

    const column = `<html><head><title>双公示</title></head><body><div class="list"><table><tr><td>行政相对人名称</td><td>某公司</td></tr></table>
<ul>${Array.from({ length: 5 }, (_, i) => `<li><a href="/sgs/t2026110${i}_${i}.html">某公司行政处罚决定第${i}号</a><span>2026-11-0${i + 1}</span></li>`).join('')}</ul></div></body></html>`;
    const list = extractPage(column, 'http://www.example.gov.cn/sgs/', { now: NOW });
    expect(list.isArticle).toBe(false);
    expect(list.fields).toBeUndefined();
  });
});

const letters = (thead: string, linkFirst = true) => `<html><head><title>局长信箱</title><meta name="ColumnName" content="局长信箱"></head><body>
<div class="list"><table class="letter-list">${thead}<tbody>
${[
  ['关于城区夜间施工噪声扰民问题的咨询', '2026-11-16', '', '办理中'],
  ['关于某河道水质异味问题的反映', '2026-10-20', '2026-10-28', '已回复'],
  ['关于排污许可证延续办理流程的咨询', '2026-08-05', '2026-08-12', '已回复'],
]
  .map(([t, a, r, s], i) => {
    const link = `<td class="title"><a href="/jzxx/detail_${3001 + i}.html" title="${t}">${t}</a></td>`;
    return linkFirst ? `<tr>${link}<td>${a}</td><td>${r}</td><td>${s}</td></tr>` : `<tr><td>${i + 1}</td>${link}<td>${a}</td><td>${r}</td><td>${s}</td></tr>`;
  })
  .join('')}
</tbody></table></div></body></html>`;

describe('cells and header of table lists', () => {
  test('a <thead> header and each row’s other cells, empty cells kept', () => {
    const ex = extractPage(letters('<thead><tr><th>信件标题</th><th>留言时间</th><th>回复时间</th><th>状态</th></tr></thead>'), 'http://www.example.gov.cn/jzxx/', { now: NOW });
    expect(ex.lists).toHaveLength(1);
    const [list] = ex.lists;
    expect(list.header).toEqual(['留言时间', '回复时间', '状态']);
    expect(list.items.map((i) => i.cells)).toEqual([
      ['2026-11-16', '', '办理中'],
      ['2026-10-20', '2026-10-28', '已回复'],
      ['2026-08-05', '2026-08-12', '已回复'],
    ]);
    expect(list.items[0]).toMatchObject({ title: '关于城区夜间施工噪声扰民问题的咨询', date: '2026-11-16', dateSource: 'markup' });
  });

  test('a first row of plain <td> labels counts as the header; the link column need not be the first', () => {
    const ex = extractPage(letters('<tr class="bt"><td>序号</td><td>标题</td><td>来信日期</td><td>答复日期</td><td>办理状态</td></tr>', false), 'http://www.example.gov.cn/jzxx/', { now: NOW });
    const [list] = ex.lists;
    expect(list.header).toEqual(['序号', '来信日期', '答复日期', '办理状态']);
    expect(list.items[1].cells).toEqual(['2', '2026-10-20', '2026-10-28', '已回复']);
  });

  test('no header when the first row is a data row or does not match the rows', () => {
    expect(extractPage(letters(''), 'http://www.example.gov.cn/jzxx/', { now: NOW }).lists[0].header).toBeUndefined();
    const wide = extractPage(letters('<thead><tr><th>信件标题</th><th>留言时间</th><th>状态</th></tr></thead>'), 'http://www.example.gov.cn/jzxx/', { now: NOW });
    expect(wide.lists[0].header).toBeUndefined();
    expect(wide.lists[0].items[0].cells).toEqual(['2026-11-16', '', '办理中']);
    // A first row of long text with a date is not a header.
    const prose = extractPage(letters('<tr><td>说明</td><td>2026年起本信箱的来信将在15个工作日内答复</td><td>x</td><td>y</td></tr>'), 'http://www.example.gov.cn/jzxx/', { now: NOW });
    expect(prose.lists[0].header).toBeUndefined();
  });

  test('list items that are not table rows have no cells', () => {
    const html = `<html><body><div class="list"><ul>${Array.from({ length: 3 }, (_, i) => `<li><a href="/tzgg/t2026110${i}_${i}.html">关于开展第${i}次安全检查的通知</a><span>2026-11-0${i + 1}</span></li>`).join('')}</ul></div></body></html>`;
    const [list] = extractPage(html, 'http://www.example.gov.cn/tzgg/', { now: NOW }).lists;
    expect(list.items).toHaveLength(3);
    expect(list.items.every((i) => i.cells === undefined)).toBe(true);
    expect(list.header).toBeUndefined();
  });

  test('Hanweb records that are table rows keep their cells', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>2</totalrecord><totalpage>1</totalpage><recordset>
<record><![CDATA[<tr><td><a href="/art/2026/10/20/art_1_1.html">关于某河道水质异味问题的反映</a></td><td>2026-10-20</td><td>已回复</td></tr>]]></record>
<record><![CDATA[<tr><td><a href="/art/2026/11/16/art_1_2.html">关于城区夜间施工噪声扰民问题的咨询</a></td><td>2026-11-16</td><td>办理中</td></tr>]]></record>
</recordset></datastore>`;
    const list = dataproxyList(xml, 'http://www.example.gov.cn/module/web/jpage/dataproxy.jsp?page=1', { now: NOW });
    expect(list.items.map((i) => i.cells)).toEqual([
      ['2026-10-20', '已回复'],
      ['2026-11-16', '办理中'],
    ]);
  });
});
