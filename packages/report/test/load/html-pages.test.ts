/**
 * The HTML loader on pages as agency sites publish them. Every page here is synthetic (our own wording); each case
 * reproduces one shape of real page that used to load as almost nothing or with template text.
 */
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../src/load/index.js';
import { buildDocument } from '../../src/model/index.js';

const load = (html: string) => {
  const raw = loadHtml(html, 'utf-8');
  return { raw, doc: buildDocument(raw, { target: 't.html' }), lines: raw.source.split('\n').filter((l) => l !== '') };
};

const NAV = Array.from({ length: 30 }, (_, i) => `<li><a href="/c${i}">栏目导航第${i}项</a></li>`).join('');
const BODY_PARAS = `
  <p>一、总体情况</p>
  <p>2023年，县农业农村局认真落实条例要求，全年主动公开政府信息86条。</p>
  <p>二、主动公开政府信息情况</p>
  <p>本年度新制发规范性文件2件，现行有效5件。</p>`;

describe('html loader on real-world page shapes', () => {
  it('reads an article fragment without <html>/<body> whole, not just its table note', () => {
    const { lines, doc } = load(`
      <p style="text-align:center">县农业农村局2023年政府信息公开工作年度报告</p>${BODY_PARAS}
      <table border="1"><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规范性文件</td><td>2</td></tr></table>
      <div class="note">注：本表数据统计期限为2023年1月1日至2023年12月31日，单位为件。</div>`);
    expect(lines[0]).toBe('县农业农村局2023年政府信息公开工作年度报告');
    expect(lines).toContain('本年度新制发规范性文件2件，现行有效5件。');
    expect(lines[lines.length - 1]).toMatch(/^注：本表数据/);
    expect(doc.headings.map((h) => h.text)).toEqual(['总体情况', '主动公开政府信息情况']);
    expect(doc.tables).toHaveLength(1);
  });

  it('keeps a short article and leaves a big template out, whatever the wrapper classes say', () => {
    const { lines, doc } = load(`<!DOCTYPE html><html><head><title>县农业农村局2023年政府信息公开工作年度报告_县人民政府</title>
      <script>var menu = "一、总体情况 二、主动公开";</script></head><body>
      <div class="content">
        <div class="header"><ul>${NAV}</ul><form><input name="q"><span>搜索</span></form></div>
        <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a> &gt; <a href="/nb">年报</a></div>
        <h1>县农业农村局2023年政府信息公开工作年度报告</h1>
        <div class="tools"><a>微信</a> <a>微博</a> <span>字号</span> <a>打印</a> <a>关闭</a></div>
        <div class="text">${BODY_PARAS}</div>
        <div class="footer"><p>主办单位：县人民政府办公室 地址：县府路1号 电话：0000-1234567</p>
          <p>版权所有：县人民政府，未经许可不得复制。</p><ul>${NAV}</ul></div>
      </div></body></html>`);
    expect(lines).toEqual([
      '县农业农村局2023年政府信息公开工作年度报告',
      '一、总体情况',
      '2023年，县农业农村局认真落实条例要求，全年主动公开政府信息86条。',
      '二、主动公开政府信息情况',
      '本年度新制发规范性文件2件，现行有效5件。',
    ]);
    expect(doc.meta.title).toMatchObject({ value: '县农业农村局2023年政府信息公开工作年度报告', source: 'text' });
    expect(doc.meta.reportYear?.value).toBe(2023);
  });

  it('never splits a paragraph at inline tags, and ends one at every block and <br>', () => {
    const { lines } = load(`<div id="art"><p class="MsoNormal"><span lang="EN-US">2023</span><span style="font-family:宋体">年，我局</span><font
      color="#000">政府
信息</font><b><span>公开</span></b><span>工作稳步推进。<o:p></o:p></span></p>
      <div><font>第一行，<span>仍是</span>一段</font><br><font>第二行</font><span>也是</span>一段。</div>
      <p><span>Word 2003</span>
<span>export</span></p></div>`);
    expect(lines).toEqual([
      '2023年，我局政府信息公开工作稳步推进。',
      '第一行，仍是一段',
      '第二行也是一段。',
      'Word 2003 export',
    ]);
  });

  it('reads a metadata table above the article: 发布日期 is the publication date, never 成文日期', () => {
    const page = (dateRows: string) => `<html><head><meta name="ArticleTitle" content="县财政局2023年政府信息公开工作年度报告"></head><body>
      <table class="xxgk"><tr><td>索 引 号</td><td>000123456/2024-00042</td><td>发布机构</td><td>县财政局</td></tr>${dateRows}</table>
      <h2>县财政局2023年政府信息公开工作年度报告</h2><div class="zw">${BODY_PARAS}</div></body></html>`;
    const a = load(page('<tr><td>成文日期</td><td>2024-01-10</td><td>发布日期</td><td>2024-02-05</td></tr>'));
    expect(a.doc.meta.publishedAt?.value).toBe('2024-02-05');
    expect(a.doc.meta.indexNo?.value).toBe('000123456/2024-00042');
    expect(a.doc.meta.agency?.value).toBe('县财政局');
    expect(a.raw.meta['成文日期']).toBe('2024-01-10');
    expect(a.doc.tables).toEqual([]);
    expect(a.raw.source).not.toContain('索引号');

    const b = load(page('<tr><td>成文日期：</td><td>2024-01-10</td><td>公开日期：</td><td>2024年3月1日</td></tr>'));
    expect(b.doc.meta.publishedAt?.value).toBe('2024-03-01');

    const c = load(page('<tr><td>成文日期</td><td>2024-01-10</td><td>主题分类</td><td>财政</td></tr>'));
    expect(c.doc.meta.publishedAt?.value).not.toBe('2024-01-10');
  });

  it('reads metadata lines and a <publishtime> tag outside the article', () => {
    const { doc, raw } = load(`<body><div class="info"><span>发布机构：县财政局</span>
      <span>公开日期：2024-02-05</span></div><div class="info">成文日期：2024-01-10</div>
      <publishtime>2024-02-06 09:00</publishtime><div class="text">${BODY_PARAS}</div></body>`);
    expect(doc.meta.publishedAt?.value).toBe('2024-02-05');
    expect(raw.meta['发布机构']).toBe('县财政局');
    expect(raw.meta['成文日期']).toBe('2024-01-10');
    expect(raw.source).not.toContain('公开日期');
    const tagOnly = load(`<body><publishtime>2024-02-06 09:00</publishtime><div>成文日期：2024-01-10</div>
      <div class="text">${BODY_PARAS}</div></body>`);
    expect(tagOnly.doc.meta.publishedAt?.value).toBe('2024-02-06');
  });

  it('reads a Word-exported MsoNormalTable: one cell per <td>, &nbsp; cells blank, stacked labels joined', () => {
    const td = (t: string, attrs = '') =>
      `<td ${attrs} style="border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt"><p class="MsoNormal" align="center"><span style="font-size:9.0pt;mso-bidi-font-family:宋体">${t}<o:p></o:p></span></p></td>`;
    const { doc } = load(`<div class="WordSection1">
      <p class="MsoNormal"><b><span>三、收到和处理政府信息公开申请情况</span></b></p>
      <table class="MsoNormalTable" border="0" cellspacing="0" style="border-collapse:collapse;mso-yfti-tbllook:1184">
        <tr style="mso-yfti-irow:0">${td('申请人情况', 'colspan="2"')}${td('自</span></p><p class="MsoNormal"><span>然</span></p><p class="MsoNormal"><span>人')}${td('总计')}</tr>
        <tr>${td('一、本年新收政府信息公开申请数量', 'rowspan="2"')}${td('&nbsp;')}${td('3')}${td('3')}</tr>
        <tr>${td('小计')}${td('0')}${td('&nbsp;')}</tr>
        <![if !supportMisalignedColumns]><tr height="0"><td width="100" style="border:none"></td><td width="50" style="border:none"></td><td width="50" style="border:none"></td><td width="50" style="border:none"></td></tr><![endif]>
      </table>
      <p class="MsoNormal"><span>本年度共收到申请3件，均已按时办结。</span></p></div>`);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['申请人情况', '申请人情况', '自然人', '总计'],
      ['一、本年新收政府信息公开申请数量', '', '3', '3'],
      ['一、本年新收政府信息公开申请数量', '小计', '0', ''],
    ]);
    expect(doc.tables[0]!.rows[1]!.map((c) => c.value)).toEqual([null, null, 3, 3]);
  });

  it('does not take a sidebar for the article even when it holds more text', () => {
    const notice = '为进一步优化营商环境，现就企业开办事项通知如下，请相关单位认真组织实施并及时反馈情况。';
    const links = Array.from({ length: 25 }, (_, i) => `<li><a href="/n${i}">关于做好第${i}批惠企政策兑现工作的通知</a><span>2024-01-${String(i + 1).padStart(2, '0')}</span></li>`).join('');
    const { lines } = load(`<html><head><title>县农业农村局2023年政府信息公开工作年度报告</title></head><body>
      <div class="left"><h3>通知公告</h3><div class="notice">${notice.repeat(4)}</div><div class="notice">${notice.repeat(4)}</div></div>
      <div class="main"><h1>县农业农村局2023年政府信息公开工作年度报告</h1><div class="text">${BODY_PARAS}</div></div>
      <div class="right"><h3>相关文件</h3><ul>${links}</ul></div></body></html>`);
    expect(lines[0]).toBe('县农业农村局2023年政府信息公开工作年度报告');
    expect(lines).toHaveLength(5);
    expect(lines.join('\n')).not.toMatch(/营商环境|惠企政策|通知公告/);
  });

  it('gives a bold numbered run-in head without punctuation a line of its own', () => {
    const { doc } = load(`<div class="TRS_Editor">
      <p><b>一、存在的主要问题及改进情况</b></p>
      <p><b><span>（一）</span><span>存在的问题 </span></b><span>一是公开内容不够全面。二是更新不够及时。</span></p>
      <p><b>（二）改进措施 </b>针对上述问题，我局将从以下方面改进：</p>
      <p><b>一、</b>总体情况良好，各项工作有序推进。</p></div>`);
    expect(doc.headings.slice(0, 3).map((h) => [h.level, h.text])).toEqual([
      [1, '存在的主要问题及改进情况'],
      [2, '存在的问题'],
      [2, '改进措施'],
    ]);
    expect(doc.source).toContain('\n一是公开内容不够全面。二是更新不够及时。\n');
    // A bold marker alone is not a head: the paragraph stays whole.
    expect(doc.source).toContain('\n一、总体情况良好，各项工作有序推进。\n');
  });
});
