/**
 * Rebuilds ruled tables from their borders. The x positions of the vertical rules and the y positions of the
 * horizontal ones give the grid; a rule that is missing between two neighbouring slots means they belong to one
 * merged cell, which is how a word processor draws a merged cell. Every text item then goes to the cell its
 * centre falls in, so text placed anywhere in a merged cell (top row, centred, wrapped over several lines) ends up
 * as that cell's text, and the result carries rowSpan/colSpan like a DOCX or HTML table.
 */
import type { PdfItem } from './pdf-lines.js';
import { linesOf } from './pdf-lines.js';
import type { Segment } from './pdf-ruling.js';
import { joinPieces } from './docx-text.js';

export interface GridCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

export interface RuledTable {
  /** Column boundaries, ascending, and row boundaries, descending (PDF y grows upwards). */
  xs: number[];
  ys: number[];
  rows: GridCell[][];
}

/** Positions closer than this are the same rule (double borders, rounding in the producer). */
const SAME = 1.5;

function cluster(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of s) {
    const g = groups[groups.length - 1];
    if (g && v - g[g.length - 1]! <= tol) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Collinear pieces that touch or overlap become one segment (Word draws each cell's border separately). */
export function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const dir of ['h', 'v'] as const) {
    const list = segments.filter((s) => s.dir === dir).sort((p, q) => p.at - q.at);
    const lanes: Segment[][] = [];
    for (const s of list) {
      const lane = lanes[lanes.length - 1];
      if (lane && s.at - lane[0]!.at <= SAME) lane.push(s);
      else lanes.push([s]);
    }
    for (const lane of lanes) {
      const at = lane.reduce((a, s) => a + s.at, 0) / lane.length;
      lane.sort((p, q) => p.a - q.a);
      let cur: Segment | null = null;
      for (const s of lane) {
        if (cur && s.a <= cur.b + SAME) cur.b = Math.max(cur.b, s.b);
        else {
          if (cur) out.push(cur);
          cur = { dir, at, a: s.a, b: s.b };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

const crosses = (h: Segment, v: Segment) => v.at >= h.a - SAME && v.at <= h.b + SAME && h.at >= v.a - SAME && h.at <= v.b + SAME;

/** Groups of rules that touch each other: each group is one table's frame. */
function frames(segments: Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  segments.forEach((h, i) => {
    if (h.dir !== 'h') return;
    segments.forEach((v, j) => {
      if (v.dir === 'v' && crosses(h, v)) parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  return [...groups.values()];
}

/**
 * An item whose text holds spaces and runs across a column rule is several cells that pdfjs glued together; it
 * is cut at the spaces, with x positions estimated from character widths.
 */
function splitAcross(it: PdfItem, xs: number[]): PdfItem[] {
  const inner = xs.slice(1, -1);
  if (!/\s/.test(it.str.trim()) || !inner.some((x) => x > it.x + SAME && x < it.x + it.width - SAME)) return [it];
  const weight = (s: string) => [...s].reduce((n, ch) => n + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
  const total = weight(it.str) || 1;
  const out: PdfItem[] = [];
  let offset = 0;
  for (const piece of it.str.split(/(\s+)/)) {
    const w = (weight(piece) / total) * it.width;
    if (piece.trim()) out.push({ ...it, str: piece, x: it.x + offset, width: w });
    offset += w;
  }
  return out;
}

function locate(sorted: number[], v: number, descending: boolean): number {
  for (let i = 0; i + 1 < sorted.length; i++) {
    const hi = descending ? sorted[i]! : sorted[i + 1]!;
    const lo = descending ? sorted[i + 1]! : sorted[i]!;
    if (v >= lo && v <= hi) return i;
  }
  return -1;
}

interface Placed {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  items: PdfItem[];
}

function tableOf(frame: Segment[], items: PdfItem[], page: number): { table: RuledTable; used: Set<PdfItem> } | undefined {
  const hs = frame.filter((s) => s.dir === 'h');
  const vs = frame.filter((s) => s.dir === 'v');
  if (hs.length < 2 || vs.length < 2) return undefined;
  const xs = cluster(vs.map((s) => s.at), SAME);
  const ys = cluster(hs.map((s) => s.at), SAME).reverse();
  // Tables drawn without outer side (or top/bottom) borders still end where the other rules end.
  const minX = Math.min(...hs.map((s) => s.a));
  const maxX = Math.max(...hs.map((s) => s.b));
  const maxY = Math.max(...vs.map((s) => s.b));
  const minY = Math.min(...vs.map((s) => s.a));
  if (minX < xs[0]! - 2 * SAME) xs.unshift(minX);
  if (maxX > xs[xs.length - 1]! + 2 * SAME) xs.push(maxX);
  if (maxY > ys[0]! + 2 * SAME) ys.unshift(maxY);
  if (minY < ys[ys.length - 1]! - 2 * SAME) ys.push(minY);
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // One row is enough: the last row of a table that a page break cut off (a lone box is refused below).
  if (nr < 1 || nc < 2) return undefined;

  const ruledV = (x: number, y: number) => vs.some((s) => Math.abs(s.at - x) <= SAME && y >= s.a - SAME && y <= s.b + SAME);
  const ruledH = (y: number, x: number) => hs.some((s) => Math.abs(s.at - y) <= SAME && x >= s.a - SAME && x <= s.b + SAME);
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const ym = (ys[r]! + ys[r + 1]!) / 2;
      const xm = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < nc && !ruledV(xs[c + 1]!, ym)) join(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && !ruledH(ys[r + 1]!, xm)) join(r * nc + c, (r + 1) * nc + c);
    }
  }
  const groups = new Map<number, Placed>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(r * nc + c);
      const g = groups.get(root);
      if (!g) groups.set(root, { r0: r, r1: r, c0: c, c1: c, items: [] });
      else {
        g.r1 = Math.max(g.r1, r);
        g.c0 = Math.min(g.c0, c);
        g.c1 = Math.max(g.c1, c);
      }
    }
  }
  // A region with no inner rules at all (a frame around text) is a box, not a table.
  if (groups.size < 4) return undefined;
  const slotOwner: Placed[] = [];
  for (let r = 0; r < nr; r++) for (let c = 0; c < nc; c++) slotOwner[r * nc + c] = groups.get(find(r * nc + c))!;

  const used = new Set<PdfItem>();
  const top = ys[0]!;
  const bottom = ys[nr]!;
  for (const original of items) {
    for (const it of splitAcross(original, xs)) {
      const cx = it.x + it.width / 2;
      const cy = it.y + 0.35 * it.size;
      if (cx < xs[0]! || cx > xs[nc]! || cy > top || cy < bottom) continue;
      const c = locate(xs, cx, false);
      const r = locate(ys, cy, true);
      if (r < 0 || c < 0) continue;
      slotOwner[r * nc + c]!.items.push(it);
      used.add(original);
    }
  }

  const cells = [...groups.values()].sort((p, q) => p.r0 - q.r0 || p.c0 - q.c0);
  const texts = new Map<Placed, string>();
  for (const cell of cells) texts.set(cell, joinPieces(linesOf(cell.items, page).map((l) => l.text)));
  if (cells.filter((c) => texts.get(c)).length < 2) return undefined;

  // Rows or columns in which no cell starts come from a rule that stops short (a stray segment); they carry no
  // cell of their own, so they are folded into their neighbours.
  const rowKept = Array.from({ length: nr }, (_, r) => cells.some((c) => c.r0 === r));
  const colKept = Array.from({ length: nc }, (_, c) => cells.some((x) => x.c0 === c));
  const count = (kept: boolean[], from: number, to: number) => kept.slice(from, to + 1).filter(Boolean).length;
  const rows: GridCell[][] = [];
  for (let r = 0; r < nr; r++) {
    if (!rowKept[r]) continue;
    const row: GridCell[] = [];
    for (const cell of cells) {
      if (cell.r0 !== r) continue;
      const out: GridCell = { text: texts.get(cell) ?? '' };
      const rs = count(rowKept, cell.r0, cell.r1);
      const cs = count(colKept, cell.c0, cell.c1);
      if (rs > 1) out.rowSpan = rs;
      if (cs > 1) out.colSpan = cs;
      row.push(out);
    }
    rows.push(row);
  }
  return {
    table: { xs: xs.filter((_, i) => i === nc || colKept[i]), ys: ys.filter((_, i) => i === nr || rowKept[i]), rows },
    used,
  };
}

/** The ruled tables of one page, top to bottom, and the text items each one consumed. */
export function ruledTables(segments: Segment[], items: PdfItem[], page: number): { table: RuledTable; used: Set<PdfItem> }[] {
  const found: { table: RuledTable; used: Set<PdfItem> }[] = [];
  for (const frame of frames(mergeSegments(segments))) {
    const t = tableOf(frame, items, page);
    if (t) found.push(t);
  }
  return found.sort((p, q) => q.table.ys[0]! - p.table.ys[0]!);
}

/** The table's cells re-spanned over the column boundaries `xs` (a superset of the table's own). */
function regrid(table: RuledTable, xs: number[]): RuledTable {
  if (xs.length === table.xs.length) return { ...table, xs };
  const at = (x: number) => xs.findIndex((y) => Math.abs(x - y) <= 3);
  const rows = table.rows.map((r) => r.map((c) => ({ ...c })));
  for (const p of placements(rows)) {
    const span = at(table.xs[p.col + (p.cell.colSpan ?? 1)]!) - at(table.xs[p.col]!);
    if (span > 1) p.cell.colSpan = span;
  }
  return { xs, ys: table.ys, rows };
}

/** Where each cell of span-written rows sits in the expanded grid. */
function placements(rows: GridCell[][]): { cell: GridCell; row: number; col: number }[] {
  const taken: boolean[][] = [];
  const out: { cell: GridCell; row: number; col: number }[] = [];
  rows.forEach((cells, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) (taken[r + dr] ??= [])[c + dc] = true;
      out.push({ cell, row: r, col: c });
      c += cell.colSpan ?? 1;
    }
  });
  return out;
}

const rowKey = (row: GridCell[]) => row.map((c) => `${c.text.replace(/\s+/g, '')}/${c.rowSpan ?? 1}/${c.colSpan ?? 1}`).join('|');

/**
 * Joins a table that runs on from the previous page: same columns, the header rows the word processor repeats at
 * the top of the new page dropped, and a merged cell cut by the page break (its lower part is an empty cell in
 * the same columns) made one cell again. Returns undefined when `next` is not a continuation of `prev`.
 */
export function continueTable(before: RuledTable, after: RuledTable): RuledTable | undefined {
  const near = (a: number, b: number) => Math.abs(a - b) <= 3;
  if (!near(before.xs[0]!, after.xs[0]!) || !near(before.xs[before.xs.length - 1]!, after.xs[after.xs.length - 1]!)) return undefined;
  // Parts whose inner column rules differ (a lone last row, the next 第二十条 block with its own columns) are put
  // on the union of both parts' rules, each cell spanning the columns between its own rules.
  const xs = [...before.xs];
  for (const x of after.xs) if (!xs.some((y) => near(x, y))) xs.push(x);
  xs.sort((a, b) => a - b);
  const prev = regrid(before, xs);
  const next = regrid(after, xs);
  const rows = next.rows.map((r) => r.map((c) => ({ ...c })));
  let repeated = 0;
  while (repeated < rows.length - 1 && repeated < prev.rows.length && rowKey(rows[repeated]!) === rowKey(prev.rows[repeated]!)) repeated++;
  // Only whole header rows can be dropped: none of their cells may reach into the rows that stay.
  while (repeated > 0 && placements(rows).some((p) => p.row < repeated && p.row + (p.cell.rowSpan ?? 1) > repeated)) repeated--;
  rows.splice(0, repeated);
  const merged = prev.rows.map((r) => r.map((c) => ({ ...c })));
  const height = merged.length;
  const bottom = placements(merged).filter((p) => p.row + (p.cell.rowSpan ?? 1) === height);
  const first = rows[0] ?? [];
  for (const p of placements(rows).filter((q) => q.row === 0)) {
    if (p.cell.text) continue;
    const above = bottom.find((b) => b.col === p.col && (b.cell.colSpan ?? 1) === (p.cell.colSpan ?? 1) && b.cell.text);
    if (!above || ((above.cell.rowSpan ?? 1) < 2 && (p.cell.rowSpan ?? 1) < 2)) continue;
    above.cell.rowSpan = (above.cell.rowSpan ?? 1) + (p.cell.rowSpan ?? 1);
    first.splice(first.indexOf(p.cell), 1);
  }
  return { xs, ys: prev.ys, rows: [...merged, ...rows] };
}
