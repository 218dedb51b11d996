import { describe, expect, it } from 'vitest';
import { isPageNumber, linesOf, type PdfItem } from '../../src/load/pdf-lines.js';
import { findTables } from '../../src/load/pdf-tables.js';
import { joinPieces, oneLine } from '../../src/load/docx-text.js';

const item = (str: string, x: number, y: number, size = 10): PdfItem => ({ str, x, y, size, width: [...str].length * size * (/^[\x20-\x7e]+$/.test(str) ? 0.5 : 1) });

describe('PDF lines', () => {
  it('groups items by baseline, orders them left to right and cuts cells at wide gaps', () => {
    const lines = linesOf([item('总计', 300, 700.6), item('自然人', 100, 700), item('申请', 20, 680), item('人', 40, 680.2), item('x', 0, 0)], 1);
    expect(lines.map((l) => l.text)).toEqual(['自然人 总计', '申请人', 'x']);
    expect(lines[0]!.cells.map((c) => c.text)).toEqual(['自然人', '总计']);
    expect(lines[1]!.cells).toHaveLength(1);
  });

  it('recognises running page numbers only near the page edges', () => {
    const at = (text: string, y: number) => linesOf([item(text, 280, y)], 1)[0]!;
    expect(isPageNumber(at('- 3 -', 30), 0, 842)).toBe(true);
    expect(isPageNumber(at('第 2 页 共 9 页', 30), 0, 842)).toBe(true);
    expect(isPageNumber(at('3/9', 820), 0, 842)).toBe(true);
    expect(isPageNumber(at('38', 400), 0, 842)).toBe(false);
    expect(isPageNumber(at('共38件', 30), 0, 842)).toBe(false);
  });

  it('joins wrapped Chinese lines without spaces but keeps English words apart', () => {
    expect(joinPieces(['邮编：51000', '0，电话'])).toBe('邮编：510000，电话');
    expect(joinPieces(['annual', 'report'])).toBe('annual report');
    expect(joinPieces(['https://kjj.shi', 'li.example'])).toBe('https://kjj.shili.example');
    expect(oneLine('a\tb\n c\u00a0d')).toBe('a b c d');
  });
});

describe('PDF tables', () => {
  const row = (y: number, cells: [string, number][]) => cells.map(([s, x]) => item(s, x, y));

  it('needs three shared columns on two lines; prose lines never form a table', () => {
    const prose = linesOf([item('这是一段正文。', 50, 700), item('第二行正文。', 50, 685)], 1);
    expect(findTables(prose)).toEqual([]);
    const twoCols = linesOf([...row(700, [['规章', 50], ['0', 200]]), ...row(685, [['文件', 50], ['3', 200]])], 1);
    expect(findTables(twoCols)).toEqual([]);
  });

  it('rebuilds rows with empty cells under merged cells, column spans, full-width rows and wrapped cell text', () => {
    const lines = linesOf(
      [
        item('第二十条第（一）项', 50, 720),
        ...row(702, [['信息内容', 50], ['本年制发件数', 150], ['本年废止件数', 250], ['现行有效件数', 350]]),
        ...row(684, [['规章', 50], ['0', 150], ['0', 250], ['0', 350]]),
        ...row(666, [['行政规范性', 50], ['3', 150], ['1', 250], ['12', 350]]),
        item('文件', 50, 654), // second line of the same cell: line spacing, tighter than the row pitch
        ...row(636, [['行政许可', 50], ['46', 150]]),
        ...row(618, [['', 50], ['5', 250], ['7', 350]]),
        item('三、后面的正文标题', 74, 580),
      ],
      1,
    );
    const found = findTables(lines);
    expect(found).toHaveLength(1);
    const rows = found[0]!.table.rows.map((r) => r.map((c) => c.text + (c.colSpan ? `*${c.colSpan}` : '')));
    expect(rows).toEqual([
      ['第二十条第（一）项*4'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '3', '1', '12'],
      ['行政许可', '46', '', ''],
      ['', '', '5', '7'],
    ]);
    expect(found[0]!.end).toBe(lines.length - 2);
  });

  it('without rules, guesses merged labels from the shape: header runs to the edge, group labels cover their sub-rows', () => {
    const lines = linesOf(
      [
        ...row(720, [['项目', 50], ['申请人', 300]]),
        ...row(702, [['三、办理结果', 50], ['（三）不予公开', 130], ['1.国家秘密', 210], ['0', 300], ['1', 350]]),
        ...row(684, [['2.其他', 210], ['3', 300], ['4', 350]]),
        ...row(666, [['（四）无法提供', 130], ['1.不掌握', 210], ['5', 300], ['6', 350]]),
        ...row(648, [['四、结转', 50], ['7', 300], ['8', 350]]),
      ],
      1,
    );
    const [t] = findTables(lines);
    const show = (c: { text: string; rowSpan?: number; colSpan?: number }) => c.text + (c.rowSpan ? `^${c.rowSpan}` : '') + (c.colSpan ? `*${c.colSpan}` : '');
    expect(t!.table.rows.map((r) => r.map(show))).toEqual([
      ['项目*3', '申请人*2'],
      ['三、办理结果^3', '（三）不予公开^2', '1.国家秘密', '0', '1'],
      ['2.其他', '3', '4'],
      ['（四）无法提供', '1.不掌握', '5', '6'],
      ['四、结转*3', '7', '8'],
    ]);
  });

  it('keeps centred numbers of different widths in one column', () => {
    // Column centres at 120, 200, 280; "0" and "100" start at different x but sit in the same column.
    const c = (s: string, centre: number, y: number) => item(s, centre - s.length * 2.5, y);
    const lines = linesOf(
      [c('自然人', 120, 700), c('商业企业', 200, 700), c('总计', 280, 700), c('0', 120, 682), c('100', 200, 682), c('100', 280, 682), c('12', 120, 664), c('0', 200, 664), c('12', 280, 664)],
      1,
    );
    const [t] = findTables(lines);
    expect(t!.table.rows.map((r) => r.map((x) => x.text))).toEqual([
      ['自然人', '商业企业', '总计'],
      ['0', '100', '100'],
      ['12', '0', '12'],
    ]);
  });
});
