import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDocx } from '../../src/load/docx.js';
import { loadPdf } from '../../src/load/pdf.js';
import { errorOf, findTable, fixture, grid, offsetsAgree, table3Numbers, tables, texts } from './helpers.js';

describe('loadPdf: clean report', async () => {
  const doc = await loadPdf(fixture('report-2024-clean.pdf'));
  const docx = await loadDocx(fixture('report-2024-clean.docx'));
  const pageOf = (start: string) => texts(doc).find((b) => b.text.startsWith(start))?.page;

  it('reads the Chinese text layer through the Adobe-GB1 CMaps and the Info title', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe('示例市科学技术局2024年政府信息公开工作年度报告');
    expect(doc.meta['pdf:Pages']).toBe('5');
    expect(offsetsAgree(doc)).toBe(true);
  });

  it('rebuilds the same paragraphs as the Word version: wrapped lines joined, headings and page numbers apart', () => {
    const fromPdf = texts(doc).map((b) => b.text);
    const fromDocx = texts(docx).map((b) => b.text);
    expect(fromPdf).toEqual(fromDocx);
    expect(fromPdf.some((t) => /^-\s*\d+\s*-$/.test(t))).toBe(false);
  });

  it('puts each block on the page it starts on', () => {
    expect(pageOf('示例市科学技术局2024年')).toBe(1);
    expect(pageOf('（四）政府信息公开平台建设')).toBe(2);
    expect(pageOf('三、收到和处理')).toBe(3);
    expect(pageOf('四、政府信息公开行政复议')).toBe(4);
    expect(pageOf('五、存在的主要问题')).toBe(5);
    expect(findTable(doc, '本年新收政府信息公开申请数量').page).toBe(3);
    const pages = doc.blocks.map((b) => b.page!);
    expect(pages.every((p, i) => i === 0 || p >= pages[i - 1]!)).toBe(true);
  });

  it('reconstructs table 3 from positions with all 25 rows and the same numbers as the Word table', () => {
    expect(tables(doc)).toHaveLength(3);
    expect(doc.notes.map((n) => n.code)).toEqual(['pdf-tables']);
    const fromPdf = table3Numbers(findTable(doc, '本年新收政府信息公开申请数量'));
    expect(fromPdf).toEqual(table3Numbers(findTable(docx, '本年新收政府信息公开申请数量')));
    expect(grid(findTable(doc, '本年新收政府信息公开申请数量'))[2]!.slice(4, 9)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('reads the ruling, so every table expands to the same grid as the Word table, merged cells included', () => {
    for (const marker of ['本年制发件数', '本年新收政府信息公开申请数量', '未经复议直接起诉']) {
      expect(grid(findTable(doc, marker))).toEqual(grid(findTable(docx, marker)));
    }
    const t3 = findTable(doc, '本年新收政府信息公开申请数量');
    expect(t3.rows.flat().find((c) => c.text === '三、本年度办理结果')?.rowSpan).toBe(22);
  });

  it('keeps the full-width rows of table 2 and the 15 cells of table 4', () => {
    const t2 = grid(findTable(doc, '本年制发件数'));
    expect(t2[0]![0]).toBe('第二十条第（一）项');
    expect(t2[3]).toEqual(['行政规范性文件', '3', '1', '12']);
    expect(t2.some((r) => r[0] === '行政许可' && r[1] === '46')).toBe(true);
    const t4 = grid(findTable(doc, '未经复议直接起诉'));
    expect(t4[t4.length - 1]).toEqual(['1', '0', '0', '0', '1', ...Array(10).fill('0')]);
  });
});

describe('loadPdf: unreadable input', () => {
  it('an encrypted PDF is load/encrypted', async () => {
    const e = await errorOf(loadPdf(fixture('encrypted.pdf')));
    expect(e.code).toBe('load/encrypted');
    expect(e.zh).toContain('加密');
    expect(e.en).toContain('encrypted');
  });

  it('a PDF without a text layer is load/no-text', async () => {
    const e = await errorOf(loadPdf(fixture('scanned.pdf')));
    expect(e.code).toBe('load/no-text');
    expect(e.en).toBe('this PDF has no text layer; OCR it first');
    expect(e.zh).toContain('OCR');
  });

  it('junk, empty and truncated files are load/corrupt', async () => {
    const clean = fixture('report-2024-clean.pdf');
    for (const bytes of [new TextEncoder().encode('<html>not a pdf</html>'), new Uint8Array(), clean.slice(0, 400), fixture('report-2024-clean.docx')]) {
      const e = await errorOf(loadPdf(bytes));
      expect(e.code).toBe('load/corrupt');
      expect(e.zh + e.en).not.toMatch(/\n/);
    }
  });

  it('accepts a Node Buffer, as readFile returns', async () => {
    const doc = await loadPdf(readFileSync(fileURLToPath(new URL('../../../../fixtures/reports/report-2024-clean.pdf', import.meta.url))));
    expect(texts(doc).length).toBeGreaterThan(20);
  });

  it('does not detach or change the caller’s bytes', async () => {
    const bytes = fixture('report-2024-clean.pdf');
    const copy = bytes.slice();
    await loadPdf(bytes);
    expect(bytes).toEqual(copy);
  });
});
