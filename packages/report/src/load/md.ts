/**
 * Markdown via unified + remark-parse + remark-gfm. Headings keep their `#` depth as markupLevel; each source line of
 * a paragraph becomes its own block (as in .txt: reports write one paragraph per line and a hard-wrapped "1、…" line
 * must still be seen as a numbered item); GFM tables keep cell offsets; HTML comments become directives.
 * Positions come from the mdast `position` offsets, which point into the decoded text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Directive } from '@gongkai/core';
import type { RawBlock, RawCell, RawDocument } from '../model/raw.js';
import type { LoadNote } from '../model/types.js';
import { parseDirectiveComment } from '../model/directives.js';
import { tooComplexError } from './errors.js';

/** The few mdast fields we read; typed locally so the package needs no direct @types/mdast dependency. */
interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } };
}

// Built once: creating and freezing a processor per file costs more than parsing a small report.
const processor = unified().use(remarkParse).use(remarkGfm).freeze();

const COMMENT_RE = /<!--([\s\S]*?)-->/g;

interface Piece {
  text: string;
  start: number;
}

/**
 * Flattens inline content into runs of text with their source offsets. Text nodes map 1:1 onto the source unless
 * they contained escapes or entities; then the run is still placed at the node's start.
 */
function collectInline(node: MdNode, out: Piece[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode': {
      const start = node.position?.start.offset;
      if (node.value && start !== undefined) {
        // inlineCode's position includes the backticks.
        const s = node.type === 'inlineCode' ? start + 1 : start;
        out.push({ text: node.value, start: s });
      }
      return;
    }
    case 'break':
      out.push({ text: '\n', start: node.position?.start.offset ?? 0 });
      return;
    case 'html':
    case 'image':
    case 'footnoteReference':
      return;
    default:
      if (node.children) for (const c of node.children) collectInline(c, out);
  }
}

interface Line {
  text: string;
  start: number;
  end: number;
}

/** Splits flattened runs at newlines into lines with start/end offsets. */
function linesOf(pieces: Piece[]): Line[] {
  const lines: Line[] = [];
  let text = '';
  let start = -1;
  let end = -1;
  const flush = () => {
    const t = text.trim();
    if (t !== '') {
      const lead = text.length - text.trimStart().length;
      const trail = text.length - text.trimEnd().length;
      lines.push({ text: t, start: start + lead, end: end - trail });
    }
    text = '';
    start = -1;
  };
  for (const p of pieces) {
    let from = 0;
    for (;;) {
      const nl = p.text.indexOf('\n', from);
      const part = nl < 0 ? p.text.slice(from) : p.text.slice(from, nl);
      if (part !== '') {
        if (start < 0) start = p.start + from;
        text += part;
        end = p.start + from + part.length;
      }
      if (nl < 0) break;
      flush();
      from = nl + 1;
    }
  }
  flush();
  return lines;
}

function directivesIn(html: string, node: MdNode, source: string, out: Directive[]): void {
  const base = node.position?.start.offset;
  if (base === undefined || !html.includes('gongkai-')) return;
  COMMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT_RE.exec(html)) !== null) {
    const off = base + m.index;
    // line/column by counting back to the previous newline: comments are few, so this stays cheap.
    const ls = source.lastIndexOf('\n', off - 1) + 1;
    let line = node.position!.start.line;
    for (let i = base; i < off; i++) if (source.charCodeAt(i) === 0x0a) line++;
    const d = parseDirectiveComment(m[1]!, line, off - ls + 1);
    if (d) out.push(d);
  }
}

/**
 * remark's time grows much faster than linearly with container nesting (10,000 nested list markers in 20 KB took
 * a minute), and a very long table is held several times over as mdast, raw cells and model rows. Reports nest
 * lists two or three levels deep and keep tables to a few dozen rows, so far larger values are refused up front.
 */
export const MAX_MD_NESTING = 64;
export const MAX_MD_TABLE_LINES = 5_000;

// One container opener: a block quote marker or a list marker followed by a space or the end of the line.
const CONTAINER_RE = /(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/y;
// "- - -" or "* * *" alone is a thematic break, not three nested lists.
const THEMATIC_BREAK_RE = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Container depth a line opens: its leading markers plus what its indentation nests it under (two columns a level). */
function lineDepth(line: string): number {
  let i = 0;
  let columns = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
    columns = line[i] === '\t' ? columns + 4 - (columns % 4) : columns + 1;
    i++;
  }
  let markers = 0;
  CONTAINER_RE.lastIndex = i;
  while (markers <= MAX_MD_NESTING && CONTAINER_RE.test(line)) markers++;
  if (!markers || THEMATIC_BREAK_RE.test(line)) return 0;
  // Plain indented text only continues a block (or is code); indentation nests only under a marker on that line.
  return markers + Math.floor(columns / 2);
}

/** Throws `load/too-complex` before parsing when the text nests or tabulates beyond what remark handles in time. */
export function guardMarkdownShape(text: string, path?: string): void {
  let pipeRun = 0;
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl);
    start = nl < 0 ? text.length + 1 : nl + 1;
    const depth = lineDepth(line);
    if (depth > MAX_MD_NESTING) {
      throw tooComplexError({ zh: `列表或引用嵌套超过 ${MAX_MD_NESTING} 层`, en: `lists or quotes nested more than ${MAX_MD_NESTING} deep` }, path);
    }
    // Every row of a GFM table holds a pipe; a run of such lines bounds the row count from above.
    pipeRun = line.includes('|') ? pipeRun + 1 : 0;
    if (pipeRun > MAX_MD_TABLE_LINES) {
      throw tooComplexError({ zh: `表格超过 ${MAX_MD_TABLE_LINES} 行`, en: `a table has more than ${MAX_MD_TABLE_LINES} rows` }, path);
    }
  }
}

export function loadMarkdown(text: string, encoding: string, notes: LoadNote[] = [], path?: string): RawDocument {
  guardMarkdownShape(text, path);
  const tree = processor.parse(text) as unknown as MdNode;
  const blocks: RawBlock[] = [];
  const directives: Directive[] = [];

  const pushLines = (node: MdNode, markupLevel?: number) => {
    const pieces: Piece[] = [];
    collectInline(node, pieces);
    const lines = linesOf(pieces);
    if (markupLevel !== undefined && lines.length > 0) {
      // A heading is one block even if it contains a hard break.
      const first = lines[0]!;
      const last = lines[lines.length - 1]!;
      blocks.push({
        kind: 'text',
        text: lines.map((l) => l.text).join(' '),
        start: first.start,
        end: last.end,
        markupLevel,
      });
      return;
    }
    for (const l of lines) blocks.push({ kind: 'text', text: l.text, start: l.start, end: l.end });
  };

  const walk = (node: MdNode) => {
    switch (node.type) {
      case 'heading':
        pushLines(node, node.depth ?? 1);
        return;
      case 'paragraph':
        pushLines(node);
        // Inline HTML comments inside a paragraph.
        for (const c of node.children ?? []) if (c.type === 'html' && c.value) directivesIn(c.value, c, text, directives);
        return;
      case 'html':
        if (node.value) directivesIn(node.value, node, text, directives);
        return;
      case 'table': {
        const rows: RawCell[][] = [];
        for (const row of node.children ?? []) {
          const cells: RawCell[] = [];
          for (const cell of row.children ?? []) {
            const pieces: Piece[] = [];
            collectInline(cell, pieces);
            const lines = linesOf(pieces);
            const c: RawCell = { text: lines.map((l) => l.text).join(' ') };
            if (lines.length > 0) {
              c.start = lines[0]!.start;
              c.end = lines[lines.length - 1]!.end;
            } else if (cell.position?.start.offset !== undefined) {
              c.start = cell.position.start.offset;
              c.end = cell.position.start.offset;
            }
            cells.push(c);
          }
          rows.push(cells);
        }
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        blocks.push({ kind: 'table', rows, start, end });
        return;
      }
      case 'list':
        for (const item of node.children ?? []) {
          const at = blocks.length;
          walk(item);
          const first = blocks[at];
          const itemStart = item.position?.start.offset;
          // An ordered list swallows the "1." marker; put it back so numbering is seen as in a .txt report.
          if (node.ordered && first && first.kind === 'text' && itemStart !== undefined && itemStart < first.start) {
            const verbatim = text.slice(first.start, first.end) === first.text;
            const marker = text.slice(itemStart, first.start).trim();
            first.text = verbatim ? text.slice(itemStart, first.end) : `${marker} ${first.text}`;
            first.start = itemStart;
          }
        }
        return;
      case 'code':
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        return;
      default:
        if (node.children) for (const c of node.children) walk(c);
    }
  };
  walk(tree);
  return { format: 'md', encoding, source: text, blocks, meta: {}, notes, directives };
}
