import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/model/index.js';
import { loadTxt } from '../../src/load/index.js';
import { readExportHeader } from '../../src/load/export-header.js';
import { trimFurniture } from '../../src/load/furniture.js';
import { runInCuts } from '../../src/model/run-in.js';
import { repeatedEnumerations } from '../../src/analysis/enumerations.js';
import { DEFAULT_SECTION_DEFS } from '../../src/analysis/sections.js';
import { locInBlock } from '../../src/analysis/position.js';

const build = (text: string) => buildDocument(loadTxt(text, 'utf-8'), { target: 'x.txt' });
const heads = (text: string) => build(text).headings.map((h) => `${h.numbering?.raw ?? '-'}${h.text}`);
const partNames = DEFAULT_SECTION_DEFS.flatMap((d) => [d.title?.zh ?? '', ...d.aliases]).filter((n) => n.length >= 2);

/** A crawler export of a synthetic department report: header lines, a separator, the page collapsed to one line. */
const HEADER = [
  '标题: 示例县林业局2023年度政府信息公开工作年度报告',
  '发布时间: 2024-01-22 09:30',
  '文号: ',
  '发布机构: 7',
  '栏目: 政府信息公开年报',
  '原文链接: https://www.example.gov.cn/zfxxgk/nb/t20240122_1.htm',
  '页面链接与图片详见 links.tsv(同目录)',
  '==================== 正文 ====================',
].join('\n');
const BODY =
  '当前位置： 首页政务公开政府信息公开年报 示例县林业局2023年度政府信息公开工作年度报告 来源： 时间：2024-01-22 09:30 --> 微信 微博 全真版 文字版 文件下载 相关链接： ' +
  '示例县林业局2023年度政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》要求，现公布本局2023年度报告。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。' +
  '如对本报告有疑问，请与示例县林业局办公室联系（地址：示例县林业路1号；电话：0000-1234567）。' +
  '一、总体情况2023年，我局坚持以公开为常态、不公开为例外，全面推进政务公开，围绕林长制、森林防火、生态保护修复等重点工作及时发布信息，' +
  '做好政策文件与解读材料同步发布，并在门户网站设置专栏集中公开林业项目、资金和执法信息。（一）主动公开。全年主动公开政府信息共计120条，其中，政策文件20条，工作动态100条。（二）依申请公开。全年收到申请2件，均按期答复。' +
  '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件105' +
  '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量2000002（一）予以公开1000001（七）总计2000002' +
  '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正00000000000' +
  '五、存在的主要问题及改进情况一是公开内容不够全面。二是解读形式单一。三是更新不够及时。下一步，我局将加强培训。' +
  '六、其他需要报告的事项本年度未收取信息处理费。 示例县林业局 2024年1月20日 附件下载';

describe('crawler export header', () => {
  it('reads the key/value lines up to the separator as metadata, not text', () => {
    const text = `${HEADER}\n${BODY}`;
    const h = readExportHeader(text)!;
    expect(h.meta['标题']).toContain('2023年度');
    expect(h.meta['发布时间']).toBe('2024-01-22 09:30');
    expect(text.slice(h.bodyStart)).toBe(BODY);
    expect(text.slice(h.spans['发布时间']!.start, h.spans['发布时间']!.end)).toBe('2024-01-22 09:30');
  });
  it('needs three pairs when there is no separator, so a letter that opens with a colon is text', () => {
    expect(readExportHeader('区管委会办公室：根据《条例》要求，现报送我局年度报告。\n一、总体情况')).toBeNull();
    expect(readExportHeader('标题: 某局年度报告\n发布时间: 2024-01-02\n来源: 某局\n正文第一段。')!.meta['来源']).toBe('某局');
  });
  it('gives the model the page title, date and a sane agency', () => {
    const doc = build(`${HEADER}\n${BODY}`);
    expect(doc.meta.publishedAt?.value).toBe('2024-01-22');
    expect(doc.meta.publishedAt?.span?.start.line).toBe(2);
    expect(doc.meta.reportYear?.value).toBe(2023);
    // "发布机构: 7" is an internal id, not an agency name.
    expect(doc.meta.agency?.value).not.toBe('7');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('栏目'))).toBe(false);
  });
  it('takes the year from the header title when the text title has none', () => {
    const doc = build('标题: 某局2013年政府信息公开工作年度报告\n发布时间: 2014-03-20\n来源: 某局\n=== 正文 ===\n政府信息公开工作年度报告\n一、概述\n本局全年公开信息50条。');
    expect(doc.meta.reportYear?.value).toBe(2013);
  });
});

describe('page furniture', () => {
  it('cuts the breadcrumb and toolbar before the article and the download box after it', () => {
    const [s, e] = trimFurniture(BODY, 0, BODY.length);
    expect(BODY.slice(s, s + 10)).toBe('示例县林业局2023');
    expect(BODY.slice(s, e).endsWith('2024年1月20日')).toBe(true);
  });
  it('leaves a line without furniture alone', () => {
    const line = '一、总体情况';
    expect(trimFurniture(line, 0, line.length)).toEqual([0, line.length]);
  });
});

describe('collapsed text', () => {
  const doc = build(`${HEADER}\n${BODY}`);
  it('finds the six parts, their sub-headings and the title in one long line', () => {
    const top = doc.headings.filter((h) => h.level === 1).map((h) => `${h.numbering?.raw}${h.text}`);
    expect(top).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(doc.meta.title?.value).toBe('示例县林业局2023年度政府信息公开工作年度报告');
    expect(doc.quality.collapsed).toBe(true);
  });
  it('never takes table row labels run into digits for headings', () => {
    const texts = doc.headings.map((h) => h.text);
    expect(texts.some((t) => /予以公开|本年新收|总计|第二十条/.test(t))).toBe(false);
  });
  it('cuts the sign-off so the date under it is found', () => {
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === '2024年1月20日')).toBe(true);
  });
  it('keeps every piece a verbatim slice of the source, so positions stay exact', () => {
    for (const b of doc.blocks) {
      if (b.kind === 'table') continue;
      const raw = b.kind === 'heading' ? b.raw : b.text;
      expect(doc.source.slice(b.span.start.offset).startsWith(raw.trim().slice(0, 4)), raw).toBe(true);
    }
  });
  it('reads an unnumbered part name after a sentence end as a top-level heading', () => {
    const text = `${'前言部分说明。'.repeat(300)}概述2016年，我局认真落实条例。政府信息主动公开情况（一）主动公开的数量情况截止2016年底公开120条。三、依申请公开政府信息情况2016年未收到申请。`;
    expect(heads(text)).toEqual(['-概述', '-政府信息主动公开情况', '（一）主动公开的数量情况', '三、依申请公开政府信息情况']);
  });
  it('does not cut an inline list in well-formed text', () => {
    const text = ['某局2023年政府信息公开工作年度报告', '一、总体情况', '主要做法：一、加强领导；二、完善制度。全年主动公开信息80条。', '二、主动公开政府信息情况'].join('\n');
    expect(heads(text)).toEqual(['一、总体情况', '二、主动公开政府信息情况']);
    expect(build(text).quality.collapsed).toBe(false);
  });
  it('cuts before a part that follows table digits only when it names a statutory part', () => {
    const text = '（七）总计0000000四、结转下年度继续办理0000000 四、政府信息公开行政复议、行政诉讼情况行政复议';
    const cuts = runInCuts(text, { partNames });
    expect(cuts.map((c) => text.slice(c, c + 4))).toContain('四、政府');
    expect(cuts.map((c) => text.slice(c, c + 4))).not.toContain('四、结转');
  });
});

describe('extraction quality', () => {
  it('says a page that holds only its title has no text', () => {
    expect(build('某局2020年政府信息公开工作年度报告').quality.noText).toBe(true);
    expect(build('某局2020年政府信息公开工作年度报告\n一、总体情况\n本局全年公开信息80条。').quality.noText).toBeUndefined();
  });
  it('sees an annex that stops before its closing rows', () => {
    const cut = build(`某局2012年度政府信息公开年度报告\n一、概述\n${'全年工作平稳。'.repeat(10)}\n附表：统计表 指标名称 计量单位 主动公开信息数 条 34 受理依申请公开信息总数 条 0 其中：1．当面申请数 条0`);
    expect(cut.quality.truncated).toBe(true);
    const whole = build(`某局2012年度政府信息公开年度报告\n一、概述\n${'全年工作平稳。'.repeat(10)}\n附表：统计表 主动公开信息数 条 34 行政复议数 件 0 行政诉讼数 件 0`);
    expect(whole.quality.truncated).toBeUndefined();
  });
  it('counts page footers, hard breaks and cells run together', () => {
    const pdfText = [
      '某区2023年政府信息公开工作年度报告',
      '一、总体情况',
      ...Array.from({ length: 6 }, (_, i) => `本区按照条例要求，持续推进政务公开工作，在第${i + 1}方面取得了进展，并且`),
      '进一步完善了制度。',
      '— 1 —',
      '第 2 页 共 9 页',
      '规章000 行政规范性文件105 总计2000002 予以公开1000001 部分公开1000001',
    ].join('\n');
    const q = build(pdfText).quality;
    expect(q.pageFooters).toBe(2);
    expect(q.hardBreaks).toBeGreaterThanOrEqual(5);
    expect(q.flattenedTables).toBeGreaterThanOrEqual(3);
  });
});

describe('inline enumerations', () => {
  it('finds a number said twice in one list and lets a new list restart', () => {
    const doc = build(['某局2019年度政府信息公开工作年度报告', '一、总体情况', '一是抓好预算公开。二是完善机制。三是加强督导。三是积极宣传。四是强化考核。', '二、存在的主要问题及改进情况', '一是人员不足。二是形式单一。一是加强培训。二是规范流程。'].join('\n'));
    const rep = repeatedEnumerations(doc);
    expect(rep.map((r) => r.mark.raw)).toEqual(['三是']);
  });
});

describe('table rows that lost their grid', () => {
  const mdDoc = async (text: string) => (await import('../../src/load/index.js')).loadReport(new TextEncoder().encode(text), 'x.md');
  const ROWS = [
    '# 某区2023年政府信息公开工作年度报告',
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    '一、本年新收政府信息公开申请数量',
    '',
    '5 0 0 0 0 0 5',
    '',
    '三、本年度办理结果',
    '',
    '（一）予以公开',
    '',
    '3',
    '',
    '（二）部分公开 1 0 0 0 0 0 1',
    '',
    '1.本机关不掌握相关政府信息',
    '',
    '1',
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    '— 3 —',
    '',
    '五、存在的主要问题及改进情况',
  ].join('\n');
  it('never reads a row label followed by figures, or ending in figures, as a heading', async () => {
    const doc = await mdDoc(ROWS);
    expect(doc.headings.filter((h) => h.numbering).map((h) => `${h.numbering?.raw ?? ''}${h.text}`)).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
    ]);
  });
  it('does the same in plain text', () => {
    const doc = build(ROWS.replace(/\n\n/g, '\n').replace('# ', ''));
    expect(doc.headings.map((h) => h.numbering?.raw).filter(Boolean)).toEqual(['三、', '四、', '五、']);
  });
});

describe('publication date keys', () => {
  it('reads 公开日期 as the publication date and never 成文日期', () => {
    const doc = build(['索引号: 000-2024-001 成文日期: 2024-01-10', '公开日期: 2024-01-25', '某局2023年政府信息公开工作年度报告', '一、总体情况', '全年公开信息80条。'].join('\n'));
    expect(doc.meta.publishedAt?.value).toBe('2024-01-25');
  });
});

describe('reflow of hard-wrapped text', () => {
  const para = '本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开和政策解读回应，持续推进政务公开标准化规范化建设，全年各项工作平稳有序推进并取得成效。';
  const wrapped = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, 'g'))!;
  const lines = ['某局2023年政府信息公开工作年度报', '告', '一、总体情况'];
  for (let k = 0; k < 4; k++) lines.push(...wrapped(para, 30));
  lines.push('— 1 —', '二、主动公开政府信息情况', ...wrapped(para, 30));
  const doc = build(lines.join('\n'));
  it('joins lines cut at the margin, and a title whose last character wrapped', () => {
    expect(doc.meta.title?.value).toBe('某局2023年政府信息公开工作年度报告');
    const paras = doc.blocks.filter((b) => b.kind === 'paragraph' && b.text.startsWith('本机关'));
    expect(paras.length).toBeGreaterThanOrEqual(4);
    expect(paras[0]!.kind === 'paragraph' && paras[0]!.text).toBe(para);
    expect(doc.quality.hardBreaks).toBeGreaterThanOrEqual(5);
  });
  it('keeps positions exact inside a joined paragraph', () => {
    const p = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('本机关'))!;
    const at = (p as { text: string }).text.indexOf('政策解读');
    const loc = locInBlock(doc, p as never, at, 4);
    // The first line holds 30 characters; 政策解读 sits in the second source line of the paragraph.
    const line = doc.source.split('\n')[loc.line! - 1]!;
    expect(line.slice(loc.column! - 1).startsWith('政策')).toBe(true);
  });
  it('leaves text that was not hard-wrapped alone', () => {
    const plain = build(['某局2023年政府信息公开工作年度报告', '一、总体情况', para, para, '二、主动公开政府信息情况', para].join('\n'));
    expect(plain.blocks.filter((b) => b.kind === 'paragraph' && b.text === para)).toHaveLength(3);
    expect(plain.quality.hardBreaks).toBeUndefined();
  });
});

describe('a heading run into its paragraph on one line', () => {
  it('cuts off a part heading that runs on without punctuation, in text that is not collapsed', () => {
    const doc = build(['某局2022年政府信息公开工作年度报告', '一、总体情况 2022年，本局全年主动公开政府信息80条。', '二、主动公开政府信息情况本年制发规范性文件3件。', '本局持续推进公开工作，全年工作平稳。'].join('\n'));
    expect(doc.headings.map((h) => `${h.numbering?.raw}${h.text}`)).toEqual(['一、总体情况', '二、主动公开政府信息情况']);
    expect(doc.quality.collapsed).toBe(false);
  });
});
