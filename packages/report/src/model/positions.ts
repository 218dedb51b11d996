/** Offset ↔ line/column arithmetic shared by the builder, the loaders and the directive parser. */
import type { Position, Span } from './types.js';

/** Offsets of line starts; \r\n, \n and a lone \r each end a line. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  let i = text.indexOf('\n');
  if (!text.includes('\r')) {
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return starts;
  }
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) starts.push(k + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(k + 1) === 0x0a) k++;
      starts.push(k + 1);
    }
  }
  return starts;
}

/** 1-based line and column of a 0-based offset. */
export function lineColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}


/** A full `Position` for an offset; page/paragraph come from the block the offset belongs to. */
export function positionAt(
  lineStarts: readonly number[],
  offset: number,
  page?: number,
  paragraph?: number,
): Position {
  const { line, column } = lineColumn(lineStarts, offset);
  const p: Position = { line, column, offset };
  if (page !== undefined) p.page = page;
  if (paragraph !== undefined) p.paragraph = paragraph;
  return p;
}

export function spanOf(
  lineStarts: readonly number[],
  start: number,
  end: number,
  page?: number,
  paragraph?: number,
): Span {
  return { start: positionAt(lineStarts, start, page, paragraph), end: positionAt(lineStarts, end, page, paragraph) };
}

/** The source offset of index `i` of a text joined from pieces (see RawTextBlock.pieces). */
export function pieceOffset(pieces: ReadonlyArray<{ at: number; offset: number }>, i: number): number {
  let k = pieces.length - 1;
  while (k > 0 && pieces[k]!.at > i) k--;
  return pieces[k]!.offset + (i - pieces[k]!.at);
}
