/**
 * Publication dates of list items. The site's own display wins: the list markup, then the article page (its
 * 发布日期 block or PubDate meta), and only then a date read from the URL, which the national rules do not accept
 * as a visible publication date ("未注明信息发布时间的视为不更新").
 */
import type { FetchedPage, ListItem } from '../snapshot.js';
import { dateFromUrl, findDate } from '../extract/dates.js';
import type { DatedItem, DateSource } from './types.js';
import type { PageIndex } from './page-index.js';

const PUBLISH_KEYS = ['发布日期', '发布时间', '公开日期', '公开时间', '发文日期', '信息时间', '日期', '时间', '更新时间'];
const PUBLISH_META = ['PubDate', 'pubdate', 'publishdate', 'PublishDate', 'firstpublishedtime', 'lastmodifiedtime'];

function cleanKey(k: string): string {
  return k.normalize('NFKC').replace(/[\s:：]/g, '');
}

/** The value of a 发布日期-like row in a page's info block (keys are matched without colons and spaces). */
export function pageInfoValue(page: FetchedPage, keys: readonly string[]): string | undefined {
  if (!page.pageInfo) return undefined;
  const entries = Object.entries(page.pageInfo).map(([k, v]) => [cleanKey(k), v] as const);
  for (const want of keys) {
    const hit = entries.find(([k]) => k === want);
    if (hit && hit[1]) return hit[1];
  }
  return undefined;
}

/** The date an article page says it was published. */
export function detailPublished(page: FetchedPage): { date: string; source: DateSource } | undefined {
  const info = pageInfoValue(page, PUBLISH_KEYS);
  const fromInfo = info ? findDate(info, { allowCompact: true })?.date : undefined;
  if (fromInfo) return { date: fromInfo, source: 'detail-text' };
  for (const k of PUBLISH_META) {
    const v = page.meta[k];
    const d = v ? findDate(v, { allowCompact: true })?.date : undefined;
    if (d) return { date: d, source: 'detail-meta' };
  }
  return undefined;
}

export function resolveItem(item: ListItem, index: PageIndex, urlDatesAreVisible = false): DatedItem {
  const base = { title: item.title, url: item.url };
  if (item.date && item.dateSource !== 'url') {
    return { ...base, date: item.date, dateSource: item.dateSource ?? 'markup', visible: true };
  }
  const detail = index.get(item.url);
  const published = detail ? detailPublished(detail) : undefined;
  if (published) return { ...base, date: published.date, dateSource: published.source, visible: true };
  const fromUrl = item.date ?? (item.url ? dateFromUrl(item.url) : undefined);
  if (fromUrl) return { ...base, date: fromUrl, dateSource: 'url', visible: urlDatesAreVisible };
  return { ...base, visible: false };
}
