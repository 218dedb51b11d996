/**
 * Turns pdfjs text items into visual lines: items sharing a baseline are one line, read left to right, and a
 * line is cut into cells wherever a horizontal gap is wider than about a character, which is how table columns
 * (and nothing else in running text) look once the ruling is gone.
 */
import { joinPieces } from './docx-text.js';

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfCell {
  x0: number;
  x1: number;
  text: string;
  /** The text runs the cell was made of, for readers that need to cut it finer (pdf-figures.ts). */
  parts?: { x0: number; x1: number; text: string }[];
}

export interface PdfLine {
  page: number;
  /** Baseline, PDF user space (grows upwards). */
  y: number;
  size: number;
  x0: number;
  x1: number;
  cells: PdfCell[];
  text: string;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

function cellsOf(items: PdfItem[], size: number): PdfCell[] {
  const cells: PdfCell[] = [];
  type Open = { x0: number; x1: number; pieces: string[]; parts: { x0: number; x1: number; text: string }[] };
  let current: Open | null = null;
  const close = (c: Open) => cells.push({ x0: c.x0, x1: c.x1, text: joinPieces(c.pieces), parts: c.parts });
  for (const it of items) {
    const gap = current ? it.x - current.x1 : 0;
    if (!current || gap > 0.8 * size) {
      if (current) close(current);
      current = { x0: it.x, x1: it.x + it.width, pieces: [it.str], parts: [{ x0: it.x, x1: it.x + it.width, text: it.str }] };
      continue;
    }
    current.parts.push({ x0: it.x, x1: it.x + it.width, text: it.str });
    // A visible gap between Latin words is a space; CJK text never carries one.
    const prev = current.pieces[current.pieces.length - 1] ?? '';
    const spaced = gap > 0.2 * size && !CJK.test(prev.slice(-1)) && !CJK.test(it.str.slice(0, 1));
    if (spaced) current.pieces[current.pieces.length - 1] = prev + ' ';
    current.pieces[current.pieces.length - 1] += it.str;
    current.x1 = Math.max(current.x1, it.x + it.width);
  }
  if (current) close(current);
  return cells.filter((c) => c.text);
}

export function linesOf(items: PdfItem[], page: number): PdfLine[] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (g && ref && Math.abs(ref.y - it.y) <= 0.35 * Math.max(ref.size, it.size)) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    const size = Math.max(...g.map((i) => i.size));
    const cells = cellsOf(g, size);
    return {
      page,
      y: g[0]!.y,
      size,
      x0: Math.min(...g.map((i) => i.x)),
      x1: Math.max(...g.map((i) => i.x + i.width)),
      cells,
      text: cells.map((c) => c.text).join(' '),
    };
  });
}

/** Running page numbers ("- 3 -", "第 3 页 共 9 页", "3/9") near the top or bottom edge. */
export function isPageNumber(line: PdfLine, pageBottom: number, pageTop: number): boolean {
  const height = pageTop - pageBottom;
  const nearEdge = line.y - pageBottom < 0.12 * height || pageTop - line.y < 0.08 * height;
  if (!nearEdge) return false;
  const t = line.text.replace(/\s+/g, '');
  return /^[-—–－~·]*\d{1,4}[-—–－~·]*$/.test(t) || /^第\d+页(([,，/])?共\d+页)?$/.test(t) || /^\d+\/\d+$/.test(t) || /^page\d+(of\d+)?$/i.test(t);
}
