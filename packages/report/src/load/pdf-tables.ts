/**
 * Best-effort table reconstruction from text positions. A table is a run of lines on one page, split into cells,
 * at table-row spacing, in which at least two lines have three or more cells starting at shared x positions.
 * Columns are the clustered left edges of all cells in the run; each cell spans up to the next cell of its row. Merged rows cannot be seen, so a cell covered by a
 * row-spanning cell above comes back empty.
 */
import type { PdfCell, PdfLine } from './pdf-lines.js';

export interface PdfTable {
  lines: PdfLine[];
  rows: { text: string; colSpan?: number }[][];
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
  return grid.map((texts, r) => {
    const out: { text: string; colSpan?: number }[] = [];
    for (let c = 0; c < texts.length; ) {
      const s = texts[c] ? Math.max(1, Math.min(spans[r]![c]!, texts.length - c)) : 1;
      out.push(s > 1 ? { text: texts[c]!, colSpan: s } : { text: texts[c]! });
      c += s;
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
