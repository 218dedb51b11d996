/**
 * Builds the `source` text of a binary document: one paragraph (or one table row, cells separated by tabs) per
 * line, with every block's offsets recorded as it is appended. Shared by the DOCX and PDF loaders.
 */
import type { RawBlock, RawCell } from '../model/raw.js';

/** Flattens whitespace so a paragraph stays on one line and tabs only ever separate table cells. */
export function oneLine(text: string): string {
  return text
    .replace(/[\u00a0\u2002\u2003\u2009\u200b\u3000\t\r\n\u2028\u2029\f\v]+/g, (m) => (/^[\u3000]+$/.test(m) ? m : ' '))
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Joins pieces of one paragraph (wrapped lines, cell paragraphs). Chinese layout breaks lines anywhere, even
 * inside numbers and URLs, so pieces are glued directly; only a break between two Latin words gets a space.
 */
export function joinPieces(pieces: string[]): string {
  let out = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece) continue;
    if (out && /[A-Za-z,;:]$/.test(out) && /^[A-Za-z]/.test(piece) && !/[/.@_-]\w*$/.test(out.slice(-30).split(' ').pop() ?? '')) out += ' ';
    out += piece;
  }
  return out;
}

export interface TextBlockInput {
  text: string;
  markupLevel?: number;
  page?: number;
  paragraph?: number;
}

export interface TableBlockInput {
  rows: { text: string; rowSpan?: number; colSpan?: number }[][];
  page?: number;
  paragraph?: number;
}

export class SourceBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: RawBlock[] = [];

  private append(line: string): number {
    const start = this.length;
    this.parts.push(line, '\n');
    this.length += line.length + 1;
    return start;
  }

  text(input: TextBlockInput): void {
    const text = oneLine(input.text);
    if (!text) return;
    const start = this.append(text);
    this.blocks.push({
      kind: 'text',
      text,
      start,
      end: start + text.length,
      ...(input.markupLevel !== undefined ? { markupLevel: input.markupLevel } : {}),
      ...(input.page !== undefined ? { page: input.page } : {}),
      ...(input.paragraph !== undefined ? { paragraph: input.paragraph } : {}),
    });
  }

  table(input: TableBlockInput): void {
    const rows: RawCell[][] = [];
    let tableStart = -1;
    let tableEnd = -1;
    for (const row of input.rows) {
      const texts = row.map((c) => oneLine(c.text));
      const lineStart = this.append(texts.join('\t'));
      if (tableStart < 0) tableStart = lineStart;
      let offset = lineStart;
      rows.push(
        row.map((c, i) => {
          const text = texts[i]!;
          const cell: RawCell = { text, start: offset, end: offset + text.length };
          if (c.rowSpan && c.rowSpan > 1) cell.rowSpan = c.rowSpan;
          if (c.colSpan && c.colSpan > 1) cell.colSpan = c.colSpan;
          offset += text.length + 1;
          return cell;
        }),
      );
      tableEnd = offset - 1;
    }
    if (!rows.length) return;
    this.blocks.push({
      kind: 'table',
      rows,
      start: tableStart,
      end: tableEnd,
      ...(input.page !== undefined ? { page: input.page } : {}),
      ...(input.paragraph !== undefined ? { paragraph: input.paragraph } : {}),
    });
  }

  get source(): string {
    return this.parts.join('');
  }
}
