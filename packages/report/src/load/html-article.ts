/**
 * Which part of an article page is the article. Agency pages wrap a short report in a big template (navigation,
 * breadcrumbs, share toolbars, sidebars, footers), and their CMS class names are too varied to trust — `.content` is
 * often the whole main column, and Word-exported bodies carry no wrapper class at all. So the article is chosen by
 * what the blocks hold:
 *
 * - the page is cut into text units at block boundaries (a paragraph, a line between <br>s, a data table);
 * - a unit is report text ("prose": a sentence, a numbered heading, a data table), furniture (mostly link text, or
 *   a short scrap without punctuation such as 微信 / 打印 / 2024-01-02), or neutral (metadata lines, the title);
 * - every block element scores the prose it contains minus the furniture it contains; the best-scoring block wins,
 *   the deeper one on a tie, so a wrapper is taken in only when it adds more report text than furniture (a report
 *   split over sibling blocks, a table after the text) and a template around a short article is left out;
 * - text before the article title (a left sidebar, the header) cannot be the report, so it scores as furniture;
 * - the winner must hold at least half of the page's report text, else its ancestors are taken until it does:
 *   losing the report is worse than keeping some template text;
 * - known CMS wrappers (.TRS_Editor, #zoom, …) only break ties.
 */
import { looksLikeTitle } from '../model/metadata.js';
import { normalizeWidth } from '../text/normalize.js';
import {
  BLOCK, HEADING, SKIP, clean, compactLength, isDataTable, isHidden, isTag, linkLength, type DomNode,
} from './html-dom.js';
import { isMetaTable, metaPairs } from './html-meta.js';

export interface Unit {
  text: string;
  /** The text with every whitespace run kept as a space, for reading metadata labels. */
  spaced: string;
  /** Non-link and link characters, whitespace excluded. */
  chars: number;
  links: number;
  /** Set when the unit is a whole data table or a metadata table. */
  table?: DomNode;
  metaTable?: boolean;
  /** Block ancestors, outermost first. */
  owners: DomNode[];
  heading: boolean;
}

/** Cuts the page into units at block boundaries; data and metadata tables are one unit each. */
export function collectUnits(root: DomNode): Unit[] {
  const units: Unit[] = [];
  // The document root owns everything: a fragment parsed without <html>/<body> still has one block holding it all.
  const stack: DomNode[] = [root];
  let text = '';
  let chars = 0;
  let links = 0;
  const flush = () => {
    const t = clean(text);
    if (t !== '') {
      units.push({ text: t, spaced: clean(text, false), chars, links, owners: [...stack], heading: stack.some((o) => o.name! in HEADING) });
    }
    text = '';
    chars = 0;
    links = 0;
  };
  const visit = (n: DomNode, inLink: boolean) => {
    if (n.type === 'text') {
      text += n.data ?? '';
      const len = compactLength(n.data ?? '');
      if (inLink) links += len;
      else chars += len;
      return;
    }
    if ((n.type !== 'tag' && n.type !== 'root') || SKIP.has(n.name ?? '') || isHidden(n)) return;
    const name = n.name ?? '';
    if (name === 'table' && (isMetaTable(n) || isDataTable(n))) {
      flush();
      const meta = isMetaTable(n);
      const l = linkLength(n, inLink);
      const all = compactLength(tableText(n));
      units.push({ text: '', spaced: '', chars: all - l, links: l, table: n, metaTable: meta, owners: [...stack], heading: false });
      return;
    }
    const block = BLOCK.has(name) || name === 'br';
    if (block) flush();
    if (block && name !== 'br') stack.push(n);
    for (const c of n.children ?? []) visit(c, inLink || name === 'a');
    if (block) flush();
    if (block && name !== 'br') stack.pop();
  };
  visit(root, false);
  flush();
  return units;
}

function tableText(n: DomNode): string {
  if (n.type === 'text') return n.data ?? '';
  if (n.type !== 'tag' || SKIP.has(n.name!)) return '';
  return (n.children ?? []).map(tableText).join('');
}

const SENTENCE = /[。，；！？,;!?]/;
const NUMBERED = /^\s*(?:[（(]?[一二三四五六七八九十]{1,3}[、）).．]|第[一二三四五六七八九十]{1,3}部分|\d{1,2}[、.．])/;

/** [prose, furniture] characters of a unit; the reasoning is in the module comment. */
function valueOf(u: Unit): [number, number] {
  if (u.metaTable) return [0, 0];
  if (u.table) return [u.chars, u.links];
  if (u.links > u.chars) return [0, u.chars + u.links];
  if (metaPairs(u.spaced)) return [0, 0];
  if (u.chars >= 16 || SENTENCE.test(u.text) || NUMBERED.test(u.text)) return [u.chars, u.links];
  return [0, u.chars / 2 + u.links];
}

const HINT_CLASS = /^(?:TRS_Editor|TRS_UEDITOR|trs_editor|article[-_]?content|content|zw|zwnr|zoom|main[-_]?text)$/i;

function hinted(n: DomNode): boolean {
  if (n.name === 'article') return true;
  const names = [...(n.attribs?.class ?? '').split(/\s+/), n.attribs?.id ?? ''];
  return names.some((c) => c !== '' && HINT_CLASS.test(c));
}

const compact = (s: string) => normalizeWidth(s).replace(/\s+/g, '');

/**
 * Index of the unit that is the page's article title: the first unit equal to one of the titles the page declares,
 * tried in the order given (ArticleTitle before <title>), or -1.
 */
export function findTitleUnit(units: Unit[], declared: string[]): number {
  for (const d of declared) {
    const w = compact(d);
    if (w.length < 4) continue;
    const at = units.findIndex((u) => {
      if (u.table || u.links > u.chars) return false;
      const c = compact(u.text);
      return c === w || (c.includes(w) && c.length <= w.length + 8);
    });
    if (at >= 0) return at;
  }
  return -1;
}

export interface Article {
  /** The article element; undefined means the whole document. */
  container?: DomNode;
}

/** The article block of a page; see the module comment. `titleAt` is the title unit's index, or -1. */
export function chooseArticle(units: Unit[], titleAt: number): Article {
  const values = units.map(valueOf);
  const total = values.reduce((s, v) => s + v[0], 0);
  const afterTitle = titleAt < 0 ? 0 : values.slice(titleAt + 1).reduce((s, v) => s + v[0], 0);
  // A title found only after most of the text (a "related articles" box) is not the article's heading.
  const useTitle = titleAt >= 0 && (afterTitle >= total / 10 || afterTitle >= 200);
  const prose = new Map<DomNode, number>();
  const furniture = new Map<DomNode, number>();
  let counted = 0;
  for (let i = 0; i < units.length; i++) {
    let [p, f] = values[i]!;
    if (useTitle && i <= titleAt) [p, f] = [0, i === titleAt ? 0 : f + p];
    counted += p;
    for (const o of units[i]!.owners) {
      prose.set(o, (prose.get(o) ?? 0) + p);
      furniture.set(o, (furniture.get(o) ?? 0) + f);
    }
  }
  let best: DomNode | undefined;
  let bestScore = 0;
  let bestRank = -1;
  for (const [node, p] of prose) {
    if (p === 0) continue;
    const score = p - (furniture.get(node) ?? 0);
    // Ties (a wrapper that adds nothing) go to a known CMS wrapper, else to the deeper block.
    const rank = (hinted(node) ? 1000 : 0) + depthOf(node);
    if (score > bestScore || (score === bestScore && rank > bestRank)) {
      best = node;
      bestScore = score;
      bestRank = rank;
    }
  }
  while (best && (prose.get(best) ?? 0) < counted / 2 && best.parent && prose.has(best.parent)) best = best.parent;
  if (!best || best.type === 'root' || isTag(best, 'html', 'body')) return {};
  return { container: best };
}

function depthOf(n: DomNode): number {
  let d = 0;
  for (let p = n.parent; p; p = p.parent) d++;
  return d;
}

/** The closest title-like unit before `firstInside` when the page declares no title that matches one. */
export function nearestTitleBefore(units: Unit[], firstInside: number): number {
  for (let i = Math.min(firstInside, units.length) - 1; i >= 0; i--) {
    const u = units[i]!;
    if (u.table || u.links > u.chars || metaPairs(u.spaced)) continue;
    if (looksLikeTitle(normalizeWidth(u.text))) return i;
  }
  return -1;
}
