/**
 * Statistics tables printed without borders, read by their figure rows. Position-only reconstruction (pdf-tables.ts)
 * needs every row on one baseline, but a Word table's labels wrap inside narrow cells and sit centred beside their
 * figures, its header labels wrap ("商业企" / "业") and its group labels float in the middle of the rows they cover.
 * The one thing each row of table 3 or 4 prints on one baseline is its figures, so those lines anchor the rows:
 * label lines between them are given to the nearer figure line, figures go to the columns their centres cluster
 * in, and the lines above the first figure line are the header, read down each figure column.
 */
import type { PdfCell, PdfLine } from './pdf-lines.js';
import type { PdfTable } from './pdf-tables.js';
import { joinPieces } from './docx-text.js';

const NUMBER_RE = /^[+-]?\d+(?:\.\d+)?$/;
const isFigure = (c: PdfCell) => NUMBER_RE.test(c.text.replace(/\s+/g, ''));
/** A figure line: three or more figures on one baseline (rows of table 3 carry 7, of table 4 up to 15). */
export const isFigureLine = (l: PdfLine) => l.cells.filter(isFigure).length >= 3;
/** A label that starts a new row: 一、 （一） 1. 1、 */
const MARKER_RE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])/;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/**
 * The line with its cells cut at every visible gap between text runs. Line building joins runs closer than about a
 * character, which in a tight table puts the labels of neighbouring columns ("商业企" and "科研机") in one cell.
 */
function tightened(line: PdfLine): PdfLine {
  const cells: PdfCell[] = [];
  for (const cell of line.cells) {
    const parts = cell.parts ?? [];
    if (parts.length < 2) {
      cells.push(cell);
      continue;
    }
    let cur: PdfCell = { x0: parts[0]!.x0, x1: parts[0]!.x1, text: parts[0]!.text };
    for (const p of parts.slice(1)) {
      if (p.x0 - cur.x1 > 0.25 * line.size) {
        cells.push(cur);
        cur = { x0: p.x0, x1: p.x1, text: p.text };
      } else cur = { x0: cur.x0, x1: Math.max(cur.x1, p.x1), text: joinPieces([cur.text, p.text]) };
    }
    cells.push(cur);
  }
  return { ...line, cells: cells.map((c) => ({ ...c, text: c.text.trim() })).filter((c) => c.text) };
}

/** Runs of lines (indexes into `lines`) that form one figure table: first header line to last figure row. */
export function figureRegions(lines: PdfLine[], pageTop = false): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const figures = lines.map((l, i) => (isFigureLine(l) ? i : -1)).filter((i) => i >= 0);
  let k = 0;
  while (k < figures.length) {
    let m = k;
    const size = lines[figures[k]!]!.size;
    // Up to three wrapped label lines can separate two figure rows.
    while (m + 1 < figures.length && lines[figures[m]!]!.y - lines[figures[m + 1]!]!.y <= 6 * size) m++;
    // Three figure rows make a table; at the top of a page one is enough, for the tail of a table cut by the break.
    if (m - k + 1 >= 3 || (pageTop && k === 0 && figures[0]! <= 3)) {
      let start = figures[k]!;
      const x0 = Math.min(...figures.slice(k, m + 1).map((i) => lines[i]!.x0)) - size;
      const x1 = Math.max(...figures.slice(k, m + 1).map((i) => lines[i]!.x1)) + size;
      // Header lines: same type size, inside the table's width, at most a few lines apart.
      const inside = (l: PdfLine) => Math.abs(l.size - size) < 0.6 && l.x0 >= x0 && l.x1 <= x1;
      while (start > 0 && !out.some((r) => r.end >= start - 1) && inside(lines[start - 1]!) && lines[start - 1]!.y - lines[start]!.y <= 4 * size) start--;
      let end = figures[m]!;
      while (end + 1 < lines.length && inside(lines[end + 1]!) && !isFigureLine(lines[end + 1]!) && lines[end]!.y - lines[end + 1]!.y <= 2 * size && !MARKER_RE.test(lines[end + 1]!.text)) end++;
      out.push({ start, end });
    }
    k = m + 1;
  }
  return out;
}

/** Centres of the figure columns, left to right. */
function figureColumns(rows: PdfLine[], size: number): number[] {
  const centres = rows.flatMap((l) => l.cells.filter(isFigure).map((c) => (c.x0 + c.x1) / 2)).sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const c of centres) {
    const g = groups[groups.length - 1];
    if (g && c - g[g.length - 1]! <= 0.9 * size) g.push(c);
    else groups.push([c]);
  }
  return groups.map((g) => median(g));
}

const nearest = (centres: number[], x: number) => centres.reduce((best, c, i) => (Math.abs(c - x) < Math.abs(centres[best]! - x) ? i : best), 0);

/**
 * Which figure row each label-only line belongs to: the nearer one; at an even distance a line opening with a
 * row marker ("2.", "（三）") starts the row below and any other line continues the row above. A label never
 * joins a row whose own baseline already starts a marked label in that column.
 */
function attach(body: PdfLine[], anchors: number[], labelEdge: number): number[] {
  return body.map((line, i) => {
    if (anchors.includes(i)) return i;
    const above = [...anchors].reverse().find((a) => a < i);
    const below = anchors.find((a) => a > i);
    if (above === undefined) return below!;
    if (below === undefined) return above;
    const dUp = body[above]!.y - line.y;
    const dDown = line.y - body[below]!.y;
    const startsBelow = body[below]!.cells.some((c) => c.x1 <= labelEdge && MARKER_RE.test(c.text) && Math.abs(c.x0 - line.x0) < 2);
    if (startsBelow) return above;
    if (Math.abs(dUp - dDown) < 0.25 * line.size) return MARKER_RE.test(line.text) ? below : above;
    return dUp < dDown ? above : below;
  });
}

/** The header lines as rows: spanning labels level by level, then one row with each figure column's own label. */
function headerRows(lines: PdfLine[], centres: number[], labelEdge: number, labelCols: number, pitch: number): PdfTable['rows'] {
  const stub: string[] = [];
  const own = centres.map(() => [] as string[]);
  const levels = new Map<number, { c0: number; c1: number; text: string }[]>();
  for (const line of lines) {
    for (const cell of line.cells) {
      if (cell.x1 <= labelEdge + 1) {
        stub.push(cell.text);
        continue;
      }
      const covered = centres.map((c, i) => (c >= cell.x0 - 0.3 * pitch && c <= cell.x1 + 0.3 * pitch ? i : -1)).filter((i) => i >= 0);
      if (cell.x1 - cell.x0 > 1.5 * pitch && covered.length > 1) {
        const level = levels.get(line.y) ?? [];
        level.push({ c0: covered[0]!, c1: covered[covered.length - 1]!, text: cell.text });
        levels.set(line.y, level);
      } else own[nearest(centres, (cell.x0 + cell.x1) / 2)]!.push(cell.text);
    }
  }
  const spanning = [...levels.entries()].sort((a, b) => b[0] - a[0]).map(([, cells]) => cells.sort((a, b) => a.c0 - b.c0));
  const rows: PdfTable['rows'] = [];
  spanning.forEach((level, k) => {
    const row: PdfTable['rows'][number] = k === 0 ? [{ text: joinPieces(stub), rowSpan: spanning.length + 1, colSpan: labelCols }] : [];
    let col = 0;
    for (const cell of level) {
      if (cell.c0 < col) continue;
      if (cell.c0 > col) row.push({ text: '', colSpan: cell.c0 - col });
      row.push({ text: cell.text, colSpan: cell.c1 - cell.c0 + 1 });
      col = cell.c1 + 1;
    }
    if (col < centres.length) row.push({ text: '', colSpan: centres.length - col });
    rows.push(row.map((c) => (c.colSpan === 1 ? { text: c.text } : c)));
  });
  const last = own.map((texts) => ({ text: joinPieces(texts) }));
  rows.push(spanning.length ? last : [{ text: joinPieces(stub), ...(labelCols > 1 ? { colSpan: labelCols } : {}) }, ...last]);
  return rows;
}

/** Label columns: clusters of the left edges of label cells (a column is as wide as its widest label). */
function labelColumns(cells: PdfCell[], size: number): number[] {
  const xs = cells.map((c) => c.x0).sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of xs) if (!edges.length || x - edges[edges.length - 1]! > 1.5 * size) edges.push(x);
  return edges;
}

/** Rebuilds one figure table from its lines (header lines first, then rows and their label lines). */
export function figureTable(original: PdfLine[]): PdfTable {
  const lines = original.map(tightened);
  const first = lines.findIndex(isFigureLine);
  const body = lines.slice(first);
  const size = median(body.map((l) => l.size));
  const centres = figureColumns(body.filter(isFigureLine), size);
  const pitch = median(centres.slice(1).map((c, i) => c - centres[i]!)) || 2 * size;
  const labelEdge = centres[0]! - pitch / 2;
  const isLabel = (c: PdfCell) => c.x1 <= labelEdge + 1 && !isFigure(c);
  const labelEdges = labelColumns(body.flatMap((l) => l.cells.filter(isLabel)), size);
  const anchors = body.map((l, i) => (isFigureLine(l) ? i : -1)).filter((i) => i >= 0);
  const owner = attach(body, anchors, labelEdge);
  const header = headerRows(lines.slice(0, first), centres, labelEdge, Math.max(1, labelEdges.length), pitch);
  const labelGrid: string[][] = [];
  const figureGrid: string[][] = [];
  for (const a of anchors) {
    const labels = labelEdges.map(() => [] as string[]);
    const figures = centres.map(() => [] as string[]);
    body.forEach((line, i) => {
      if (owner[i] !== a) return;
      for (const cell of line.cells) {
        if (isLabel(cell)) labels[Math.max(0, labelEdges.filter((e) => e <= cell.x0 + 1).length - 1)]!.push(cell.text);
        else if (i === a) figures[nearest(centres, (cell.x0 + cell.x1) / 2)]!.push(cell.text);
      }
    });
    labelGrid.push(labels.map((t) => joinPieces(t)));
    // Two figures in one column stay side by side ("3 4"), which the table analysis reads as damage, not as 34.
    figureGrid.push(figures.map((t) => t.join(' ')));
  }
  return { lines: original, rows: [...header, ...bodyRows(labelGrid, figureGrid)], figureColumns: centres };
}

/**
 * Span-written body rows. A label covering several rows or columns is printed once, so the slots it covers are
 * blank: a row labelled only in its outer columns runs that label across the inner ones (一、本年新收… over all
 * label columns), and a blank in an outer label column belongs to the single-column label above it (（三）不予公开
 * over its items).
 */
function bodyRows(labels: string[][], figures: string[][]): PdfTable['rows'] {
  const n = labels[0]?.length ?? 0;
  const colSpan = labels.map((row) => row.map(() => 1));
  const covered = labels.map((row) => row.map(() => false));
  labels.forEach((row, r) => {
    const last = row.reduce((at, t, c) => (t ? c : at), -1);
    if (last < 0 || last === n - 1) return;
    colSpan[r]![last] = n - last;
    for (let c = last + 1; c < n; c++) covered[r]![c] = true;
  });
  const rowSpan = labels.map((row) => row.map(() => 1));
  for (let c = 0; c < n - 1; c++) {
    let anchor = -1;
    for (let r = 0; r < labels.length; r++) {
      if (covered[r]![c]) anchor = -1;
      else if (labels[r]![c]) anchor = colSpan[r]![c] === 1 ? r : -1;
      else if (anchor >= 0) {
        rowSpan[anchor]![c]!++;
        covered[r]![c] = true;
      }
    }
  }
  return labels.map((row, r) => {
    const out: PdfTable['rows'][number] = [];
    row.forEach((text, c) => {
      if (covered[r]![c]) return;
      out.push({ text, ...(colSpan[r]![c]! > 1 ? { colSpan: colSpan[r]![c]! } : {}), ...(rowSpan[r]![c]! > 1 ? { rowSpan: rowSpan[r]![c]! } : {}) });
    });
    return [...out, ...figures[r]!.map((text) => ({ text }))];
  });
}

/**
 * The figure table `next` (top of a page) carrying on `prev` (bottom of the previous page): the same figure
 * columns. Returns the lines of both as one table, `next` placed below `prev` and the header lines that Word
 * repeats on the new page left out; undefined when `next` is another table.
 */
export function continueFigureTable(prev: PdfTable, next: PdfTable): PdfTable | undefined {
  const a = prev.figureColumns;
  const b = next.figureColumns;
  if (!a || !b || a.length !== b.length || a.some((x, i) => Math.abs(x - b[i]!) > 3)) return undefined;
  const headerA = new Set(prev.lines.slice(0, prev.lines.findIndex(isFigureLine)).map((l) => l.text.replace(/\s+/g, '')));
  const firstB = next.lines.findIndex(isFigureLine);
  const kept = next.lines.filter((l, i) => i >= firstB || !headerA.has(l.text.replace(/\s+/g, '')));
  const bottom = Math.min(...prev.lines.map((l) => l.y));
  const top = Math.max(...kept.map((l) => l.y));
  const gap = 2 * (prev.lines[prev.lines.length - 1]?.size ?? 10);
  const shifted = kept.map((l) => ({ ...l, y: l.y - top + bottom - gap }));
  return figureTable([...prev.lines, ...shifted]);
}
