import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../src/load/index.js';
import { buildDocument } from '../../src/model/index.js';

const PAGE = `<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="PubDate" content="2024-01-25 16:30">
<meta name="ContentSource" content="市科技局">
<title>某市科技局2023年政府信息公开工作年度报告_某市人民政府</title>
<script>var x = "一、不是正文";</script>
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a></div>
<table class="meta">
  <tr><td>索&nbsp;引&nbsp;号：</td><td>11330100/2024-00123</td><td>发布机构：</td><td>某市科技局</td></tr>
  <tr><td>文号：</td><td>—</td><td>发布日期：</td><td>2024-01-26</td></tr>
</table>
<div class="TRS_Editor">
  <p style="text-align:center"><strong>某市科技局2023年政府信息公开工作年度报告</strong></p>
  <p>　　本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>
  <h3>一、总体情况</h3>
  <p>（一）主动公开。本年度主动公开信息1458条，<span>其中</span>规范性文件21条。</p>
  <!-- gongkai-disable-next-line report/table-arithmetic -- 上级统一口径 -->
  <table border="1">
    <tr><td rowspan="2">信息内容</td><td colspan="2">数量</td></tr>
    <tr><td>本年制发件数</td><td>现行有效件数</td></tr>
    <tr><td>规章</td><td>0</td><td>&mdash;</td></tr>
  </table>
  <p>二、主动公开政府信息情况<br>第二行文字</p>
  <table><tr><td><p>三、依申请公开</p><p>布局表格里的段落</p></td></tr></table>
</div>
<div class="footer">版权所有 © 某市人民政府 <a href="#">网站地图</a></div>
</body></html>`;

describe('html loader', () => {
  const raw = loadHtml(PAGE, 'utf-8');
  const doc = buildDocument(raw, { target: 'a.html' });

  it('extracts the article container only, one block per line', () => {
    expect(doc.source.split('\n')).toEqual([
      '某市科技局2023年政府信息公开工作年度报告',
      '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      '一、总体情况',
      '（一）主动公开。本年度主动公开信息1458条，其中规范性文件21条。',
      '信息内容\t数量',
      '本年制发件数\t现行有效件数',
      '规章\t0\t—',
      '二、主动公开政府信息情况',
      '第二行文字',
      '三、依申请公开',
      '布局表格里的段落',
      '',
    ]);
    expect(doc.source).not.toContain('首页');
    expect(doc.source).not.toContain('版权所有');
  });

  it('reads the metadata block and meta tags', () => {
    expect(raw.meta['索引号']).toBe('11330100/2024-00123');
    expect(doc.meta.indexNo?.value).toBe('11330100/2024-00123');
    expect(doc.meta.agency).toMatchObject({ value: '某市科技局', source: 'page-meta' });
    expect(doc.meta.docNo).toBeUndefined();
    expect(doc.meta.publishedAt).toMatchObject({ value: '2024-01-26', source: 'page-meta' });
    expect(doc.meta.raw['PubDate']).toBe('2024-01-25 16:30');
    expect(doc.meta.reportYear?.value).toBe(2023);
    expect(doc.meta.period?.value).toEqual({ start: '2023-01-01', end: '2023-12-31' });
  });

  it('finds headings including <h3> markup and inline headings, with lines into the extracted text', () => {
    expect(doc.headings.map((h) => [h.level, h.text, h.span.start.line, h.markupLevel ?? null])).toEqual([
      [1, '总体情况', 3, 3],
      [2, '主动公开', 4, null],
      [1, '主动公开政府信息情况', 8, null],
      [1, '依申请公开', 10, null],
    ]);
  });

  it('reads data tables with rowspan/colspan, and treats one-cell tables as layout', () => {
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['信息内容', '数量', '数量'],
      ['信息内容', '本年制发件数', '现行有效件数'],
      ['规章', '0', '—'],
    ]);
    expect(t.rows[2]!.map((c) => c.value)).toEqual([null, 0, null]);
    expect(t.rows[2]![1]!.span!.start).toMatchObject({ line: 7, column: 4 });
  });

  it('anchors directives to the extracted lines', () => {
    expect(doc.directives).toEqual([
      { kind: 'disable-line', rules: ['report/table-arithmetic'], line: 5, column: 1, reason: '上级统一口径' },
    ]);
  });

  it('falls back to the densest block and the <title> without a known container', () => {
    const html = `<html><head><title>区政府2022年政府信息公开工作年度报告 - 区政府门户</title></head><body>
      <ul><li><a>首页</a></li><li><a>机构</a></li></ul>
      <div class="main-text"><p>一、总体情况</p><p>2022年，区政府认真贯彻落实条例要求，全面推进政务公开。</p><p>二、主动公开政府信息情况</p></div>
      </body></html>`;
    const d = buildDocument(loadHtml(html, 'utf-8'), { target: 'b.html' });
    expect(d.source.startsWith('一、总体情况\n')).toBe(true);
    expect(d.source).not.toContain('首页');
    expect(d.meta.title).toMatchObject({ value: '区政府2022年政府信息公开工作年度报告', source: 'metadata' });
    expect(d.headings.map((h) => h.text)).toEqual(['总体情况', '主动公开政府信息情况']);
  });
});
