/**
 * Turning candidate items (li/tr/dd/p with a link) into dated list items, and candidate groups into lists.
 * A group is a list when enough of its items carry a date, or when it looks like a column of article titles
 * (several items, long link texts) outside navigation — undated lists matter, because undated items count as
 * "not updated" in the national checks and the crawler resolves their dates from detail pages.
 */
import type { ExtractedList, ListItem } from '../snapshot.js';
import { collapse, type DomNode } from './dom.js';
import { dateFromUrl, findDate } from './dates.js';
import type { RawItem, RawLink } from './walk.js';

export interface BuildOptions {
  now?: Date;
}

const TRUNCATED = /(?:\.{3}|…|。。。)$/;
const NOT_TITLE = /^(?:更多|more|更多>>|>>|更多\+|\+|详细|详情|查看|阅读全文|下载|附件)$/i;

function pickPrimary(links: RawLink[]): RawLink | undefined {
  let best: RawLink | undefined;
  let bestLen = -1;
  for (const l of links) {
    const len = NOT_TITLE.test(l.text) ? 0 : Math.max(l.text.length, l.title?.length ?? 0);
    if (len > bestLen) {
      best = l;
      bestLen = len;
    }
  }
  return best;
}

export function titleOf(link: RawLink): string {
  const text = link.text;
  const title = link.title;
  if (title && title.length > text.length && (TRUNCATED.test(text) || title.startsWith(text.slice(0, 4)) || !text)) return title;
  return text || title || '';
}

/** Date of one item from its markup (outside-link text, date-marked elements, inline spans inside the link). */
export function markupDate(item: RawItem, options: BuildOptions): { date: string; yearInferred?: boolean } | undefined {
  const marked = collapse(item.marked.join(' '));
  const outside = collapse(item.outside.join(' '));
  const inLink = collapse(item.inLinkInline.join(' '));
  for (const text of [marked, outside, inLink]) {
    if (!text) continue;
    const short = text.length <= 24;
    const found = findDate(text, { now: options.now, allowMonth: short, allowMonthDay: short });
    if (found) return { date: found.date, yearInferred: found.yearInferred };
  }
  return undefined;
}

export function toListItem(item: RawItem, options: BuildOptions): ListItem | undefined {
  const link = pickPrimary(item.links);
  if (!link) return undefined;
  const title = titleOf(link);
  if (!title) return undefined;
  const out: ListItem = { title, url: link.url };
  const md = markupDate(item, options);
  if (md) {
    out.date = md.date;
    out.dateSource = 'markup';
    if (md.yearInferred) out.yearInferred = true;
  } else {
    const ud = dateFromUrl(link.url);
    if (ud) {
      out.date = ud;
      out.dateSource = 'url';
    }
  }
  return out;
}

interface Group {
  key: DomNode;
  tag: string;
  items: RawItem[];
  built: ListItem[];
}

/**
 * Group candidate items by container, keep the groups that look like lists, mark their links as `list`.
 * With `relaxed` (the page declares pagination, so a list must be there) and nothing accepted, the largest
 * group of title-like links is taken.
 */
export function markupLists(items: RawItem[], options: BuildOptions & { relaxed?: boolean } = {}): ExtractedList[] {
  const groups = new Map<DomNode, Map<string, Group>>();
  const ordered: Group[] = [];
  for (const it of items) {
    // Rows of one table and runs of <ul>s under one container (TRS templates split a list every 5 items) merge.
    const container = it.tag === 'tr' ? (it.parent.name === 'table' ? it.parent : it.parent.parent ?? it.parent) : it.parent;
    const key = it.tag === 'li' && container.parent && /^(?:ul|ol)$/.test(container.name ?? '') ? container.parent : container;
    let byTag = groups.get(key);
    if (!byTag) {
      byTag = new Map();
      groups.set(key, byTag);
    }
    let g = byTag.get(it.tag);
    if (!g) {
      g = { key, tag: it.tag, items: [], built: [] };
      byTag.set(it.tag, g);
      ordered.push(g);
    }
    g.items.push(it);
  }
  const lists: ExtractedList[] = [];
  let fallback: { raw: RawItem; item: ListItem }[] | undefined;
  for (const g of ordered) {
    const pairs: { raw: RawItem; item: ListItem }[] = [];
    for (const raw of g.items) {
      const item = toListItem(raw, options);
      if (item) pairs.push({ raw, item });
    }
    if (pairs.length === 0) continue;
    const dated = pairs.filter((p) => p.item.dateSource === 'markup').length;
    const avgTitle = pairs.reduce((s, p) => s + p.item.title.length, 0) / pairs.length;
    const isDatedList = dated >= 1 && dated >= pairs.length * 0.4;
    const isTitleColumn = g.tag !== 'p' && pairs.length >= 3 && avgTitle >= 8;
    if (!isDatedList && !isTitleColumn) {
      if (options.relaxed && avgTitle >= 6 && (!fallback || pairs.length > fallback.length)) fallback = pairs;
      continue;
    }
    accept(pairs, lists);
  }
  if (lists.length === 0 && fallback) accept(fallback, lists);
  return lists;
}

function accept(pairs: { raw: RawItem; item: ListItem }[], lists: ExtractedList[]): void {
  for (const p of pairs) for (const l of p.raw.links) if (l.area === 'body') l.area = 'list';
  lists.push({ source: 'markup', items: pairs.map((p) => p.item) });
}
