/**
 * Writes the article as extracted text, one block per line, and records the RawBlocks that point into it. Block
 * elements and <br> end a line; inline tags (<span>, <font>, <b>, <o:p>) never do, so Word-exported paragraphs whose
 * every few characters sit in their own <span> stay one paragraph. Data tables become one line per row with cells
 * separated by tabs (one RawCell per <td>, rowspan/colspan kept for the builder to expand).
 */
import type { Directive } from '@gongkai/core';
import type { RawBlock, RawCell } from '../model/raw.js';
import { parseDirectiveComment } from '../model/directives.js';
import { BLOCK, HEADING, SKIP, cellText, cellsOf, clean, isDataTable, isHidden, rowsOf, type DomNode } from './html-dom.js';

const NUMBERED_HEAD = /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)[ 、]*(\S.*)$/;

/**
 * The bold lead of a paragraph when it is a numbered run-in head written without closing punctuation
 * ("<b>（一）存在的问题 </b>一是……"): the bold run is the heading, the rest its first paragraph. With punctuation
 * ("（一）主动公开。…") the model builder already splits it; without, only the markup tells where the head ends.
 */
function runInHead(line: string, leadEnd: number): string | undefined {
  if (leadEnd === 0) return undefined;
  const head = clean(line.slice(0, leadEnd));
  const m = NUMBERED_HEAD.exec(head);
  if (!m || m[1]!.length < 2 || head.length > 30 || /[。；;]/.test(head)) return undefined;
  return clean(line.slice(leadEnd)) === '' ? undefined : line.slice(0, leadEnd);
}

export class TextEmitter {
  source = '';
  readonly blocks: RawBlock[] = [];
  readonly directives: Directive[] = [];
  private lastLine = 0;
  private pending: string[] = [];
  private line = '';
  private markup: number | undefined;
  /** Bold run-in head: how deep in <b>/<strong> we are, whether the line is still all bold, where the bold ends. */
  private bold = 0;
  private leadOpen = true;
  private leadEnd = 0;

  /** Emits one line of text; `pending` next-line directives attach to it. */
  private emit(text: string): number {
    const start = this.source.length;
    this.source += text + '\n';
    this.lastLine++;
    if (this.pending.length > 0) this.resolvePending(this.lastLine);
    return start;
  }

  resolvePending(at: number): void {
    for (const body of this.pending) {
      const d = parseDirectiveComment(body, at, 1);
      // "next line" means the next extracted block, which is exactly `at`; say so directly.
      if (d) this.directives.push(d.kind === 'disable-next-line' ? { ...d, kind: 'disable-line', line: at, column: 1 } : d);
    }
    this.pending = [];
  }

  finish(): void {
    this.flush();
    if (this.pending.length > 0) this.resolvePending(Math.max(1, this.lastLine));
  }

  text(s: string): void {
    if (this.bold === 0 && /\S/.test(s.replace(/\u00a0/g, ' '))) this.leadOpen = false;
    this.line += s;
  }

  boldStart(): void {
    this.bold++;
  }

  boldEnd(): void {
    this.bold--;
    if (this.bold === 0 && this.leadOpen) this.leadEnd = this.line.length;
  }

  heading(level: number): void {
    this.markup = level;
  }

  /** Ends the line being built. */
  flush(): void {
    const ml = this.markup;
    const head = runInHead(this.line, this.leadEnd);
    const parts = head ? [head, this.line.slice(this.leadEnd)] : [this.line];
    this.line = '';
    this.markup = undefined;
    this.leadOpen = true;
    this.leadEnd = 0;
    for (const part of parts) {
      const t = clean(part);
      if (t === '') continue;
      const start = this.emit(t);
      const b: RawBlock = { kind: 'text', text: t, start, end: start + t.length };
      if (ml !== undefined) b.markupLevel = ml;
      this.blocks.push(b);
    }
  }

  /** A line of its own, written before the article (the page title when it sits outside the article block). */
  standalone(t: string): void {
    this.flush();
    this.text(t);
    this.flush();
  }

  comment(body: string): void {
    if (!body.includes('gongkai-')) return;
    if (/^\s*gongkai-disable-line\b/.test(body)) {
      // Same line as the content it follows: the line being built, else the last one emitted.
      const at = clean(this.line) !== '' ? this.lastLine + 1 : Math.max(1, this.lastLine);
      const d = parseDirectiveComment(body, at, 1);
      if (d) this.directives.push(d);
    } else this.pending.push(body);
  }

  table(table: DomNode): void {
    this.flush();
    const rows: RawCell[][] = [];
    for (const tr of rowsOf(table)) {
      const tds = cellsOf(tr);
      if (tds.length === 0) continue;
      const texts = tds.map(cellText);
      // One line per row; cells separated by tabs so their offsets stay distinct.
      let off = this.emit(texts.join('\t'));
      rows.push(tds.map((td, i) => {
        const text = texts[i]!;
        const rc: RawCell = { text, start: off, end: off + text.length };
        const rs = parseInt(td.attribs?.rowspan ?? '', 10);
        const cs = parseInt(td.attribs?.colspan ?? '', 10);
        if (rs > 1) rc.rowSpan = rs;
        if (cs > 1) rc.colSpan = cs;
        off += text.length + 1;
        return rc;
      }));
    }
    // Word closes its tables with an invisible row of empty width-setting cells; it is not data.
    while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.text === '' && !c.rowSpan)) rows.pop();
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    this.blocks.push({ kind: 'table', rows, start: rows[0]![0]!.start!, end: last[last.length - 1]!.end! });
  }
}

function isBold(n: DomNode): boolean {
  return n.name === 'b' || n.name === 'strong' || /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(n.attribs?.style ?? '');
}

/**
 * Walks the page: text inside `container` (everything when it is undefined) goes to the emitter; directive comments
 * count wherever they are; `skipTables` (metadata tables) are never emitted.
 */
export function emitArticle(root: DomNode, container: DomNode | undefined, out: TextEmitter, skipTables: Set<DomNode>): void {
  const walk = (node: DomNode, inside: boolean) => {
    if (node.type === 'text') {
      if (inside) out.text(node.data ?? '');
      return;
    }
    if (node.type === 'comment') {
      out.comment(node.data ?? '');
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'cdata') return;
    const name = node.name ?? '';
    if (SKIP.has(name) || isHidden(node)) return;
    const nowInside = inside || node === container;
    if (nowInside && name === 'table' && skipTables.has(node)) {
      out.flush();
      return;
    }
    if (nowInside && name === 'table' && isDataTable(node)) {
      out.table(node);
      return;
    }
    const isBlock = BLOCK.has(name) || name === 'br';
    if (nowInside && isBlock) out.flush();
    if (nowInside && name in HEADING) out.heading(HEADING[name]!);
    const bold = nowInside && isBold(node);
    if (bold) out.boldStart();
    for (const c of node.children ?? []) walk(c, nowInside);
    if (bold) out.boldEnd();
    if (nowInside && isBlock) out.flush();
  };
  walk(root, container === undefined);
  out.finish();
}
