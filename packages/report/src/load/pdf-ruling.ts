/**
 * Reads the ruling of a page: the horizontal and vertical strokes that table borders are drawn with. Word and WPS
 * draw borders in three ways (stroked cell rectangles, stroked line segments, and thin filled rectangles), so all
 * three are reduced to axis-aligned segments in page space, with the current transformation matrix applied.
 */

export interface Segment {
  /** 'h': y fixed, runs a..b along x; 'v': x fixed, runs a..b along y. */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

/** The operator codes this module reads, taken from pdfjs' OPS table so no numbers are hard-wired. */
export interface RulingOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF's "cm" pre-multiplies the current matrix).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Path opcodes inside constructPath's buffer (pdfjs' DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 3;

/** Strokes thinner than this along one axis are border lines; anything fatter is shading or a picture. */
const THIN = 2.5;
/** Ruling shorter than this is a tick or a glyph fragment, not a border. */
const MIN_LENGTH = 3;

function segmentOf(x1: number, y1: number, x2: number, y2: number): Segment | undefined {
  const dx = Math.abs(x2 - x1);
  const dy = Math.abs(y2 - y1);
  if (dy <= 0.5 && dx >= MIN_LENGTH) return { dir: 'h', at: (y1 + y2) / 2, a: Math.min(x1, x2), b: Math.max(x1, x2) };
  if (dx <= 0.5 && dy >= MIN_LENGTH) return { dir: 'v', at: (x1 + x2) / 2, a: Math.min(y1, y2), b: Math.max(y1, y2) };
  return undefined;
}

/** Splits a path buffer into subpaths of transformed points; a subpath with a curve is dropped. */
function subpaths(buffer: ArrayLike<number>, m: Matrix): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let cur: { points: [number, number][]; closed: boolean; curved: boolean } | null = null;
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === MOVE) {
      cur = { points: [apply(m, buffer[k]!, buffer[k + 1]!)], closed: false, curved: false };
      out.push(cur);
      k += 2;
    } else if (op === LINE) {
      const p = apply(m, buffer[k]!, buffer[k + 1]!);
      if (!cur) out.push((cur = { points: [], closed: false, curved: false }));
      cur.points.push(p);
      k += 2;
    } else if (op === CURVE) {
      if (cur) cur.curved = true;
      const p = apply(m, buffer[k + 4]!, buffer[k + 5]!);
      if (cur) cur.points.push(p);
      k += 6;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
    } else break; // an opcode this reader does not know: the rest of the buffer cannot be trusted
  }
  return out.filter((s) => !s.curved && s.points.length >= 2);
}

function strokedSegments(points: [number, number][], closed: boolean, out: Segment[]): void {
  const n = points.length;
  for (let i = 0; i + 1 < n + (closed ? 1 : 0); i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % n]!;
    const s = segmentOf(x1, y1, x2, y2);
    if (s) out.push(s);
  }
}

function filledSegment(points: [number, number][], out: Segment[]): void {
  // Only an axis-aligned rectangle can be a border drawn as a filled bar.
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const onEdges = points.every(([x, y]) => (Math.abs(x - x0) < 0.2 || Math.abs(x - x1) < 0.2) && (Math.abs(y - y0) < 0.2 || Math.abs(y - y1) < 0.2));
  if (!onEdges) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN && w >= MIN_LENGTH && w > 2 * h) out.push({ dir: 'h', at: (y0 + y1) / 2, a: x0, b: x1 });
  else if (w <= THIN && h >= MIN_LENGTH && h > 2 * w) out.push({ dir: 'v', at: (x0 + x1) / 2, a: y0, b: y1 });
}

/** Axis-aligned ruling segments of one page, from pdfjs' operator list. */
export function rulingOf(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: RulingOps): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0];
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, Array.from(m as ArrayLike<number>) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const buffer = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!buffer) continue;
      const stroked = strokes.has(paint);
      if (!stroked && !fills.has(paint)) continue; // clipping paths and invisible ones
      for (const sp of subpaths(buffer, ctm)) {
        if (stroked) strokedSegments(sp.points, sp.closed, out);
        else filledSegment(sp.points, out);
      }
    }
  }
  return out;
}
