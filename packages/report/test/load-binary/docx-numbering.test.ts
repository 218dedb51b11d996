import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { runRule, type Rule } from '@gongkai/core';
import { loadDocx } from '../../src/load/docx.js';
import { loadReport } from '../../src/load/index.js';
import { reportRules } from '../../src/rules/index.js';
import { reportSubject } from '../../src/subject.js';
import { chineseCounting, formatCounter } from '../../src/load/docx-numbering-format.js';
import { labelDocumentXml } from '../../src/load/docx-numbering.js';
import { findTable, fixture, grid, offsetsAgree, table3Numbers, texts } from './helpers.js';

const NUMBERED = 'report-2024-numbered.docx';

// ---------- the generated report (fixtures/reports/gen/docx-numbering.mjs) ----------

describe('loadDocx: headings numbered by Word lists', async () => {
  const doc = await loadDocx(fixture(NUMBERED));
  const clean = await loadDocx(fixture('report-2024-clean.docx'));
  const level = (n: number) => texts(doc).filter((b) => b.markupLevel === n).map((b) => b.text);

  it('puts the list numbers back in front of the section headings (numbering from the Heading 1 style)', () => {
    expect(level(1)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('numbers the sub-heads at level 2, including the list restarted at （四）', () => {
    expect(level(2)).toEqual(['（一）主动公开', '（二）依申请公开', '（四）政府信息管理', '（五）政府信息公开平台建设', '（六）监督保障']);
  });

  it('restarts level 2 after a new level-1 item, in body paragraphs too', () => {
    const six = texts(doc).filter((b) => b.paragraph! > texts(doc).find((t) => t.text.startsWith('六、'))!.paragraph!);
    expect(six[0]!.text).toBe('（一）信息处理费收取情况。本年度依据《政府信息公开信息处理费管理办法》，未收取信息处理费。');
    expect(six[1]!.text).toMatch(/^（二）人大代表建议/);
    expect(six[0]!.markupLevel).toBeUndefined();
  });

  it('reads exactly what the typed-number report says, apart from the planted restart', () => {
    expect(doc.blocks.map((b) => b.paragraph)).toEqual(clean.blocks.map((b) => b.paragraph));
    expect(doc.blocks.map((b) => b.paragraph)).toEqual(doc.blocks.map((_, i) => i + 1));
    const differ = doc.blocks.flatMap((b, i) => {
      const c = clean.blocks[i]!;
      if (b.kind === 'text' && c.kind === 'text') return b.text === c.text ? [] : [[b.paragraph, c.text, b.text]];
      if (b.kind === 'table' && c.kind === 'table') return JSON.stringify(grid(b)) === JSON.stringify(grid(c)) ? [] : [[b.paragraph, 'table']];
      return [[b.paragraph, b.kind, c.kind]];
    });
    expect(differ).toEqual([
      [11, '（三）政府信息管理', '（四）政府信息管理'],
      [13, '（四）政府信息公开平台建设', '（五）政府信息公开平台建设'],
      [15, '（五）监督保障', '（六）监督保障'],
    ]);
  });

  it('keeps offsets into source, with the labels part of the text', () => {
    expect(offsetsAgree(doc)).toBe(true);
    expect(doc.source.split('\n')[2]).toBe('一、总体情况');
    const h = texts(doc).find((b) => b.text === '（四）政府信息管理')!;
    expect(doc.source.slice(h.start, h.end)).toBe('（四）政府信息管理');
  });

  it('numbers table-cell paragraphs, each group of table-3 rows starting again at 1.', () => {
    const t3 = findTable(doc, '本年新收政府信息公开申请数量');
    expect(table3Numbers(t3)).toEqual(table3Numbers(findTable(clean, '本年新收政府信息公开申请数量')));
    expect(grid(t3).map((r) => r[2]).filter((c) => /^\d\./.test(c!))).toHaveLength(19);
  });
});

describe('report rules on the list-numbered report', async () => {
  const rule = reportRules.find((r: Rule) => r.meta.id === 'report/heading-sequence')!;
  const findingsOf = async (name: string) => runRule(rule, reportSubject(await loadReport(fixture(name), name), { level: 'department', target: name }));

  it('the model reads the list numbers as heading numbers', async () => {
    const model = await loadReport(fixture(NUMBERED), NUMBERED);
    const top = model.headings.filter((h) => h.level === 1);
    expect(top.map((h) => [h.numbering?.style, h.numbering?.value])).toEqual([1, 2, 3, 4, 5, 6].map((v) => ['chinese', v]));
    expect(top[0]!.text).toBe('总体情况');
    const subs = model.headings.filter((h) => h.level === 2 && h.markupLevel === 2);
    expect(subs.map((h) => [h.numbering?.style, h.numbering?.value])).toEqual([1, 2, 4, 5, 6].map((v) => ['paren-chinese', v]));
  });

  it('report/heading-sequence finds the planted gap before （四）', async () => {
    const findings = await findingsOf(NUMBERED);
    expect(findings.map((f) => [f.messageId, f.paragraph])).toEqual([['gap', 11]]);
    expect(findings[0]!.message).toContain('（三）');
    expect(findings[0]!.message).toContain('政府信息管理');
  });

  it('the same report with typed numbers has no gap (the finding comes from the list numbers)', async () => {
    expect(await findingsOf('report-2024-clean.docx')).toEqual([]);
  });
});

// ---------- damaged or missing numbering parts ----------

async function repack(name: string, edit: (zip: JSZip) => void | Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fixture(name));
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('loadDocx: numbering part missing or damaged', () => {
  const unnumbered = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];

  it('without numbering.xml the text is mammoth’s, unnumbered, and nothing throws', async () => {
    const doc = await loadDocx(await repack(NUMBERED, (z) => void z.remove('word/numbering.xml')));
    expect(texts(doc).filter((b) => b.markupLevel === 1).map((b) => b.text)).toEqual(unnumbered);
    expect(doc.blocks.map((b) => b.paragraph)).toEqual(doc.blocks.map((_, i) => i + 1));
    expect(doc.notes).toEqual([]);
  });

  it.each([
    ['not XML at all', () => 'garbage <<< not xml'],
    ['cut off half-way', (xml: string) => xml.slice(0, Math.floor(xml.length / 2))],
    ['a broken tag', (xml: string) => xml.replace('<w:abstractNum ', '<w:abstractNum <')],
  ])('numbering.xml %s: the document still loads, without list numbers, with a note', async (_, damage) => {
    const bytes = await repack(NUMBERED, async (z) => {
      const xml = await z.file('word/numbering.xml')!.async('string');
      z.file('word/numbering.xml', damage(xml));
    });
    const doc = await loadDocx(bytes);
    expect(texts(doc).filter((b) => b.markupLevel === 1).map((b) => b.text)).toEqual(unnumbered);
    expect(offsetsAgree(doc)).toBe(true);
    expect(doc.notes.map((n) => n.code)).toEqual(['other']);
    expect(doc.notes[0]!.message.zh).toContain('numbering.xml');
  });

  it('the existing Word fixtures, whose numbers are typed, come back unchanged', async () => {
    const doc = await loadDocx(fixture('report-2024-errors.docx'));
    expect(texts(doc).filter((b) => b.markupLevel === 1).map((b) => b.text)[0]).toBe('一、总体情况');
    expect(doc.notes).toEqual([]);
  });
});

// ---------- number formats ----------

describe('formatCounter', () => {
  it('counts in Chinese as Word does', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99].map(chineseCounting)).toEqual(['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九']);
    expect([100, 101, 110, 111, 1000, 1001, 1010, 10000, 10001, 0].map(chineseCounting)).toEqual([
      '一百', '一百零一', '一百一十', '一百一十一', '一千', '一千零一', '一千零一十', '一万', '一万零一', '〇',
    ]);
    expect(formatCounter(12, 'chineseCountingThousand')).toBe('十二');
    expect(formatCounter(10, 'chineseLegalSimplified')).toBe('壹拾');
    expect(formatCounter(23, 'chineseLegalSimplified')).toBe('贰拾叁');
    expect(formatCounter(3, 'ideographTraditional')).toBe('丙');
    expect(formatCounter(11, 'ideographTraditional')).toBe('甲');
    expect(formatCounter(10, 'ideographDigital')).toBe('一〇');
  });

  it('draws the other common formats', () => {
    expect(formatCounter(7, 'decimal')).toBe('7');
    expect(formatCounter(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatCounter(20, 'decimalEnclosedCircle')).toBe('⑳');
    expect(formatCounter(21, 'decimalEnclosedCircle')).toBe('21');
    expect(formatCounter(12, 'decimalFullWidth')).toBe('１２');
    expect(formatCounter(2, 'decimalEnclosedParen')).toBe('⑵');
    expect(formatCounter(2, 'decimalZero')).toBe('02');
    expect(formatCounter(5, 'custom', '001, 002, 003, ...')).toBe('005');
    expect([1, 26, 27, 28].map((n) => formatCounter(n, 'upperLetter'))).toEqual(['A', 'Z', 'AA', 'BB']);
    expect(formatCounter(3, 'lowerLetter')).toBe('c');
    expect(formatCounter(14, 'upperRoman')).toBe('XIV');
    expect(formatCounter(9, 'lowerRoman')).toBe('ix');
    expect([1, 2, 3, 4, 11, 12, 13, 22].map((n) => formatCounter(n, 'ordinal'))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '22nd']);
    expect(formatCounter(4, 'none')).toBe('');
    expect(formatCounter(4, 'bullet')).toBeNull();
    expect(formatCounter(4, 'hebrew2')).toBe('4');
  });
});

// ---------- counting rules, on hand-written parts ----------

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const body = (...paras: string[]) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${paras.join('')}<w:sectPr/></w:body></w:document>`;
const para = (text: string, ppr = '') => `<w:p w:rsidR="00A1">${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const numPr = (numId: number | string, ilvl?: number) => `<w:numPr>${ilvl !== undefined ? `<w:ilvl w:val="${ilvl}"/>` : ''}<w:numId w:val="${numId}"/></w:numPr>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '', start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const abstractNum = (id: number, ...levels: string[]) => `<w:abstractNum w:abstractNumId="${id}">${levels.join('')}</w:abstractNum>`;
const num = (id: number, abstractId: number, overrides = '') => `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
const numbering = (...parts: string[]) => `<?xml version="1.0"?><w:numbering ${NS}>${parts.join('')}</w:numbering>`;
const styles = (...parts: string[]) => `<?xml version="1.0"?><w:styles ${NS}>${parts.join('')}</w:styles>`;
const pStyle = (id: string, inner: string, basedOn?: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/>${basedOn ? `<w:basedOn w:val="${basedOn}"/>` : ''}${inner}</w:style>`;

const HEADINGS = abstractNum(0, lvl(0, 'chineseCounting', '%1、'), lvl(1, 'chineseCounting', '（%2）'), lvl(2, 'decimal', '%3.'), lvl(3, 'decimal', '（%4）'));

/** Each paragraph's text as mammoth would read it from the labelled XML (top-level paragraphs only). */
function shown(doc: string, num: string, sty?: string): string[] {
  const { xml } = labelDocumentXml(doc, num, sty);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

describe('labelDocumentXml: Word counting rules', () => {
  it('four levels 一、 / （一） / 1. / （1）, each resetting when a higher level advances', () => {
    const doc = body(
      para('甲', numPr(1, 0)),
      para('乙', numPr(1, 1)),
      para('丙', numPr(1, 2)),
      para('丁', numPr(1, 3)),
      para('戊', numPr(1, 3)),
      para('己', numPr(1, 2)),
      para('庚', numPr(1, 3)),
      para('正文'),
      para('辛', numPr(1, 1)),
      para('壬', numPr(1, 0)),
      para('癸', numPr(1, 1)),
    );
    expect(shown(doc, numbering(HEADINGS, num(1, 0)))).toEqual([
      '一、甲', '（一）乙', '1.丙', '（1）丁', '（2）戊', '2.己', '（1）庚', '正文', '（二）辛', '二、壬', '（一）癸',
    ]);
  });

  it('counts past ten: 十、 十一、 … 二十一、', () => {
    const doc = body(...Array.from({ length: 21 }, (_, i) => para(`第${i + 1}项`, numPr(1, 0))));
    const out = shown(doc, numbering(HEADINGS, num(1, 0)));
    expect([out[9], out[10], out[19], out[20]]).toEqual(['十、第10项', '十一、第11项', '二十、第20项', '二十一、第21项']);
  });

  it('multi-level text %1.%2 and legal numbering (isLgl)', () => {
    const n = numbering(
      abstractNum(0, lvl(0, 'chineseCounting', '第%1章'), lvl(1, 'decimal', '%1.%2'), lvl(2, 'decimal', '%1.%2.%3', '<w:isLgl/>')),
      num(1, 0),
    );
    const doc = body(para('总则', numPr(1, 0)), para('目的', numPr(1, 1)), para('依据', numPr(1, 2)), para('范围', numPr(1, 1)));
    expect(shown(doc, n)).toEqual(['第一章总则', '一.1 目的', '1.1.1 依据', '一.2 范围']);
  });

  it('instances of one abstract list share counters; a startOverride restarts, w:lvlOverride/w:lvl redefines', () => {
    const n = numbering(
      HEADINGS,
      num(1, 0),
      num(2, 0),
      num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'),
      num(4, 0, `<w:lvlOverride w:ilvl="0">${lvl(0, 'decimalEnclosedCircle', '%1')}</w:lvlOverride>`),
    );
    const doc = body(para('甲', numPr(1, 0)), para('乙', numPr(2, 0)), para('丙', numPr(3, 0)), para('丁', numPr(3, 0)), para('戊', numPr(4, 0)));
    expect(shown(doc, n)).toEqual(['一、甲', '二、乙', '五、丙', '六、丁', '⑦戊']);
  });

  it('w:lvlRestart="0" keeps counting across higher levels; w:start is honoured', () => {
    const n = numbering(abstractNum(0, lvl(0, 'chineseCounting', '%1、'), lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>', 3)), num(1, 0));
    const doc = body(para('甲', numPr(1, 0)), para('乙', numPr(1, 1)), para('丙', numPr(1, 0)), para('丁', numPr(1, 1)));
    expect(shown(doc, n)).toEqual(['一、甲', '3.乙', '二、丙', '4.丁']);
  });

  it('numbering from a paragraph style, inherited through w:basedOn, with the level taken from w:lvl/w:pStyle', () => {
    const n = numbering(
      abstractNum(0, lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>'), lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>')),
      num(1, 0),
    );
    const s = styles(
      pStyle('Normal', ''),
      pStyle('H1', `<w:pPr>${numPr(1)}</w:pPr>`, 'Normal'),
      pStyle('H2', `<w:pPr>${numPr(1)}</w:pPr>`, 'Normal'),
      pStyle('H1Red', '<w:rPr><w:color w:val="FF0000"/></w:rPr>', 'H1'),
    );
    const doc = body(
      para('总体情况', style('H1')),
      para('主动公开', style('H2')),
      para('依申请公开', style('H2')),
      para('不编号', style('H2') + numPr(0)),
      para('主动公开政府信息情况', style('H1Red')),
      para('平台建设', style('H2')),
    );
    expect(shown(doc, n, s)).toEqual(['一、总体情况', '（一）主动公开', '（二）依申请公开', '不编号', '二、主动公开政府信息情况', '（一）平台建设']);
  });

  it('follows a numbering-style link (w:numStyleLink → style → w:num)', () => {
    const n = numbering(
      abstractNum(0, lvl(0, 'chineseCounting', '%1、')).replace('</w:abstractNum>', '<w:styleLink w:val="ReportList"/></w:abstractNum>'),
      abstractNum(1, '<w:numStyleLink w:val="ReportList"/>'),
      num(1, 0),
      num(2, 1),
    );
    const s = styles(`<w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="ReportList"/><w:pPr>${numPr(1)}</w:pPr></w:style>`);
    expect(shown(body(para('甲', numPr(2, 0)), para('乙', numPr(2, 0))), n, s)).toEqual(['一、甲', '二、乙']);
  });

  it('bullets get no label; unknown numIds and levels are left alone', () => {
    const n = numbering(abstractNum(0, lvl(0, 'bullet', '\uf06c')), HEADINGS.replace('w:abstractNumId="0"', 'w:abstractNumId="1"'), num(1, 0), num(2, 1));
    const doc = body(para('要点', numPr(1, 0)), para('甲', numPr(2, 0)), para('孤儿', numPr(9, 0)), para('深层', numPr(2, 6)));
    expect(shown(doc, n)).toEqual(['要点', '一、甲', '孤儿', '深层']);
  });

  it('puts a space after a label that would run into Latin letters or digits, and honours w:suff', () => {
    const n = numbering(abstractNum(0, lvl(0, 'decimal', '%1.'), lvl(1, 'chineseCounting', '%2、', '<w:suff w:val="space"/>')), num(1, 0));
    const doc = body(para('2024年完成', numPr(1, 0)), para('属于国家秘密', numPr(1, 0)), para('总体情况', numPr(1, 1)));
    expect(shown(doc, n)).toEqual(['1. 2024年完成', '2.属于国家秘密', '一、总体情况']);
  });

  it('counts the mc:Fallback copy of alternate content, as mammoth reads it, and paragraphs in tables', () => {
    const n = numbering(HEADINGS, num(1, 0));
    const alt = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${para('框内', numPr(1, 0))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${para('框内', numPr(1, 0))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const table = `<w:tbl><w:tr><w:tc>${para('格内', numPr(1, 0))}</w:tc></w:tr></w:tbl>`;
    const { labels, xml } = labelDocumentXml(body(para('甲', numPr(1, 0)), alt, table, para('乙', numPr(1, 0))), n);
    expect(labels.map((l) => l.label)).toEqual(['一、', '二、', '三、', '四、']);
    expect(xml).toContain('<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p w:rsidR="00A1"><w:pPr>');
    expect(xml).toContain('</w:pPr><w:r><w:t xml:space="preserve">二、</w:t></w:r><w:r><w:t>框内');
    expect(xml).toContain('<w:tc><w:p w:rsidR="00A1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">三、</w:t></w:r>');
  });

  it('reads only the paragraph’s own properties, not a tracked change’s old ones', () => {
    const n = numbering(HEADINGS, num(1, 0));
    const changed = `<w:p><w:pPr><w:pPrChange w:id="1" w:author="x"><w:pPr>${numPr(1, 0)}</w:pPr></w:pPrChange></w:pPr><w:r><w:t>曾经编号</w:t></w:r></w:p>`;
    expect(shown(body(changed, para('甲', numPr(1, 0))), n)).toEqual(['曾经编号', '一、甲']);
  });

  it('writes an escaped label after a self-closing w:pPr and leaves everything else byte for byte', () => {
    const n = numbering(abstractNum(0, lvl(0, 'decimal', '&lt;%1&gt;&amp;')), num(1, 0));
    const doc = body(`<w:p><w:pPr/><w:r><w:t>x</w:t></w:r></w:p>`, para('甲', numPr(1, 0)));
    const { xml, labels } = labelDocumentXml(doc, n, undefined);
    expect(labels).toEqual([{ index: 1, label: '<1>&', level: 0, separator: '' }]);
    expect(xml.replace('<w:r><w:t xml:space="preserve">&lt;1&gt;&amp;</w:t></w:r>', '')).toBe(doc);
  });

  it('never throws on damaged parts; it labels what it can read', () => {
    const doc = body(para('甲', numPr(1, 0)), para('乙', numPr(1, 0)));
    for (const bad of ['', 'garbage <<<', '<w:numbering><w:num w:numId="1">', numbering(HEADINGS, num(1, 0)).slice(0, 200), '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>']) {
      expect(() => labelDocumentXml(doc, bad, 'garbage')).not.toThrow();
      expect(labelDocumentXml(doc, bad).labels).toEqual([]);
    }
    // A cut-off document.xml still gets labels for the paragraphs before the cut.
    const cut = doc.slice(0, doc.indexOf('乙'));
    expect(labelDocumentXml(cut, numbering(HEADINGS, num(1, 0))).labels.map((l) => l.label)).toEqual(['一、', '二、']);
  });
});
