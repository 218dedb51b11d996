/**
 * The slice of the htmlparser2/domhandler node shape the walker reads. Declared here because domhandler is only a
 * transitive dependency (through htmlparser2) and must not be imported directly.
 */
import { parseDocument } from 'htmlparser2';

export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
  parent?: DomNode | null;
}

/**
 * Parse with htmlparser2 (about 3× faster than parse5 on gov pages) and hand back the bare document node.
 * Not through `cheerio.load`: each load builds a fresh cheerio class whose prototype and hidden classes live in
 * old space and point at the new document, so every page's DOM survived the young-generation GC and was promoted
 * (~5 MB of garbage per scavenge during a crawl, the main cause of the crawler's peak memory). Importing cheerio
 * also pulls in parse5 and a second undici.
 */
export function parseHtml(html: string): DomNode {
  return parseDocument(html, { decodeEntities: true }) as unknown as DomNode;
}

/**
 * A copy of `s` that does not pin its source. htmlparser2 hands out substrings of the whole HTML, and V8 keeps a
 * substring's parent alive: one stored title or meta value would otherwise retain the entire page.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Whitespace collapsed and trimmed, as an independent string (see `own`). */
export const collapse = (s: string) => own(s.replace(/\s+/g, ' ').trim());

export function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type === 'script' || node.type === 'style' || node.type === 'comment') return '';
  let out = '';
  for (const c of node.children ?? []) out += textOf(c);
  return out;
}

export function classTokens(node: DomNode): string[] {
  const c = node.attribs?.class;
  return c ? c.split(/\s+/).filter(Boolean) : [];
}
