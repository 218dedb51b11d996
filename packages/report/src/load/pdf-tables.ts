/**
 * Best-effort table reconstruction from text positions alone, for tables drawn without rules (ruled tables are
 * read from their borders by pdf-grid.ts). A table is a run of lines on one page, split into cells, at table-row
 * spacing, in which at least two lines have three or more cells starting at shared x positions. Columns are the
 * clustered left edges of all cells in the run; each cell spans up to the next cell of its row, and merges that
 * positions cannot show are guessed from the table's shape (see withSpans).
 */
import type { PdfCell, PdfLine } from './pdf-lines.js';

export interface PdfTable {
  lines: PdfLine[];
  rows: { text: string; rowSpan?: number; colSpan?: number }[][];
  /** Column boundaries when the table was read from its ruling (used to join a table split over two pages). */
  xs?: number[];
  ys?: number[];
  /** Centres of the figure columns when the table was read by its figure rows (pdf-figures.ts). */
  figureColumns?: number[];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

interface Columns {
  /** Left edge of each column, ascending. */
  anchors: number[];
  /** Column of every cell in the run. */
  of: Map<PdfCell, number>;
}

/**
 * Clusters the cells' left edges into columns. Centred text starts at different x in one column ("0" vs "100"),
 * so two neighbouring clusters that never occur in the same line and whose cells overlap horizontally are merged.
 */
function columnsOf(lines: PdfLine[], tol: number): Columns {
  const cells = lines.flatMap((l, li) => l.cells.map((c) => ({ c, li }))).sort((a, b) => a.c.x0 - b.c.x0);
  const clusters: { c: PdfCell; li: number }[][] = [];
  for (const entry of cells) {
    const last = clusters[clusters.length - 1];
    if (last && entry.c.x0 - last[last.length - 1]!.c.x0 <= tol) last.push(entry);
    else clusters.push([entry]);
  }
  for (let k = 0; k + 1 < clusters.length; ) {
    const a = clusters[k]!;
    const b = clusters[k + 1]!;
    const together = a.some((x) => b.some((y) => y.li === x.li));
    const overlap = Math.max(...a.map((x) => x.c.x1)) > Math.min(...b.map((y) => y.c.x0));
    if (!together && overlap) clusters.splice(k, 2, [...a, ...b]);
    else k++;
  }
  const of = new Map<PdfCell, number>();
  clusters.forEach((cl, i) => cl.forEach(({ c }) => of.set(c, i)));
  return { anchors: clusters.map((cl) => Math.min(...cl.map(({ c }) => c.x0))), of };
}

function sharedColumns(lines: PdfLine[], cols: Columns): number {
  // How many columns are used by at least two of the lines with three or more cells.
  const counts = new Map<number, number>();
  for (const l of lines) {
    if (l.cells.length < 3) continue;
    for (const col of new Set(l.cells.map((c) => cols.of.get(c)!))) counts.set(col, (counts.get(col) ?? 0) + 1);
  }
  return [...counts.values()].filter((n) => n >= 2).length;
}

function buildRows(lines: PdfLine[], cols: Columns, tol: number): PdfTable['rows'] {
  const { anchors } = cols;
  const grid: string[][] = [];
  const spans: number[][] = [];
  const pitch = median(lines.slice(1).map((l, i) => lines[i]!.y - l.y));
  lines.forEach((line, li) => {
    const colOf = line.cells.map((c) => cols.of.get(c)!);
    const texts = new Array<string>(anchors.length).fill('');
    const span = new Array<number>(anchors.length).fill(1);
    line.cells.forEach((cell, i) => {
      const col = colOf[i]!;
      texts[col] = texts[col] ? `${texts[col]} ${cell.text}` : cell.text;
      const next = colOf.slice(i + 1).find((c) => c > col);
      if (next !== undefined) span[col] = next - col;
      else {
        let n = 1;
        while (col + n < anchors.length && anchors[col + n]! < cell.x1 - tol) n++;
        span[col] = n;
      }
    });
    // A line much closer to the previous one than the row pitch is wrapped text inside the same row's cells.
    const prev = lines[li - 1];
    if (prev && grid.length && pitch > 0 && prev.y - line.y < 0.7 * pitch) {
      const row = grid[grid.length - 1]!;
      texts.forEach((t, c) => {
        if (t) row[c] = row[c] ? row[c] + t : t;
      });
      return;
    }
    grid.push(texts);
    spans.push(span);
  });
  return withSpans(grid, spans);
}

const NUMBER_RE = /^[+-]?\d+(?:\.\d+)?(?:万元|元|件|条|个|%)?$/;

/**
 * Guesses the merges that positions alone cannot show, so the grid expands like the DOCX table would:
 * - the last cell of a row runs on to the right edge over columns that were blank in the row above too (a
 *   centred or left-set header such as 行政诉讼 over its ten columns), and a row holding only its first cell is
 *   one full-width cell (第二十条第（一）项);
 * - in the label columns left of the numbers (all but the innermost one), a blank cell in a row of numbers
 *   belongs to the single-column label above it (三、本年度办理结果 over its sub-rows, （三）不予公开 over 1.–8.).
 */
function withSpans(grid: string[][], spans: number[][]): PdfTable['rows'] {
  const width = grid[0]?.length ?? 0;
  const colSpan = grid.map((texts, r) => texts.map((t, c) => (t ? Math.max(1, Math.min(spans[r]![c]!, width - c)) : 1)));
  const covered = (r: number) => {
    const mask = new Array<boolean>(width).fill(false);
    grid[r]!.forEach((t, c) => {
      if (t) for (let k = 0; k < colSpan[r]![c]!; k++) mask[c + k] = true;
    });
    return mask;
  };
  const original = grid.map((_, r) => covered(r));
  grid.forEach((texts, r) => {
    const last = texts.reduce((at, t, c) => (t ? c : at), -1);
    if (last < 0) return;
    const end = last + colSpan[r]![last]!;
    const above = original[r - 1];
    const alone = last === 0 && texts.every((t, c) => c === 0 || !t);
    if (end < width && (alone || !above || above.slice(end).every((x) => !x))) colSpan[r]![last] = width - last;
  });
  const numeric = grid.map((texts) => texts.map((t) => NUMBER_RE.test(t.replace(/\s+/g, ''))));
  const firstNumber = Math.min(...numeric.map((row) => row.indexOf(true)).filter((c) => c >= 0));
  const rowSpan = grid.map((texts) => texts.map(() => 1));
  const carried = grid.map((texts) => texts.map(() => false));
  if (Number.isFinite(firstNumber)) {
    for (let c = 0; c < firstNumber - 1; c++) {
      let anchor = -1;
      for (let r = 0; r < grid.length; r++) {
        const mask = covered(r);
        if (grid[r]![c]) anchor = numeric[r]!.some(Boolean) && colSpan[r]![c] === 1 ? r : -1;
        else if (anchor >= 0 && !mask[c] && numeric[r]!.some(Boolean)) {
          rowSpan[anchor]![c]!++;
          carried[r]![c] = true;
        } else anchor = -1;
      }
    }
  }
  return grid.map((texts, r) => {
    const out: PdfTable['rows'][number] = [];
    for (let c = 0; c < texts.length; ) {
      if (carried[r]![c]) {
        c++;
        continue;
      }
      const cell: PdfTable['rows'][number][number] = { text: texts[c]! };
      const cs = texts[c] ? colSpan[r]![c]! : 1;
      if (cs > 1) cell.colSpan = cs;
      if (rowSpan[r]![c]! > 1) cell.rowSpan = rowSpan[r]![c]!;
      out.push(cell);
      c += cs;
    }
    return out;
  });
}

/** Finds the tables among one page's lines; returns them with the indexes of the lines they consumed. */
export function findTables(lines: PdfLine[]): { start: number; end: number; table: PdfTable }[] {
  const found: { start: number; end: number; table: PdfTable }[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.cells.length < 2) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.cells.length >= 2 && lines[j]!.y - lines[j + 1]!.y <= 2.6 * Math.max(lines[j]!.size, lines[j + 1]!.size)) j++;
    let run = lines.slice(i, j + 1);
    const size = median(run.map((l) => l.size));
    const tol = 0.4 * size;
    let cols = columnsOf(run, tol);
    if (run.filter((l) => l.cells.length >= 3).length < 2 || cols.anchors.length < 3 || sharedColumns(run, cols) < 3) {
      i = j + 1;
      continue;
    }
    // Full-width rows ("第二十条第（一）项") have a single cell; take them in when they sit on a column edge at
    // the table's row spacing.
    const pitch = run.length > 1 ? median(run.slice(1).map((l, k) => run[k]!.y - l.y)) : 2 * size;
    const fits = (line: PdfLine, neighbour: PdfLine) =>
      Math.abs(neighbour.y - line.y) <= 1.4 * pitch && line.cells.every((c) => cols.anchors.some((a) => Math.abs(a - c.x0) <= tol));
    let start = i;
    let end = j;
    while (start > 0 && !found.some((f) => f.end === start - 1) && fits(lines[start - 1]!, lines[start]!)) start--;
    while (end + 1 < lines.length && fits(lines[end + 1]!, lines[end]!)) end++;
    run = lines.slice(start, end + 1);
    cols = columnsOf(run, tol);
    found.push({ start, end, table: { lines: run, rows: buildRows(run, cols, tol) } });
    i = end + 1;
  }
  return found;
}
