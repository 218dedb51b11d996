/**
 * The small DOM vocabulary the HTML loader shares between choosing the article (html-article.ts), reading page
 * metadata (html-meta.ts) and emitting text (html.ts): which tags break a paragraph, which are never text, how a run
 * of whitespace collapses, and what a data table is.
 */
import { isSpace } from '../text/normalize.js';

/** The domhandler fields we use; typed locally because domhandler is not a direct dependency. */
export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
  parent?: DomNode | null;
}

export const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'form', 'hr', 'center', 'address', 'figure',
  'figcaption', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html', 'fieldset', 'legend', 'details',
  'summary', 'td', 'th',
]);
export const SKIP = new Set([
  'script', 'style', 'noscript', 'iframe', 'select', 'option', 'button', 'input', 'textarea', 'svg', 'canvas',
  'object', 'embed', 'template', 'head', 'map', 'audio', 'video', 'title', 'link', 'meta',
]);
export const HEADING: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Whitespace HTML collapses; U+00A0 too, because `&nbsp;` is how CMS editors and Word pad empty cells and lines. */
const WS_RUN = /[ \t\n\r\f\u00a0]+/g;

/**
 * Ideographs, kana, CJK and full-width punctuation: scripts written without spaces, so a line break in the markup
 * between two of them is not a space (the CSS Text rule for segment breaks). Word exports and CMS editors wrap
 * their HTML source in the middle of Chinese sentences; keeping those as spaces would split words like 政府 信息.
 */
export function isWide(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff01 && c <= 0xff60) || (c >= 0x3000 && c <= 0x303f);
}

/**
 * Collapses whitespace as a browser would and trims the ends. `joinWide: false` keeps every run as a space: metadata
 * lines need the break between "来源：某局" and "时间：…" even when the markup only has a newline there.
 */
export function clean(s: string, joinWide = true): string {
  const t = s.replace(WS_RUN, (run, at: number, all: string) =>
    joinWide && /[\n\r]/.test(run) && isWide(all[at - 1]) && isWide(all[at + run.length]) ? '' : ' ');
  let a = 0;
  let b = t.length;
  while (a < b && isSpace(t.charCodeAt(a))) a++;
  while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
  return t.slice(a, b);
}

/** Text length without whitespace, the measure every score uses. */
export function compactLength(s: string): number {
  return s.replace(/\s+/g, '').length;
}

export function isTag(n: DomNode, ...names: string[]): boolean {
  return n.type === 'tag' && names.includes(n.name ?? '');
}

/** `display:none` / `hidden` content is not on the page a reader sees (templates keep alternate views there). */
export function isHidden(n: DomNode): boolean {
  const a = n.attribs;
  if (!a) return false;
  return a.hidden !== undefined || /display\s*:\s*none/i.test(a.style ?? '');
}

export function rowsOf(table: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (const c of table.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === 'tr') out.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
      for (const r of c.children ?? []) if (isTag(r, 'tr')) out.push(r);
    }
  }
  return out;
}

export function cellsOf(tr: DomNode): DomNode[] {
  return (tr.children ?? []).filter((c) => isTag(c, 'td', 'th'));
}

function hasNestedTable(n: DomNode): boolean {
  for (const c of n.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === 'table' || hasNestedTable(c)) return true;
  }
  return false;
}

/**
 * The text of a table cell. Block boundaries inside a cell (<p>, <br>, <div>) are how editors stack a narrow header
 * vertically (自<p>然</p><p>人, 结果<br>纠正); between two wide characters they join without a space, so the label
 * reads 自然人 as printed. Between Latin letters or digits they stay a space.
 */
export function cellText(td: DomNode): string {
  const segs: string[] = [''];
  const visit = (n: DomNode) => {
    if (n.type === 'text') {
      segs[segs.length - 1] += n.data ?? '';
      return;
    }
    if (n.type !== 'tag' || SKIP.has(n.name!)) return;
    const brk = BLOCK.has(n.name!) || n.name === 'br';
    if (brk) segs.push('');
    for (const c of n.children ?? []) visit(c);
    if (brk) segs.push('');
  };
  for (const c of td.children ?? []) visit(c);
  let out = '';
  for (const raw of segs) {
    const s = clean(raw);
    if (s === '') continue;
    out += out === '' || (isWide(out[out.length - 1]) && isWide(s[0])) ? s : ' ' + s;
  }
  return out;
}

/**
 * A table that holds data (statistics, a form) rather than page layout: at least two rows and two columns, no nested
 * table, no cell holding a whole article's worth of text, and not mostly links (a navigation grid).
 */
export function isDataTable(table: DomNode): boolean {
  const rows = rowsOf(table);
  if (rows.length < 2) return false;
  let maxCols = 0;
  let text = 0;
  let links = 0;
  for (const tr of rows) {
    let cols = 0;
    for (const td of cellsOf(tr)) {
      if (hasNestedTable(td)) return false;
      cols += Math.max(1, parseInt(td.attribs?.colspan ?? '1', 10) || 1);
      const n = compactLength(cellText(td));
      if (n > 400) return false;
      text += n;
      links += linkLength(td);
    }
    if (cols > maxCols) maxCols = cols;
  }
  return maxCols >= 2 && !(text > 0 && links / text > 0.5);
}

export function linkLength(n: DomNode, inLink = false): number {
  if (n.type === 'text') return inLink ? compactLength(n.data ?? '') : 0;
  if (n.type !== 'tag' || SKIP.has(n.name!)) return 0;
  let s = 0;
  for (const c of n.children ?? []) s += linkLength(c, inLink || n.name === 'a');
  return s;
}
