/**
 * Home page reachability and freshness (检查指标 单项否决: 站点无法访问, 首页不更新).
 */
import type { SiteSnapshot } from '../snapshot.js';
import { comparableDate } from './calendar.js';
import { windowCutoff, type MeasureContext } from './columns.js';
import { resolveItem } from './item-dates.js';
import type { PageIndex } from './page-index.js';
import { hostOf, urlKey } from './text.js';
import type { ColumnResult, DatedItem, HomeResult } from './types.js';

function newest(items: DatedItem[], asOf: string): DatedItem | undefined {
  return items
    .filter((i) => i.visible && i.date && comparableDate(i.date, asOf) <= asOf)
    .sort((a, b) => comparableDate(b.date!, asOf).localeCompare(comparableDate(a.date!, asOf)))[0];
}

export function analyzeHome(
  snapshot: SiteSnapshot,
  index: PageIndex,
  ctx: MeasureContext,
  columns: ColumnResult[],
  homeWindow = '2w',
): HomeResult {
  const url = snapshot.site.url;
  const page = index.get(snapshot.home) ?? index.get(url) ?? snapshot.pages.find((p) => p.depth === 0);
  const cutoff = windowCutoff(homeWindow, ctx.windows, ctx.asOf)!;
  const result: HomeResult = { url, reachable: false, stale: null, window: homeWindow, cutoff };
  const host = hostOf(url);
  const down = snapshot.events.find(
    (e) => (e.type === 'down' || e.type === 'tls-error') && hostOf(e.url) === host && urlKey(e.url) === urlKey(url),
  );
  if (!page) {
    result.reason = down ? 'down' : 'no-page';
    return result;
  }
  result.finalUrl = page.finalUrl;
  result.status = page.status;
  if (page.error) {
    result.reason = 'network';
    result.error = page.error;
    return result;
  }
  if (page.status >= 400 || page.status === 0) {
    result.reason = 'http-status';
    return result;
  }
  if (page.softNotFound) {
    result.reason = 'soft-404';
    return result;
  }
  result.reachable = true;

  // Home pages show their newest items in several blocks; all of them count, including repeated sidebars.
  const homeItems = page.lists.flatMap((l) => l.items).map((i) => resolveItem(i, index, ctx.urlDatesAreVisible));
  let best = newest(homeItems, ctx.asOf);
  result.newestFrom = 'home';
  if (!best) {
    // A navigation-only home page is judged by its second-level pages.
    best = newest(columns.flatMap((c) => c.items), ctx.asOf);
    result.newestFrom = 'columns';
  }
  result.newest = best;
  result.stale = !best || comparableDate(best.date!, ctx.asOf) < cutoff;
  return result;
}
