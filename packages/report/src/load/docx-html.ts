/**
 * Walks the HTML mammoth makes of a Word body and turns it into blocks. Each top-level body element (paragraph,
 * heading, list item, table) counts as one Word paragraph, so `paragraph` numbers stay stable whether or not a
 * paragraph is empty; a table counts once, its cell paragraphs do not.
 */
import { load } from 'cheerio';
import type { Cheerio, CheerioAPI } from 'cheerio';
import { joinPieces, SourceBuilder } from './docx-text.js';

export const TITLE_CLASS = 'gk-title';

interface WalkState {
  $: CheerioAPI;
  out: SourceBuilder;
  paragraph: number;
  title?: string;
}

// cheerio does not re-export domhandler's node types and domhandler is not a direct dependency, so the walker
// uses the few node fields it reads and hands nodes back to cheerio through `el()`.
interface AnyNode {
  type: string;
  data?: string;
}
interface Element extends AnyNode {
  name: string;
  children: AnyNode[];
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const el = ($: CheerioAPI, n: AnyNode) => $(n as never);
const elements = (c: Cheerio<unknown>): Element[] => (c.toArray() as AnyNode[]).filter(isElement);

/** Text of an element with <br> as a space; nested lists and tables are left to their own blocks. */
function inlineText(root: Element, skip: (e: Element) => boolean = () => false): string {
  let out = '';
  const visit = (node: AnyNode): void => {
    if (node.type === 'text') out += node.data ?? '';
    else if (isElement(node)) {
      if (node.name === 'br') out += ' ';
      else if (!skip(node)) for (const child of node.children) visit(child);
    }
  };
  for (const child of root.children) visit(child);
  return out;
}

function cellText($: CheerioAPI, td: Element): string {
  const paras = elements(el($, td).children('p, h1, h2, h3, h4, h5, h6, ul, ol, table'));
  if (!paras.length) return inlineText(td);
  // A cell's paragraphs are usually one phrase wrapped by hand ("结果" / "维持"), so they join without a break;
  // but figures in separate paragraphs are separate figures ("4" / "8" is not 48) and keep a space between them.
  const texts = paras.map((p) => el($, p).text().trim()).filter(Boolean);
  let out = '';
  for (const t of texts) out = out && /\d$/.test(out) && /^\d/.test(t) ? `${out} ${t}` : joinPieces([out, t]);
  return out;
}

function walkTable(state: WalkState, table: Element): void {
  const { $ } = state;
  state.paragraph++;
  const rows = elements(el($, table).children('tr, thead, tbody, tfoot')).flatMap((e) =>
    e.name === 'tr' ? [e] : elements(el($, e).children('tr')),
  );
  state.out.table({
    paragraph: state.paragraph,
    rows: rows.map((tr) =>
      elements(el($, tr).children('td, th')).map((td) => ({
        text: cellText($, td),
        rowSpan: Number(el($, td).attr('rowspan') ?? 1) || 1,
        colSpan: Number(el($, td).attr('colspan') ?? 1) || 1,
      })),
    ),
  });
}

const isList = (e: Element): boolean => e.name === 'ul' || e.name === 'ol';

function walkList(state: WalkState, list: Element): void {
  const { $ } = state;
  for (const li of elements(el($, list).children('li'))) {
    // A list that starts at level 2 comes out as <ul><li><ol><li>…: mammoth opens an item for the missing level
    // 1, which is no Word paragraph. An item holding nothing but nested lists is taken to be such a wrapper.
    const wrapper = li.children.length > 0 && li.children.every((c) => isElement(c) && isList(c));
    if (!wrapper) {
      state.paragraph++;
      state.out.text({ text: inlineText(li, isList), paragraph: state.paragraph });
    }
    for (const nested of elements(el($, li).children('ul, ol'))) walkList(state, nested);
  }
}

function walk(state: WalkState, nodes: Element[]): void {
  const { $ } = state;
  for (const node of nodes) {
    const name = node.name;
    const heading = /^h([1-6])$/.exec(name);
    if (name === 'p' || heading) {
      state.paragraph++;
      const text = inlineText(node);
      if (name === 'p' && el($, node).hasClass(TITLE_CLASS) && state.title === undefined && text.trim()) state.title = text.trim().replace(/\s+/g, ' ');
      state.out.text({ text, paragraph: state.paragraph, ...(heading ? { markupLevel: Number(heading[1]) } : {}) });
    } else if (name === 'table') walkTable(state, node);
    else if (name === 'ul' || name === 'ol') walkList(state, node);
    else walk(state, node.children.filter(isElement));
  }
}

export function blocksFromMammothHtml(html: string): { out: SourceBuilder; title?: string } {
  // htmlparser2 mode: mammoth's output is well-formed and parse5 would add html/body wrappers and tbody elements.
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
  const state: WalkState = { $, out: new SourceBuilder(), paragraph: 0 };
  walk(state, elements($.root().contents()));
  return { out: state.out, ...(state.title !== undefined ? { title: state.title } : {}) };
}
