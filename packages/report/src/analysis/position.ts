import { pieceOffset } from '../model/positions.js';
import type { Location } from '@gongkai/core';
import type { Block, Heading, Paragraph, ReportDocument, Span, Table } from '../model/types.js';

/** Finding location for a span: line/column plus page/paragraph when the format has them. */
export function locOfSpan(span: Span | undefined): Location | undefined {
  if (!span) return undefined;
  const loc: Location = { line: span.start.line, column: span.start.column };
  if (span.end) {
    loc.endLine = span.end.line;
    loc.endColumn = span.end.column;
  }
  if (span.start.page !== undefined) loc.page = span.start.page;
  if (span.start.paragraph !== undefined) loc.paragraph = span.start.paragraph;
  return loc;
}

/** 1-based line/column of a 0-based offset, by binary search over the line starts. */
export function lineColumnAt(doc: ReportDocument, offset: number): { line: number; column: number } {
  const starts = doc.lineStarts;
  if (!starts || starts.length === 0) return { line: 1, column: offset + 1 };
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/**
 * Location of a character range inside a block's text. Loaders may clean text (HTML entities, Markdown emphasis),
 * so the exact column is only trusted when the block's text is literally what the source holds at its span.
 */
export function locInBlock(
  doc: ReportDocument,
  block: Paragraph | Heading,
  index: number,
  length: number,
): Location {
  const base = locOfSpan(block.span) ?? {};
  const text = block.kind === 'heading' ? block.raw : block.text;
  const start = block.span.start.offset;
  const pieces = block.kind === 'paragraph' ? block.pieces : undefined;
  if (pieces && index >= 0 && index + length <= text.length) {
    // A paragraph joined from wrapped lines: each piece maps to its own place in the source.
    const a = lineColumnAt(doc, pieceOffset(pieces, index));
    const b = lineColumnAt(doc, pieceOffset(pieces, index + length));
    return { ...base, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
  if (doc.source.startsWith(text, start) && index >= 0 && index + length <= text.length) {
    const a = lineColumnAt(doc, start + index);
    const b = lineColumnAt(doc, start + index + length);
    return { ...base, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
  return base;
}

export function blockText(block: Block): string {
  if (block.kind === 'paragraph') return block.text;
  if (block.kind === 'heading') return block.rest ? `${block.text}${block.rest}` : block.text;
  return tableText(block);
}

export function tableText(table: Table): string {
  return table.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n');
}
