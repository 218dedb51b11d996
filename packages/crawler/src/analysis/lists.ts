/**
 * Which list items belong to a page. Extraction returns every list on a page, including sidebars ("热点信息",
 * "最新动态") that repeat on every page; counting those would make a dead column look fresh, so a list that appears
 * unchanged on several pages is treated as page furniture.
 */
import type { ExtractedList, FetchedPage, ListItem } from '../snapshot.js';
import type { PageIndex } from './page-index.js';
import { ok } from './page-index.js';
import { urlKey, pageUrl } from './text.js';

function signature(list: ExtractedList): string {
  return list.items.map((i) => i.url ?? i.title).join('\n');
}

export class ListFilter {
  private readonly repeated = new Set<string>();

  constructor(pages: FetchedPage[], minPages = 3) {
    const count = new Map<string, number>();
    for (const p of pages) {
      const seen = new Set<string>();
      for (const l of p.lists) {
        if (l.items.length === 0) continue;
        const s = signature(l);
        if (seen.has(s)) continue;
        seen.add(s);
        count.set(s, (count.get(s) ?? 0) + 1);
      }
    }
    for (const [s, n] of count) if (n >= minPages) this.repeated.add(s);
  }

  isFurniture(list: ExtractedList): boolean {
    return list.items.length > 0 && this.repeated.has(signature(list));
  }

  mainLists(page: FetchedPage): ExtractedList[] {
    return page.lists.filter((l) => !this.isFurniture(l));
  }
}

export interface CollectedItems {
  pages: string[];
  items: ListItem[];
  declaredTotal?: number;
  /** The header of the table list each item came from, for items of lists that have one. */
  headers: Map<ListItem, readonly string[]>;
}

/** Items of a column page and of its fetched pagination pages (index_1.shtml, dataproxy.jsp?page=2 …). */
export function collectItems(start: FetchedPage, index: PageIndex, filter: ListFilter, maxPages = 100): CollectedItems {
  const visited = new Set<string>();
  const queue: FetchedPage[] = [start];
  const pages: string[] = [];
  const items: ListItem[] = [];
  const seenItems = new Set<string>();
  const headers = new Map<ListItem, readonly string[]>();
  let declaredTotal: number | undefined;
  while (queue.length && pages.length < maxPages) {
    const page = queue.shift()!;
    const key = urlKey(pageUrl(page));
    if (visited.has(key)) continue;
    visited.add(key);
    pages.push(pageUrl(page));
    for (const list of filter.mainLists(page)) {
      if (typeof list.total === 'number' && list.total >= 0) declaredTotal = Math.max(declaredTotal ?? 0, list.total);
      for (const item of list.items) {
        const k = item.url ? urlKey(item.url) : `title:${item.title}`;
        if (seenItems.has(k)) continue;
        seenItems.add(k);
        items.push(item);
        if (list.header) headers.set(item, list.header);
      }
      for (const next of list.nextPages ?? []) {
        const p = index.get(next);
        if (p && ok(p)) queue.push(p);
      }
    }
  }
  return { pages, items, declaredTotal, headers };
}
