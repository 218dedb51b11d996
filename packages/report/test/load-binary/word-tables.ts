/**
 * Synthetic statistics tables laid out the way Word prints them to PDF, for the table-reading tests: wrapped
 * labels, the label column merged over its sub-rows, text centred or set at the top of its cell, with or without
 * borders, and a table cut by a page break with or without its header rows repeated. Written with the fixtures'
 * own PDF writer; everything here is invented.
 */
import { PdfWriter, textWidth } from '../../../../fixtures/reports/gen/pdf-writer.mjs';

export interface TCell {
  t: string;
  rs?: number;
  cs?: number;
}

export interface WordTableLayout {
  /** Column widths in points. */
  widths: number[];
  ruled: boolean;
  valign: 'top' | 'center';
  size?: number;
  /** Rows at the top that Word repeats on every page ("重复标题行"); 0 = none repeated. */
  repeatHeader?: number;
  /** Starts a new page before these rows (as if the page had run out). */
  breakBefore?: number[];
  /** Paragraphs before and after the table. */
  before?: string[];
  after?: string[];
}

interface Placed extends TCell {
  row: number;
  col: number;
  rs: number;
  cs: number;
}

export function place(rows: TCell[][]): Placed[] {
  const taken: boolean[][] = [];
  const out: Placed[] = [];
  rows.forEach((row, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c++;
      const rs = cell.rs ?? 1;
      const cs = cell.cs ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) (taken[r + dr] ??= [])[c + dc] = true;
      out.push({ ...cell, row: r, col: c, rs, cs });
      c += cs;
    }
  });
  return out;
}

function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** A one-table report page set: heading paragraphs, the table, closing paragraphs. */
export function wordTablePdf(rows: TCell[][], layout: WordTableLayout): Uint8Array {
  const pdf = new PdfWriter();
  const size = layout.size ?? 9;
  const pad = 3;
  const lineH = size * 1.25;
  const margin = 60;
  const xs = [margin];
  for (const w of layout.widths) xs.push(xs[xs.length - 1]! + w);
  const placed = place(rows);
  const lines = (p: Placed) => wrap(p.t, xs[p.col + p.cs]! - xs[p.col]! - 2 * pad, size);
  const heights = rows.map(() => lineH + 2 * pad);
  for (const p of placed) if (p.rs === 1) heights[p.row] = Math.max(heights[p.row]!, lines(p).length * lineH + 2 * pad);
  let pg = pdf.page(595, 842);
  let y = 842 - margin;
  for (const text of layout.before ?? []) {
    pg.text(text, margin, y - 12, 12);
    y -= 24;
  }
  // Row tops per page: a page break starts a new part, headed by the repeated header rows.
  const parts: { pg: typeof pg; rows: { r: number; top: number }[] }[] = [{ pg, rows: [] }];
  const put = (r: number) => {
    parts[parts.length - 1]!.rows.push({ r, top: y });
    y -= heights[r]!;
  };
  rows.forEach((_, r) => {
    if (layout.breakBefore?.includes(r) || y - heights[r]! < margin) {
      pg = pdf.page(595, 842);
      y = 842 - margin;
      parts.push({ pg, rows: [] });
      for (let h = 0; h < (layout.repeatHeader ?? 0); h++) put(h);
    }
    put(r);
  });
  for (const part of parts) drawPart(part, placed, xs, heights, { ...layout, size, pad, lineH }, lines);
  for (const text of layout.after ?? []) {
    pg.text(text, margin, y - 24, 12);
    y -= 24;
  }
  return pdf.toBytes({ title: 'word tables' });
}

function drawPart(
  part: { pg: ReturnType<PdfWriter['page']>; rows: { r: number; top: number }[] },
  placed: Placed[],
  xs: number[],
  heights: number[],
  o: WordTableLayout & { size: number; pad: number; lineH: number },
  lines: (p: Placed) => string[],
): void {
  const { pg } = part;
  pg.lineWidth(0.5);
  const seen = new Set<Placed>();
  for (const p of placed) {
    const mine = part.rows.filter((x) => x.r >= p.row && x.r < p.row + p.rs);
    if (!mine.length) continue;
    const top = mine[0]!.top;
    const h = mine.reduce((a, x) => a + heights[x.r]!, 0);
    if (o.ruled) pg.rect(xs[p.col]!, top - h, xs[p.col + p.cs]! - xs[p.col]!, h);
    // The text stays in the part holding the merged cell's first row (or the repeated header's copy).
    if (mine[0]!.r !== p.row || seen.has(p) || !p.t) continue;
    seen.add(p);
    const ls = lines(p);
    const first = o.valign === 'center' ? top - (h - ls.length * o.lineH) / 2 - o.size : top - o.pad - o.size;
    ls.forEach((line, k) => {
      const cw = xs[p.col + p.cs]! - xs[p.col]!;
      const x = /^[\d.]+$/.test(line) ? xs[p.col]! + (cw - textWidth(line, o.size)) / 2 : xs[p.col]! + o.pad;
      pg.text(line, x, first - k * o.lineH, o.size);
    });
  }
}
