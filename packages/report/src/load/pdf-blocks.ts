/**
 * Groups a PDF's visual lines into paragraphs. A line continues the paragraph above when it has the same font
 * size, follows at normal line spacing (or opens the next page), starts at the left margin rather than indented,
 * and the line above ran to the right margin. Wrapped display lines (a centred two-line title) continue when they
 * share the larger size and are both centred.
 */
import type { PdfLine } from './pdf-lines.js';
import type { PdfTable } from './pdf-tables.js';
import { joinPieces } from './docx-text.js';

export type PdfBlock = { kind: 'text'; page: number; lines: PdfLine[]; text: string } | { kind: 'table'; page: number; table: PdfTable };

export interface PageGeometry {
  page: number;
  width: number;
  left: number;
  right: number;
  /** Index of the page's first and last line in the document's line list. */
  first: number;
  last: number;
}

export interface Flow {
  items: ({ kind: 'line'; line: PdfLine; index: number } | { kind: 'table'; table: PdfTable; page: number })[];
  pages: Map<number, PageGeometry>;
  bodySize: number;
  bodyPitch: number;
}

function continues(prev: PdfLine, line: PdfLine, flow: Flow, prevIndex: number, index: number): boolean {
  if (Math.abs(prev.size - line.size) > 0.5) return false;
  const pg = flow.pages.get(line.page);
  const ppg = flow.pages.get(prev.page);
  if (!pg || !ppg) return false;
  if (prev.page === line.page) {
    if (index !== prevIndex + 1 || prev.y - line.y > 1.6 * Math.max(flow.bodyPitch, 1.2 * line.size)) return false;
  } else if (line.page !== prev.page + 1 || ppg.last !== prevIndex || pg.first !== index) return false;
  const display = line.size > flow.bodySize + 1;
  if (display) {
    const centred = (l: PdfLine, g: PageGeometry) => Math.abs((l.x0 + l.x1) / 2 - g.width / 2) < 2 * l.size;
    return centred(prev, ppg) && centred(line, pg);
  }
  return line.x0 <= pg.left + 0.5 * line.size && prev.x1 >= ppg.right - 1.5 * prev.size;
}

export function blocksOf(flow: Flow): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  let open: { lines: PdfLine[]; indexes: number[] } | null = null;
  const close = () => {
    if (!open) return;
    blocks.push({ kind: 'text', page: open.lines[0]!.page, lines: open.lines, text: joinPieces(open.lines.map((l) => l.text)) });
    open = null;
  };
  for (const item of flow.items) {
    if (item.kind === 'table') {
      close();
      blocks.push({ kind: 'table', page: item.page, table: item.table });
      continue;
    }
    const cur = open as { lines: PdfLine[]; indexes: number[] } | null;
    const last = cur?.lines[cur.lines.length - 1];
    if (cur && last && continues(last, item.line, flow, cur.indexes[cur.indexes.length - 1]!, item.index)) {
      cur.lines.push(item.line);
      cur.indexes.push(item.index);
    } else {
      close();
      open = { lines: [item.line], indexes: [item.index] };
    }
  }
  close();
  return blocks;
}
