/**
 * Government article pages → RawDocument. The page is mostly chrome (navigation, footers, share buttons); the report
 * is one container (.TRS_Editor, #zoom, …, else the element holding the most paragraph text). Text outside it is only
 * read for the metadata block (索引号 / 发布机构 / 发布日期 …) and a title.
 *
 * The `source` this loader returns is NOT the HTML: it is the extracted text, one block per line (table rows are one
 * line each, cells separated by tabs). Every offset, and so every finding's line number, points into that text —
 * HTML line numbers would be meaningless after whitespace collapsing and entity decoding. Directive comments are
 * re-anchored to the extracted lines for the same reason.
 */
import * as cheerio from 'cheerio';
import type { Directive } from '@gongkai/core';
import type { RawBlock, RawCell, RawDocument } from '../model/raw.js';
import type { LoadNote } from '../model/types.js';
import { parseDirectiveComment } from '../model/directives.js';
import { looksLikeTitle, parseMetaLine } from '../model/metadata.js';
import { isSpace, normalizeWidth } from '../text/normalize.js';
import { decodeText, decodeWith, normalizeLabel, type DecodedText } from './decode.js';

/** The domhandler fields we use; typed locally because domhandler is not a direct dependency. */
interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
  parent?: DomNode | null;
}

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'form', 'hr', 'center', 'address', 'figure',
  'figcaption', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html', 'fieldset', 'legend', 'details',
  'summary',
]);
const SKIP = new Set([
  'script', 'style', 'noscript', 'iframe', 'select', 'option', 'button', 'input', 'textarea', 'svg', 'canvas',
  'object', 'embed', 'template', 'head', 'map', 'audio', 'video',
]);
const HEADING: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const CONTAINERS = ['.TRS_Editor', '#zoom', '.article-content', '.content', '#content', '.zw', 'article'];
const WS = /[ \t\n\r\f]+/g;
const TITLE_META = ['ArticleTitle', 'articletitle', 'title'];

// --- decoding -------------------------------------------------------------------------------------------------

function asciiHead(bytes: Uint8Array, n: number): string {
  const len = Math.min(bytes.length, n);
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(bytes[i]! < 0x80 ? bytes[i]! : 0x20);
  return s;
}

const CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** HTML bytes → text, honouring a BOM first, then <meta charset> / http-equiv, then the usual UTF-8/GB18030 guess. */
export function decodeHtmlBytes(bytes: Uint8Array, path?: string): DecodedText & { note?: LoadNote } {
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  const declared = bom ? undefined : CHARSET_RE.exec(asciiHead(bytes, 4096))?.[1];
  if (!declared) return decodeText(bytes, path);
  const want = normalizeLabel(declared);
  const got = decodeWith(bytes, declared, path);
  if (want && want !== got.encoding.replace('-bom', '')) {
    return {
      ...got,
      note: {
        code: 'encoding',
        message: {
          zh: `页面声明编码为 ${declared}，但内容按 ${got.encoding} 才能正确解码`,
          en: `the page declares charset ${declared} but only decodes as ${got.encoding}`,
        },
      },
    };
  }
  return got;
}

// --- extraction -----------------------------------------------------------------------------------------------

function textLength(node: DomNode): number {
  if (node.type === 'text') return node.data!.replace(WS, '').length;
  if (node.type !== 'tag' || SKIP.has(node.name!)) return 0;
  let n = 0;
  for (const c of node.children ?? []) n += textLength(c);
  return n;
}

/**
 * Fallback container: the block element that collects the most non-link text, with <p> treated as transparent so a
 * <div> of many paragraphs beats any single paragraph.
 */
function densestBlock(root: DomNode): DomNode | undefined {
  const score = new Map<DomNode, number>();
  const visit = (node: DomNode, owner: DomNode | undefined, inLink: boolean) => {
    if (node.type === 'text') {
      if (owner && !inLink) {
        const n = node.data!.replace(WS, '').length;
        if (n > 0) score.set(owner, (score.get(owner) ?? 0) + n);
      }
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.name ?? '';
    if (SKIP.has(name)) return;
    const isOwner = (BLOCK.has(name) || name === 'td') && name !== 'p' && !(name in HEADING);
    for (const c of node.children ?? []) visit(c, isOwner ? node : owner, inLink || name === 'a');
  };
  visit(root, undefined, false);
  let best: DomNode | undefined;
  let bestScore = 0;
  for (const [node, s] of score) {
    if (s > bestScore && node.name !== 'body' && node.name !== 'html') {
      best = node;
      bestScore = s;
    }
  }
  return bestScore >= 20 ? best : undefined;
}

function findContainer($: cheerio.CheerioAPI, root: DomNode): DomNode | undefined {
  for (const sel of CONTAINERS) {
    let best: DomNode | undefined;
    let bestLen = 0;
    for (const el of $(sel).toArray() as unknown as DomNode[]) {
      const n = textLength(el);
      if (n > bestLen) {
        best = el;
        bestLen = n;
      }
    }
    if (best && bestLen >= 50) return best;
  }
  return densestBlock(root);
}

function isDataTable(table: DomNode): boolean {
  let rows = 0;
  let maxCols = 0;
  let nested = false;
  const visit = (n: DomNode, depth: number) => {
    for (const c of n.children ?? []) {
      if (c.type !== 'tag') continue;
      if (c.name === 'table') {
        nested = true;
        continue;
      }
      if (c.name === 'tr') {
        rows++;
        let cols = 0;
        for (const td of c.children ?? []) {
          if (td.type === 'tag' && (td.name === 'td' || td.name === 'th')) {
            cols += Math.max(1, parseInt(td.attribs?.colspan ?? '1', 10) || 1);
            if (hasNestedTable(td)) nested = true;
          }
        }
        if (cols > maxCols) maxCols = cols;
      } else if (depth < 2) visit(c, depth + 1);
    }
  };
  visit(table, 0);
  return !nested && rows >= 2 && maxCols >= 2;
}

function hasNestedTable(n: DomNode): boolean {
  for (const c of n.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === 'table' || hasNestedTable(c)) return true;
  }
  return false;
}

function rowsOf(table: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (const c of table.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === 'tr') out.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
      for (const r of c.children ?? []) if (r.type === 'tag' && r.name === 'tr') out.push(r);
    }
  }
  return out;
}

function inlineText(node: DomNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.data!);
    return;
  }
  if (node.type !== 'tag' || SKIP.has(node.name!)) return;
  const block = BLOCK.has(node.name!) || node.name === 'br';
  if (block) out.push(' ');
  for (const c of node.children ?? []) inlineText(c, out);
  if (block) out.push(' ');
}

function clean(s: string): string {
  const t = s.replace(WS, ' ');
  let a = 0;
  let b = t.length;
  while (a < b && isSpace(t.charCodeAt(a))) a++;
  while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
  return t.slice(a, b);
}

function cleanTitle(t: string): string | undefined {
  const parts = t.split(/\s*[_|｜]\s*|\s+[-–—]\s+/).map((p) => p.trim()).filter(Boolean);
  return parts.find((p) => looksLikeTitle(normalizeWidth(p))) ?? undefined;
}

interface Pending {
  body: string;
}

export function loadHtml(html: string, encoding: string, notes: LoadNote[] = []): RawDocument {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const root = $.root()[0] as unknown as DomNode;
  const meta: Record<string, string> = {};
  for (const el of $('meta[name]').toArray() as unknown as DomNode[]) {
    const name = el.attribs?.name?.trim();
    const content = el.attribs?.content?.trim();
    if (name && content && meta[name] === undefined) meta[name] = content;
  }
  let title: string | undefined;
  for (const k of TITLE_META) if (!title && meta[k]) title = meta[k];
  const htmlTitle = clean($('title').first().text());

  const container = findContainer($, root);

  let source = '';
  const blocks: RawBlock[] = [];
  const directives: Directive[] = [];
  let line = ''; // the line being built, inside the container
  let lineMarkup: number | undefined;
  let outside = ''; // text outside the container, for metadata lines
  let lastLine = 0; // 1-based number of the last emitted line
  let pending: Pending[] = [];
  let afterMeta = false;
  let beforeContainer = true;

  const anchor = (kind: Directive['kind'], d: Directive, at: number): Directive => ({ ...d, kind, line: at, column: 1 });

  const resolvePending = (at: number) => {
    for (const p of pending) {
      const d = parseDirectiveComment(p.body, at, 1);
      if (!d) continue;
      // "next line" means the next extracted block, which is exactly `at`; say so directly.
      directives.push(d.kind === 'disable-next-line' ? anchor('disable-line', d, at) : d);
    }
    pending = [];
  };

  const emit = (text: string): { start: number; end: number; line: number } => {
    const start = source.length;
    source += text + '\n';
    lastLine++;
    if (pending.length > 0) resolvePending(lastLine);
    return { start, end: start + text.length, line: lastLine };
  };

  const flushLine = () => {
    const t = clean(line);
    line = '';
    const ml = lineMarkup;
    lineMarkup = undefined;
    if (t === '') return;
    const { start, end } = emit(t);
    const b: RawBlock = { kind: 'text', text: t, start, end };
    if (ml !== undefined) b.markupLevel = ml;
    blocks.push(b);
  };

  const flushOutside = () => {
    const t = clean(outside);
    outside = '';
    if (t === '') return;
    const norm = normalizeWidth(t);
    const pairs = parseMetaLine(norm, afterMeta);
    afterMeta = pairs !== null;
    if (pairs) {
      for (const p of pairs) if (p.value !== '' && meta[p.key] === undefined) meta[p.key] = p.value;
    } else if (!title && beforeContainer && looksLikeTitle(norm)) {
      title = t;
    }
  };

  const emitTable = (table: DomNode) => {
    flushLine();
    const rows: RawCell[][] = [];
    let tStart = -1;
    let tEnd = -1;
    for (const tr of rowsOf(table)) {
      const cells: { text: string; rowSpan?: number; colSpan?: number }[] = [];
      for (const td of tr.children ?? []) {
        if (td.type !== 'tag' || (td.name !== 'td' && td.name !== 'th')) continue;
        const parts: string[] = [];
        for (const c of td.children ?? []) inlineText(c, parts);
        const cell: { text: string; rowSpan?: number; colSpan?: number } = { text: clean(parts.join('')) };
        const rs = parseInt(td.attribs?.rowspan ?? '', 10);
        const cs = parseInt(td.attribs?.colspan ?? '', 10);
        if (rs > 1) cell.rowSpan = rs;
        if (cs > 1) cell.colSpan = cs;
        cells.push(cell);
      }
      if (cells.length === 0) continue;
      // One line per row; cells separated by tabs so their offsets stay distinct.
      const lineText = cells.map((c) => c.text).join('\t');
      const { start } = emit(lineText);
      if (tStart < 0) tStart = start;
      let off = start;
      const raw: RawCell[] = cells.map((c) => {
        const rc: RawCell = { text: c.text, start: off, end: off + c.text.length };
        if (c.rowSpan) rc.rowSpan = c.rowSpan;
        if (c.colSpan) rc.colSpan = c.colSpan;
        off += c.text.length + 1;
        return rc;
      });
      tEnd = off - 1;
      rows.push(raw);
    }
    if (rows.length > 0) blocks.push({ kind: 'table', rows, start: tStart, end: tEnd });
  };

  const walk = (node: DomNode, inside: boolean) => {
    if (node.type === 'text') {
      if (inside) line += node.data!;
      else outside += node.data!;
      return;
    }
    if (node.type === 'comment') {
      const body = node.data ?? '';
      if (!body.includes('gongkai-')) return;
      if (/^\s*gongkai-disable-line\b/.test(body)) {
        // Same line as the content it follows: the line being built, else the last one emitted.
        const at = clean(line) !== '' ? lastLine + 1 : Math.max(1, lastLine);
        const d = parseDirectiveComment(body, at, 1);
        if (d) directives.push(d);
      } else pending.push({ body });
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'cdata') return;
    const name = node.name ?? '';
    if (SKIP.has(name)) return;
    const nowInside = inside || node === container;
    if (node === container) {
      flushOutside();
      beforeContainer = false;
    }
    if (!nowInside) {
      // Outside the article: rows are lines and cells are words, so "索引号： | 0001/…" reads as one pair.
      const breaks = (BLOCK.has(name) && name !== 'table' && name !== 'tbody' && name !== 'thead') || name === 'br';
      if (breaks) flushOutside();
      for (const c of node.children ?? []) walk(c, false);
      if (name === 'td' || name === 'th') outside += ' ';
      if (breaks) flushOutside();
      return;
    }
    if (name === 'table' && isDataTable(node)) {
      emitTable(node);
      return;
    }
    if (name === 'br') {
      flushLine();
      return;
    }
    const isBlock = BLOCK.has(name) || name === 'td' || name === 'th';
    if (isBlock) flushLine();
    if (name in HEADING) lineMarkup = HEADING[name];
    for (const c of node.children ?? []) walk(c, true);
    if (isBlock) flushLine();
    if (node === container) {
      flushLine();
    }
  };
  walk(root, container === undefined);
  flushLine();
  flushOutside();
  if (pending.length > 0) resolvePending(Math.max(1, lastLine));
  if (!title && htmlTitle) title = cleanTitle(htmlTitle);

  const doc: RawDocument = { format: 'html', encoding, source, blocks, meta, notes, directives };
  if (title) doc.title = title;
  return doc;
}
