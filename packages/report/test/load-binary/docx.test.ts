import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { loadDocx } from '../../src/load/docx.js';
import { errorOf, findTable, fixture, grid, offsetsAgree, table3Numbers, tables, texts } from './helpers.js';

describe('loadDocx: clean report', async () => {
  const doc = await loadDocx(fixture('report-2024-clean.docx'));

  it('reads the Word title style as the title', () => {
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe('示例市科学技术局2024年政府信息公开工作年度报告');
    expect(texts(doc)[0]!.markupLevel).toBeUndefined();
  });

  it('maps Heading 1 / Heading 2 styles to markup levels', () => {
    const level = (n: number) => texts(doc).filter((b) => b.markupLevel === n).map((b) => b.text);
    expect(level(1)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(level(2)).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
    expect(texts(doc).find((b) => b.text.startsWith('（一）信息处理费'))!.markupLevel).toBeUndefined();
  });

  it('numbers paragraphs and tables in body order and keeps offsets into source', () => {
    expect(doc.blocks.map((b) => b.paragraph)).toEqual(doc.blocks.map((_, i) => i + 1));
    expect(offsetsAgree(doc)).toBe(true);
    expect(doc.source.split('\n')[1]).toContain('本报告所列数据的统计期限为2024年1月1日至2024年12月31日');
    expect(texts(doc).some((b) => b.text === '全年新收政府信息公开申请38件，其中自然人申请28件，占73.7%；法人或其他组织申请10件。')).toBe(true);
  });

  it('returns table 3 with its spans, 25 rows and numbers that satisfy the identities', () => {
    const t3 = findTable(doc, '本年新收政府信息公开申请数量');
    expect(t3.rows[0]![0]).toMatchObject({ rowSpan: 3, colSpan: 3 });
    expect(t3.rows.find((r) => r[0]!.text === '三、本年度办理结果')![0]!.rowSpan).toBe(22);
    expect(grid(t3).every((row) => row.length === 10)).toBe(true);
    const n = table3Numbers(t3);
    expect(n[0]).toEqual([28, 6, 2, 0, 1, 1, 38]);
    expect(n[24]).toEqual([1, 1, 0, 0, 0, 0, 2]);
    for (let c = 0; c < 7; c++) expect(n[0]![c]! + n[1]![c]!).toBe(n[23]![c]! + n[24]![c]!);
    for (const row of n) expect(row.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(row[6]);
    // Table rows are lines of source with tab-separated cells.
    const row = t3.rows[3]!;
    expect(doc.source.slice(row[0]!.start, row[row.length - 1]!.end)).toBe('一、本年新收政府信息公开申请数量\t28\t6\t2\t0\t1\t1\t38');
  });

  it('returns tables 2 and 4', () => {
    expect(tables(doc)).toHaveLength(3);
    const t2 = findTable(doc, '本年制发件数');
    expect(grid(t2)[3]).toEqual(['行政规范性文件', '3', '1', '12']);
    const t4 = findTable(doc, '未经复议直接起诉');
    expect(grid(t4)[3]).toEqual(['1', '0', '0', '0', '1', ...Array(10).fill('0')]);
    expect(grid(t4)[2]!.slice(0, 5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
  });
});

describe('loadDocx: planted-errors report', async () => {
  const doc = await loadDocx(fixture('report-2024-errors.docx'));
  const expected = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../../fixtures/reports/report-2024-errors.expected.json', import.meta.url)), 'utf8'),
  ) as { docx: { ruleId: string; paragraph: number }[] };
  const at = (p: number) => doc.blocks.find((b) => b.paragraph === p)!;

  it('has a block at every paragraph the expectations name, of the right kind', () => {
    expect(expected.docx.length).toBeGreaterThanOrEqual(8);
    for (const { ruleId, paragraph } of expected.docx) {
      const b = at(paragraph);
      expect(b, `${ruleId} @ ${paragraph}`).toBeDefined();
      if (ruleId === 'report/table-arithmetic' || ruleId === 'report/table-format') expect(b.kind).toBe('table');
      if (ruleId === 'report/placeholder') expect(b.kind === 'text' && /XX|【】|（单位名称）/.test(b.text)).toBe(true);
      if (ruleId === 'report/required-section') expect(b.kind === 'text' && b.markupLevel === 1 && b.text === '五、其他需要报告的事项').toBe(true);
      if (ruleId === 'report/heading-sequence') expect(b.kind === 'text' && b.text.startsWith('（二）')).toBe(true);
    }
  });

  it('really carries the planted table-3 break', () => {
    const n = table3Numbers(findTable(doc, '本年新收政府信息公开申请数量'));
    const broken = [0, 1, 2, 3, 4, 5, 6].filter((c) => n[0]![c]! + n[1]![c]! !== n[23]![c]! + n[24]![c]!);
    expect(broken).toEqual([0, 1]);
    expect(texts(doc).some((b) => b.text.startsWith('五、存在'))).toBe(false);
  });
});

// A minimal stored (uncompressed or deflated) zip, so the "zip but not a Word document" path is tested for real.
function crc32(data: Uint8Array): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function zip(name: string, content: string): Uint8Array {
  const raw = new TextEncoder().encode(content);
  const data = deflateRawSync(raw);
  const fname = new TextEncoder().encode(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(raw), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(raw.length, 22);
  local.writeUInt16LE(fname.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(raw), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(raw.length, 24);
  central.writeUInt16LE(fname.length, 28);
  const localSize = 30 + fname.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fname.length, 12);
  end.writeUInt32LE(localSize, 16);
  return new Uint8Array(Buffer.concat([local, fname, data, central, fname, end]));
}

describe('loadDocx: unreadable input', () => {
  it('a truncated docx is load/corrupt with a one-line message in both languages', async () => {
    const e = await errorOf(loadDocx(fixture('corrupt.docx')));
    expect(e.code).toBe('load/corrupt');
    expect(e.zh).toMatch(/^无法读取 DOCX 文件/);
    expect(e.en).toMatch(/^cannot read the DOCX file/);
    expect(e.zh + e.en).not.toMatch(/\n/);
  });

  it('junk bytes and a PDF are load/corrupt', async () => {
    expect((await errorOf(loadDocx(new TextEncoder().encode('这不是一个Word文档')))).code).toBe('load/corrupt');
    expect((await errorOf(loadDocx(fixture('report-2024-clean.pdf')))).code).toBe('load/corrupt');
    expect((await errorOf(loadDocx(new Uint8Array()))).code).toBe('load/corrupt');
  });

  it('a zip without word/document.xml is load/corrupt', async () => {
    const e = await errorOf(loadDocx(zip('hello.txt', 'hello')));
    expect(e.code).toBe('load/corrupt');
    expect(e.en).toMatch(/main document part|not a Word document/);
  });

  it('a legacy .doc gets its own explanation', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await errorOf(loadDocx(ole));
    expect(e.code).toBe('load/corrupt');
    expect(e.zh).toContain('.doc');
    expect(e.en).toContain('.docx');
  });
});
