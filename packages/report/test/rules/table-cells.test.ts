// Blank cells, run-together figures and the 15-column table 4 from Word: a blank is a format finding and never an
// arithmetic one; a table whose columns ran together gets one warning instead of row-by-row errors.
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { loadReport } from '../../src/load/index.js';
import { recogniseTables } from '../../src/analysis/tables.js';
import { tableFormat } from '../../src/rules/table-format.js';
import { tableArithmetic } from '../../src/rules/table-arithmetic.js';
import { check, ids, md } from './helpers.js';

const FIELDS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const HEAD = '# 2024年政府信息公开工作年度报告\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n';
/** Table 4 as a Markdown grid (merged cells repeated), the figure row given as 15 cell texts. */
function table4Md(figures: string[]): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    row([...Array(5).fill('行政复议'), ...Array(10).fill('行政诉讼')]),
    row(Array(15).fill('---')),
    row([...FIELDS, ...Array(5).fill('未经复议直接起诉'), ...Array(5).fill('复议后起诉')]),
    row([...FIELDS, ...FIELDS, ...FIELDS]),
    row(figures),
  ].join('\n');
}

describe('blank cells versus 0', () => {
  it('a blank figure is one table-format finding and no arithmetic finding; 0 and 无 are figures', async () => {
    const blank = await md(HEAD + table4Md(['1', '', '0', '0', '2', ...Array(10).fill('0')]));
    const f = await check(tableFormat, blank);
    expect(ids(f)).toEqual(['blankCells']);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('行政复议/结果纠正');
    // 1 + blank + 0 + 0 against 2 is neither right nor wrong.
    expect(await check(tableArithmetic, blank)).toEqual([]);
    const zeros = await md(HEAD + table4Md(['1', '无', '0', '0', '2', ...Array(10).fill('0')]));
    expect(await check(tableFormat, zeros)).toEqual([]);
    expect(ids(await check(tableArithmetic, zeros))).toEqual(['reviewTotal']);
  });

  it('the pack can make blank cells an error or switch them off', async () => {
    const blank = await md(HEAD + table4Md(['1', '', '0', '0', '1', ...Array(10).fill('0')]));
    expect((await check(tableFormat, blank, { blankCells: 'error' }))[0]!.severity).toBe('error');
    expect(await check(tableFormat, blank, { blankCells: 'off' })).toEqual([]);
  });
});

describe('figures run together', () => {
  it('a cell holding several figures marks the table damaged: one warning, no missing cells, no sums', async () => {
    const doc = await md(HEAD + table4Md(['10 1 0 0 0', '', '', '', '', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0']));
    expect(recogniseTables(doc).reviews!.damaged).toMatch(/run together/);
    expect(doc.tables[0]!.damaged).toMatch(/run together/);
    const f = await check(tableFormat, doc);
    expect(ids(f)).toEqual(['unreliable']);
    expect(f[0]!.severity).toBe('warning');
    expect(await check(tableArithmetic, doc)).toEqual([]);
  });
});

// ----- Word: the 15-column table with its merged two-row header ------------------------------------------------

const P = (t: string) => new Paragraph({ children: [new TextRun(t)] });
const C = (t: string | string[], o: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ ...o, children: (Array.isArray(t) ? t : [t]).map(P) });

async function table4Docx(header: TableRow[], figures: TableCell[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: [P('示例局2024年政府信息公开工作年度报告'), P('四、政府信息公开行政复议、行政诉讼情况'), new Table({ rows: [...header, new TableRow({ children: figures })] })] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const FIGURES = [4, 8, 0, 0, 12, 0, 1, 0, 0, 1, 3, 0, 0, 2, 5];
const split = (f: string) => [f.slice(0, 2), f.slice(2)];

describe('table 4 from Word', () => {
  // WPS style: 行政复议 over its fields, which are merged down two rows; the official layout: 行政复议 merged down
  // over the row that names the two kinds of litigation, fields in the third row.
  const layouts: [string, () => TableRow[]][] = [
    ['fields merged down (vMerge) beside the litigation kinds', () => [
      new TableRow({ children: [C('行政复议', { columnSpan: 5 }), C('行政诉讼', { columnSpan: 10 })] }),
      new TableRow({ children: [...FIELDS.map((f) => C(split(f), { rowSpan: 2 })), C('未经复议直接起诉', { columnSpan: 5 }), C('复议后起诉', { columnSpan: 5 })] }),
      new TableRow({ children: [...FIELDS, ...FIELDS].map((f) => C(split(f))) }),
    ]],
    ['行政复议 merged over two rows (gridSpan + vMerge)', () => [
      new TableRow({ children: [C('行政复议', { columnSpan: 5, rowSpan: 2 }), C('行政诉讼', { columnSpan: 10 })] }),
      new TableRow({ children: [C('未经复议直接起诉', { columnSpan: 5 }), C('复议后起诉', { columnSpan: 5 })] }),
      new TableRow({ children: [...FIELDS, ...FIELDS, ...FIELDS].map((f) => C(f)) }),
    ]],
  ];
  for (const [name, header] of layouts) {
    it(`${name}: every figure under its own group and field`, async () => {
      const doc = await loadReport(await table4Docx(header(), FIGURES.map((n) => C(String(n)))), 't4.docx');
      const rev = recogniseTables(doc).reviews!;
      expect(rev.damaged).toBeUndefined();
      const read = ['review', 'direct', 'after'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((f) => rev.cells.get(`${g}.${f}`)?.value));
      expect(read).toEqual(FIGURES);
      expect(await check(tableFormat, doc)).toEqual([]);
      // 复议后起诉: 3 + 0 + 0 + 2 = 5, 行政复议 4 + 8 = 12, 直接起诉 1 = 1: all hold.
      expect(await check(tableArithmetic, doc)).toEqual([]);
    });
  }

  it('figures typed as paragraphs of one cell are not read as one number', async () => {
    const cells = [C(['4', '8', '0', '0', '12'], { columnSpan: 5 }), ...FIGURES.slice(5).map((n) => C(String(n)))];
    const doc = await loadReport(await table4Docx(layouts[1]![1](), cells), 't4.docx');
    const rev = recogniseTables(doc).reviews!;
    expect(doc.tables[0]!.rows[3]![0]!.text).toBe('4 8 0 0 12');
    expect(rev.damaged).toBeDefined();
    expect(ids(await check(tableFormat, doc))).toEqual(['unreliable']);
    expect(await check(tableArithmetic, doc)).toEqual([]);
  });
});
