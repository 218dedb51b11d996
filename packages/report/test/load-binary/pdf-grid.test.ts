import { describe, expect, it } from 'vitest';
import { rulingOf, type RulingOps, type Segment } from '../../src/load/pdf-ruling.js';
import { continueTable, mergeSegments, ruledTables, type RuledTable } from '../../src/load/pdf-grid.js';
import type { PdfItem } from '../../src/load/pdf-lines.js';
import { loadDocx } from '../../src/load/docx.js';
import { loadPdf } from '../../src/load/pdf.js';
import { findTable, fixture, grid, tables } from './helpers.js';

const OPS: RulingOps = {
  save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
  stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27,
};
const [M, L, C, Z] = [0, 1, 2, 3];
const rect = (x: number, y: number, w: number, h: number) => [M, x, y, L, x + w, y, L, x + w, y + h, L, x, y + h, Z];
const path = (paint: number, buffer: number[]) => [OPS.constructPath, [paint, [new Float32Array(buffer)], null]] as const;

describe('PDF ruling', () => {
  it('reads stroked rectangles, stroked lines and thin filled bars through the transformation matrix', () => {
    const ops = [
      [OPS.save, null],
      [OPS.transform, [1, 0, 0, -1, 0, 800]], // Word's top-left origin
      path(OPS.fill, rect(100, 100, 200, 0.5)), // a bar at page y ≈ 700
      path(OPS.fill, rect(100, 100, 200, 50)), // shading, not a rule
      [OPS.restore, null],
      path(OPS.stroke, [M, 50, 600, L, 50, 500]),
      path(OPS.stroke, [M, 10, 10, C, 20, 20, 30, 30, 40, 40]), // curves are never table rules
      path(28, rect(0, 0, 595, 842)), // endPath: a clipping rectangle
      path(OPS.closeStroke, rect(10, 20, 30, 40)),
    ] as const;
    const segs = rulingOf(ops.map((o) => o[0]), ops.map((o) => o[1]), OPS);
    const round = (s: Segment) => ({ ...s, at: Math.round(s.at * 4) / 4, a: Math.round(s.a), b: Math.round(s.b) });
    expect(segs.map(round)).toEqual([
      { dir: 'h', at: 699.75, a: 100, b: 300 },
      { dir: 'v', at: 50, a: 500, b: 600 },
      { dir: 'h', at: 20, a: 10, b: 40 },
      { dir: 'v', at: 40, a: 20, b: 60 },
      { dir: 'h', at: 60, a: 10, b: 40 },
      { dir: 'v', at: 10, a: 20, b: 60 },
    ]);
  });

  it('merges collinear pieces that touch, keeps apart those that do not', () => {
    const merged = mergeSegments([
      { dir: 'h', at: 100, a: 0, b: 50 },
      { dir: 'h', at: 100.4, a: 50, b: 90 },
      { dir: 'h', at: 100, a: 120, b: 150 },
      { dir: 'v', at: 0, a: 0, b: 100 },
    ]);
    expect(merged.map((s) => ({ ...s, at: Math.round(s.at) }))).toEqual([
      { dir: 'h', at: 100, a: 0, b: 90 },
      { dir: 'h', at: 100, a: 120, b: 150 },
      { dir: 'v', at: 0, a: 0, b: 100 },
    ]);
  });
});

/** Borders of cells given as [col0, col1, row0, row1] (exclusive ends) on the grid xs × ys. */
function borders(xs: number[], ys: number[], cells: [number, number, number, number][]): Segment[] {
  return cells.flatMap(([c0, c1, r0, r1]) => [
    { dir: 'h' as const, at: ys[r0]!, a: xs[c0]!, b: xs[c1]! },
    { dir: 'h' as const, at: ys[r1]!, a: xs[c0]!, b: xs[c1]! },
    { dir: 'v' as const, at: xs[c0]!, a: ys[r1]!, b: ys[r0]! },
    { dir: 'v' as const, at: xs[c1]!, a: ys[r1]!, b: ys[r0]! },
  ]);
}
const item = (str: string, x: number, y: number, size = 8): PdfItem => ({ str, x, y, size, width: [...str].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0) * size });

describe('ruled tables', () => {
  const xs = [50, 150, 200, 250];
  const ys = [500, 480, 460, 440, 420];
  // A two-level header over columns 1–2, a label spanning three rows with its text centred vertically, a label
  // wrapped over two lines, and a numeric row that pdfjs delivered as one item "3 4".
  const segs = borders(xs, ys, [
    [0, 1, 0, 2], [1, 3, 0, 1], [1, 2, 1, 2], [2, 3, 1, 2],
    [0, 1, 2, 3], [1, 2, 2, 3], [2, 3, 2, 3],
    [0, 1, 3, 4], [1, 2, 3, 4], [2, 3, 3, 4],
  ]).concat(borders([250, 300, 350], ys, [[0, 1, 0, 4], [1, 2, 0, 1], [1, 2, 1, 4]]));
  const items = [
    item('项目', 60, 475),
    item('申请人', 180, 486),
    item('自然人', 160, 466),
    item('法人', 210, 466),
    item('行政规范性', 55, 450),
    item('文件', 55, 443),
    item('1', 170, 446),
    item('2', 220, 446),
    item('规章', 60, 426),
    { str: '3 4', x: 170, y: 426, size: 8, width: 50 }, // TJ spacing stretched the space over the rule
    item('合计', 260, 456),
    item('甲', 310, 486),
    item('乙', 310, 436),
    item('表外的正文', 60, 380),
  ];

  it('turns missing inner rules into rowSpan/colSpan and gives every item to the cell its centre falls in', () => {
    const found = ruledTables(segs, items, 1);
    expect(found).toHaveLength(1);
    const { rows, xs: cols } = found[0]!.table;
    expect(cols).toEqual([50, 150, 200, 250, 300, 350]);
    expect(rows).toEqual([
      [{ text: '项目', rowSpan: 2 }, { text: '申请人', colSpan: 2 }, { text: '合计', rowSpan: 4 }, { text: '甲' }],
      [{ text: '自然人' }, { text: '法人' }, { text: '乙', rowSpan: 3 }],
      [{ text: '行政规范性文件' }, { text: '1' }, { text: '2' }],
      [{ text: '规章' }, { text: '3' }, { text: '4' }],
    ]);
    expect(found[0]!.used.has(items[items.length - 1]!)).toBe(false);
  });

  it('takes a table without outer side borders to the ends of its horizontal rules', () => {
    const open = segs.filter((s) => !(s.dir === 'v' && (s.at === 50 || s.at === 350)));
    const [t] = ruledTables(open, items, 1);
    expect(t!.table.xs).toEqual([50, 150, 200, 250, 300, 350]);
    expect(t!.table.rows[2]!.map((c) => c.text)).toEqual(['行政规范性文件', '1', '2']);
  });

  it('ignores frames around text and rules without text', () => {
    const box = borders([50, 300], [700, 600], [[0, 1, 0, 1]]);
    expect(ruledTables(box, [item('注：本表为示例', 60, 650)], 1)).toEqual([]);
    expect(ruledTables(segs, [], 1)).toEqual([]);
  });
});

describe('tables split over a page break', () => {
  const head = [[{ text: '项目', colSpan: 2 }, { text: '数量' }]];
  const prev: RuledTable = {
    xs: [0, 50, 100, 150],
    ys: [],
    rows: [...head, [{ text: '三、办理结果', rowSpan: 2 }, { text: '予以公开' }, { text: '1' }], [{ text: '部分公开' }, { text: '2' }]],
  };

  it('drops the repeated header and makes the cut merged cell whole again', () => {
    const next: RuledTable = { xs: [0, 50.5, 100, 150], ys: [], rows: [...head, [{ text: '', rowSpan: 2 }, { text: '不予公开' }, { text: '3' }], [{ text: '无法提供' }, { text: '4' }]] };
    const joined = continueTable(prev, next)!;
    expect(joined.rows).toEqual([
      ...head,
      [{ text: '三、办理结果', rowSpan: 4 }, { text: '予以公开' }, { text: '1' }],
      [{ text: '部分公开' }, { text: '2' }],
      [{ text: '不予公开' }, { text: '3' }],
      [{ text: '无法提供' }, { text: '4' }],
    ]);
    expect(prev.rows[1]![0]!.rowSpan).toBe(2);
  });

  it('keeps an empty cell that is a real blank, and refuses a table with other outer edges', () => {
    const next: RuledTable = { xs: [0, 50, 100, 150], ys: [], rows: [[{ text: '其他', colSpan: 2 }, { text: '' }]] };
    expect(continueTable(prev, next)!.rows.slice(-1)).toEqual([[{ text: '其他', colSpan: 2 }, { text: '' }]]);
    expect(continueTable(prev, { ...next, xs: [0, 50, 100, 200] })).toBeUndefined();
    expect(continueTable(prev, { ...next, xs: [20, 50, 100, 150] })).toBeUndefined();
  });

  it('joins parts whose inner columns differ on the union of their rules (a lone last row, the next 第二十条 block)', () => {
    const next: RuledTable = { xs: [0, 100, 150], ys: [], rows: [[{ text: '四、结转' }, { text: '5' }]] };
    const joined = continueTable(prev, next)!;
    expect(joined.xs).toEqual([0, 50, 100, 150]);
    expect(joined.rows.slice(-1)).toEqual([[{ text: '四、结转', colSpan: 2 }, { text: '5' }]]);
    const wide: RuledTable = { xs: [0, 80, 150], ys: [], rows: [[{ text: '行政处罚' }, { text: '7' }]] };
    const union = continueTable(prev, wide)!;
    expect(union.xs).toEqual([0, 50, 80, 100, 150]);
    // Every row covers the four columns of the union (the third row's first column is the merged 三、办理结果 above).
    expect(union.rows.map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0))).toEqual([4, 4, 3, 4]);
  });
});

describe('Word-style PDF export', async () => {
  const pdf = await loadPdf(fixture('report-2024-clean.word.pdf'));
  const docx = await loadDocx(fixture('report-2024-clean.docx'));

  it('rebuilds all three tables cell for cell as the DOCX expands them, table 3 across its page break', () => {
    expect(tables(pdf)).toHaveLength(3);
    for (const marker of ['本年制发件数', '本年新收政府信息公开申请数量', '未经复议直接起诉']) {
      expect(grid(findTable(pdf, marker))).toEqual(grid(findTable(docx, marker)));
    }
    const t3 = findTable(pdf, '本年新收政府信息公开申请数量');
    expect(pdf.source.slice(t3.start, t3.end).split('\n').filter((l) => l.includes('申请人情况'))).toHaveLength(1);
    expect(pdf.meta['pdf:Pages']).toBe('4');
  });
});
