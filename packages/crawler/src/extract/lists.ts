/**
 * Turning candidate items (li/tr/dd/p with a link) into dated list items, and candidate groups into lists.
 * A group is a list when enough of its items carry a date, or when it looks like a column of article titles
 * (several items, long link texts) outside navigation — undated lists matter, because undated items count as
 * "not updated" in the national checks and the crawler resolves their dates from detail pages.
 * Table rows keep the text of their other cells (留言时间 | 回复时间 | 状态) and the list keeps the table's header
 * row, so analysis can read a row's columns without fetching its detail page.
 */
import type { ExtractedList, ListItem } from '../snapshot.js';
import { collapse, own, type DomNode } from './dom.js';
import { dateFromUrl, findDate } from './dates.js';
import { rowContainer, type RawItem, type RawLink, type RawRow } from './walk.js';

export interface BuildOptions {
  now?: Date;
}

const TRUNCATED = /(?:\.{3}|…|。。。)$/;
const NOT_TITLE = /^(?:更多|more|更多>>|>>|更多\+|\+|详细|详情|查看|阅读全文|下载|附件)$/i;
const MAX_CELL = 200;
const MAX_HEADER_CELL = 20;

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

interface Built {
  item: ListItem;
  /** Index of the cell holding the item's link, for a table row. */
  linkCell?: number;
}

function build(raw: RawItem, options: BuildOptions): Built | undefined {
  const link = pickPrimary(raw.links);
  if (!link) return undefined;
  const title = titleOf(link);
  if (!title) return undefined;
  const out: ListItem = { title, url: link.url };
  const md = markupDate(raw, options);
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
  const row = raw.row;
  let linkCell: number | undefined;
  if (row && link.row === row && link.cell !== undefined && row.cells.length >= 2) {
    linkCell = link.cell;
    const cells: string[] = [];
    for (let i = 0; i < row.cells.length; i++) if (i !== linkCell) cells.push(own(row.cells[i].slice(0, MAX_CELL)));
    out.cells = cells;
  }
  return { item: out, linkCell };
}

export function toListItem(item: RawItem, options: BuildOptions): ListItem | undefined {
  return build(item, options)?.item;
}

/**
 * The header of a table list, aligned with the items' `cells` (the link's column left out). The first row of the
 * table counts when it has no links, as many cells as the rows, and reads as a header: in <thead>, all <th>, or
 * short labels without dates (many templates write the header as an ordinary first <tr> of <td>s).
 */
function headerOf(first: RawRow | undefined, built: Built[]): string[] | undefined {
  if (!first || first.links > 0) return undefined;
  const counts = new Map<number, number>();
  for (const b of built) if (b.linkCell !== undefined) counts.set(b.linkCell, (counts.get(b.linkCell) ?? 0) + 1);
  let at: number | undefined;
  let best = 0;
  for (const [i, n] of counts) if (n > best) [at, best] = [i, n];
  if (at === undefined || best < built.length / 2) return undefined;
  const width = built.find((b) => b.linkCell === at)!.item.cells!.length + 1;
  if (first.cells.length !== width) return undefined;
  const labelLike = first.cells.every((c) => c.length > 0 && c.length <= MAX_HEADER_CELL && !findDate(c));
  if (!first.inHead && !first.th.every(Boolean) && !labelLike) return undefined;
  return first.cells.filter((_, i) => i !== at).map((c) => own(c));
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
export function markupLists(
  items: RawItem[],
  options: BuildOptions & { relaxed?: boolean; firstRows?: ReadonlyMap<DomNode, RawRow> } = {},
): ExtractedList[] {
  const groups = new Map<DomNode, Map<string, Group>>();
  const ordered: Group[] = [];
  for (const it of items) {
    // Rows of one table and runs of <ul>s under one container (TRS templates split a list every 5 items) merge.
    const container = it.tag === 'tr' ? rowContainer(it.node) ?? it.parent : it.parent;
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
  let fallback: { pairs: Pair[]; header?: string[] } | undefined;
  for (const g of ordered) {
    const pairs: Pair[] = [];
    for (const raw of g.items) {
      const built = build(raw, options);
      if (built) pairs.push({ raw, item: built.item, built });
    }
    if (pairs.length === 0) continue;
    const dated = pairs.filter((p) => p.item.dateSource === 'markup').length;
    const avgTitle = pairs.reduce((s, p) => s + p.item.title.length, 0) / pairs.length;
    const isDatedList = dated >= 1 && dated >= pairs.length * 0.4;
    const isTitleColumn = g.tag !== 'p' && pairs.length >= 3 && avgTitle >= 8;
    const header = g.tag === 'tr' ? headerOf(options.firstRows?.get(g.key), pairs.map((p) => p.built)) : undefined;
    if (!isDatedList && !isTitleColumn) {
      if (options.relaxed && avgTitle >= 6 && (!fallback || pairs.length > fallback.pairs.length)) fallback = { pairs, header };
      continue;
    }
    accept(pairs, header, lists);
  }
  if (lists.length === 0 && fallback) accept(fallback.pairs, fallback.header, lists);
  return lists;
}

interface Pair {
  raw: RawItem;
  item: ListItem;
  built: Built;
}

function accept(pairs: Pair[], header: string[] | undefined, lists: ExtractedList[]): void {
  for (const p of pairs) for (const l of p.raw.links) if (l.area === 'body') l.area = 'list';
  const list: ExtractedList = { source: 'markup', items: pairs.map((p) => p.item) };
  if (header) list.header = header;
  lists.push(list);
}
