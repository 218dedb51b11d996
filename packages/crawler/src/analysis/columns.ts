/**
 * Finding the catalogue's columns on a site and measuring them: items, newest visible date, emptiness, staleness.
 */
import type { AgencyLevel } from '@gongkai/core';
import type { FetchedPage } from '../snapshot.js';
import { comparableDate, subtractDuration, isDuration } from './calendar.js';
import { sectionNames } from './catalogue.js';
import { resolveItem } from './item-dates.js';
import { collectItems, type ListFilter } from './lists.js';
import { ok, type PageIndex } from './page-index.js';
import { containsAny, matchName, normalizeName, urlKey, type NameMatch, pageUrl } from './text.js';
import type { ColumnKind, ColumnLocation, ColumnResult, ColumnSpec, DatedItem, LocatedBy, Requirement, Windows } from './types.js';

export interface Candidate extends ColumnLocation {
  rank: number;
  page?: FetchedPage;
}

const RANK: Record<LocatedBy, number> = {
  'column-meta': 0,
  'nav-link': 1,
  'section-page': 1,
  breadcrumb: 2,
  link: 3,
  'url-hint': 4,
};

export interface MeasureContext {
  index: PageIndex;
  filter: ListFilter;
  asOf: string;
  windows: Windows;
  urlDatesAreVisible: boolean;
  minArticleText: number;
}

/**
 * Decides which column a piece of text names. Texts like "双公示" near-match the 通知公告 variant "公示" but exactly
 * match 双公示; only the best-matching columns keep the text.
 */
class NameResolver {
  private readonly memo = new Map<string, Map<string, NameMatch>>();
  constructor(private readonly columns: ColumnSpec[]) {}

  resolve(text: string): Map<string, NameMatch> {
    const key = normalizeName(text);
    const hit = this.memo.get(key);
    if (hit) return hit;
    const exact: string[] = [];
    const near: { id: string; len: number }[] = [];
    for (const c of this.columns) {
      const names = [c.name, ...c.variants];
      const m = matchName(text, names);
      if (m === 'exact') exact.push(c.id);
      else if (m === 'near') {
        const len = Math.max(...names.map(normalizeName).filter((n) => key.includes(n)).map((n) => n.length));
        near.push({ id: c.id, len });
      }
    }
    const out = new Map<string, NameMatch>();
    if (exact.length) for (const id of exact) out.set(id, 'exact');
    else if (near.length) {
      const best = Math.max(...near.map((n) => n.len));
      for (const n of near) if (n.len === best) out.set(n.id, 'near');
    }
    this.memo.set(key, out);
    return out;
  }
}

function isSectionPage(p: FetchedPage): boolean {
  const names = [p.meta.ColumnName, p.title?.split(/[-_|｜—]/)[0], p.breadcrumb?.at(-1)].filter(Boolean) as string[];
  return names.some((n) => matchName(n, sectionNames) === 'exact');
}

function hasItems(p: FetchedPage, filter: ListFilter): boolean {
  return filter.mainLists(p).some((l) => l.items.length > 0 || (l.total ?? 0) > 0);
}

/**
 * A single document (an article, a letter, a decision): it says so (ArticleTitle / PubDate meta, an article URL)
 * and extraction read it as an article, and it lists no documents of its own.
 */
export function isDocument(p: FetchedPage, filter: ListFilter): boolean {
  if (!ok(p) || p.interactive || p.saysEmpty || p.mainText === undefined) return false;
  const url = pageUrl(p);
  if (!('ArticleTitle' in p.meta) && !('PubDate' in p.meta) && !ARTICLE_URL.test(url)) return false;
  const listed = filter.mainLists(p).reduce((n, l) => n + l.items.filter((i) => i.dateSource === 'markup' || (i.url && ARTICLE_URL.test(i.url))).length, 0);
  return listed < 2;
}

function pathHasHint(url: string, hints: readonly string[] | undefined): boolean {
  if (!hints?.length) return false;
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return false;
  }
  const segments = path.split('/').map((s) => s.replace(/\.[a-z]+$/, ''));
  return hints.some((h) => segments.some((s) => s === h.toLowerCase() || s.startsWith(`${h.toLowerCase()}_`)));
}

export function locateColumns(columns: ColumnSpec[], index: PageIndex, filter: ListFilter): Map<string, Candidate[]> {
  const resolver = new NameResolver(columns);
  const found = new Map<string, Candidate[]>(columns.map((c) => [c.id, []]));
  const specs = new Map(columns.map((c) => [c.id, c]));
  const add = (id: string, c: Candidate, m: NameMatch) => {
    // A headline that contains a column's name ("双公示工作通报") says nothing about the site having the column: a
    // loose match in a list or an article body counts only for a link that does not lead to a document.
    if (c.how === 'link' && m === 'near' && (c.page ? isDocument(c.page, filter) : ARTICLE_URL.test(c.url))) return;
    // Only navigation is trusted whatever the page looks like; otherwise an article is not a column page (unless
    // the column is a single page, like the 指南).
    if (c.how !== 'nav-link' && c.how !== 'section-page' && c.page && specs.get(id)?.form !== 'article' && isDocument(c.page, filter)) return;
    found.get(id)!.push({ ...c, rank: c.rank + (m === 'near' ? 0.5 : 0) });
  };

  for (const p of index.pages) {
    const here = pageUrl(p);
    if (ok(p) && p.kind === 'html') {
      const listPage = hasItems(p, filter) || p.saysEmpty === true || !!p.interactive;
      const columnName = p.meta.ColumnName ?? p.meta.columnname;
      if (columnName) {
        for (const [id, m] of resolver.resolve(columnName)) {
          add(id, { url: here, how: 'column-meta', text: columnName, rank: listPage ? RANK['column-meta'] : 5, page: p }, m);
        }
      }
      const crumb = p.breadcrumb?.at(-1);
      if (crumb && listPage) {
        for (const [id, m] of resolver.resolve(crumb)) add(id, { url: here, how: 'breadcrumb', text: crumb, rank: RANK.breadcrumb, page: p }, m);
      }
      const section = isSectionPage(p);
      for (const l of p.links) {
        if (!l.text || l.text.length > 24) continue;
        const how: LocatedBy = l.area === 'nav' ? 'nav-link' : section ? 'section-page' : l.area === 'breadcrumb' ? 'breadcrumb' : 'link';
        const resolved = resolver.resolve(l.text);
        if (!resolved.size) continue;
        const target = index.get(l.url);
        for (const [id, m] of resolved) add(id, { url: target ? pageUrl(target) : l.url, how, via: here, text: l.text, rank: RANK[how], page: target }, m);
      }
    }
    for (const c of columns) {
      if (ok(p) && hasItems(p, filter) && pathHasHint(here, c.urlHints)) {
        found.get(c.id)!.push({ url: here, how: 'url-hint', rank: RANK['url-hint'], page: p });
      }
    }
  }
  return found;
}

function pickBest(cands: Candidate[]): Candidate | undefined {
  if (!cands.length) return undefined;
  const score = (c: Candidate) => (c.page && ok(c.page) ? 0 : c.page ? 200 : 100) + c.rank;
  return [...cands].sort((a, b) => score(a) - score(b) || a.url.localeCompare(b.url))[0];
}

function newestOf(items: DatedItem[], asOf: string): DatedItem | undefined {
  let best: DatedItem | undefined;
  for (const i of items) {
    if (!i.date) continue;
    const d = comparableDate(i.date, asOf);
    if (d > asOf) continue; // a future date is a typo or a scheduled item, not evidence of an update
    if (!best || d > comparableDate(best.date!, asOf)) best = i;
  }
  return best;
}

export function windowCutoff(freshness: string | null | undefined, windows: Windows, asOf: string): string | undefined {
  if (!freshness) return undefined;
  const duration = windows[freshness] ?? (isDuration(freshness) ? freshness : undefined);
  if (!duration) throw new Error(`unknown freshness window "${freshness}" (define it in data.windows or use e.g. 6m)`);
  return subtractDuration(asOf, duration);
}

export function measureColumn(
  spec: { id: string; name: string; kind: ColumnKind; freshness?: string | null; itemsMustContain?: string[]; form?: ColumnSpec['form'] },
  required: boolean,
  best: Candidate | undefined,
  ctx: MeasureContext,
): ColumnResult {
  const base: ColumnResult = {
    id: spec.id,
    name: spec.name,
    kind: spec.kind,
    required,
    found: !!best,
    reachable: null,
    pages: [],
    itemCount: 0,
    items: [],
    datedCount: 0,
    undatedCount: 0,
    empty: false,
    stale: null,
  };
  if (!best) return base;
  const { rank: _rank, page, ...location } = best;
  base.location = location;
  if (!page) return base;
  base.status = page.status;
  base.reachable = ok(page);
  if (!base.reachable) return base;

  const collected = collectItems(page, ctx.index, ctx.filter);
  const items = collected.items
    .filter((i) => containsAny(i.title, spec.itemsMustContain))
    .map((i) => resolveItem(i, ctx.index, ctx.urlDatesAreVisible));
  base.pages = collected.pages;
  base.items = items;
  base.declaredTotal = collected.declaredTotal;
  base.itemCount = Math.max(items.length, spec.itemsMustContain?.length ? 0 : collected.declaredTotal ?? 0);
  base.datedCount = items.filter((i) => i.visible && i.date).length;
  base.undatedCount = items.length - base.datedCount;
  base.newest = newestOf(items.filter((i) => i.visible), ctx.asOf);
  base.newestAny = newestOf(items, ctx.asOf);

  const isArticle = (i: DatedItem) => articleLike(i, ctx.index);
  const state = listState(page, items, collected.declaredTotal, spec.form === 'article' ? ctx.minArticleText : 200, isArticle);
  if (page.interactive && state !== 'items') {
    // A 写信 form or a login gate in front of a mailbox system is a channel: the interaction rules judge it. A page
    // that lists documents is a list whatever forms it also carries.
    base.channel = page.interactive;
    return base;
  }
  if (spec.form === 'channel' && state !== 'items') {
    // A mailbox entry page ("我要写信", "查询回复") lists no letters by design: a channel, not an empty column.
    base.channel = 'entry';
    return base;
  }
  base.empty = state === 'empty';
  if (state === 'unknown') base.unjudged = true;

  const cutoff = windowCutoff(spec.freshness, ctx.windows, ctx.asOf);
  if (cutoff && state === 'items') {
    base.freshness = spec.freshness ?? undefined;
    base.cutoff = cutoff;
    if (!base.newest) {
      // "Undated counts as not updated" needs a look at an article: list markup often leaves the date to the page.
      // When no item's page could be read (crawl budget), nothing is known either way.
      const looked = items.some((i) => {
        const d = ctx.index.get(i.url);
        return !!d && ok(d) && d.kind === 'html';
      });
      if (looked || items.every((i) => !i.url)) {
        base.stale = true;
        base.staleReason = 'undated';
      } else {
        base.unjudged = true;
      }
    } else {
      base.stale = comparableDate(base.newest.date!, ctx.asOf) < cutoff;
      if (base.stale) base.staleReason = 'old';
    }
  }
  return base;
}

/** URLs of article pages, as opposed to the column pages a menu links to. */
const ARTICLE_URL = /\/art\/\d{4}\/|[/_]t\d{8}_\d+|\/content\/|[/_]content_\d+|\/post_\d+|\/(?:art|detail|content|show|view|info|article)[_-]?\w*\.(?:s?html?|jsp|aspx?|php)|\/\d{6,}\.s?html?$|[?&](?:id|docid|articleid|infoid|contentid)=\d+/i;

/** An item that is a document rather than a menu entry: dated somewhere, an article URL, or an article page. */
function articleLike(item: DatedItem, index: PageIndex): boolean {
  if (item.date || (item.url && ARTICLE_URL.test(item.url))) return true;
  const detail = index.get(item.url);
  return !!detail && ok(detail) && (detail.mainText !== undefined || !!detail.meta.ArticleTitle);
}

/**
 * What a column page shows: `items` (documents to date), `empty` (nothing, and the page says so or shows nothing:
 * 暂无信息 / 没有记录, a zero total from the CMS, an empty list container nothing could fill, a thin page) or
 * `unknown` (no documents, but a long page or a script that may fetch the list: no evidence either way). Links
 * that are not documents (a sub-menu of sibling columns, which looks like a list of titles) are not items: a page
 * of such links is judged by the same evidence as a page without any.
 */
export function listState(
  page: FetchedPage,
  items: DatedItem[],
  declaredTotal: number | undefined,
  thinText: number,
  isArticle: (i: DatedItem) => boolean,
): 'items' | 'empty' | 'unknown' {
  if (items.some(isArticle)) return 'items';
  // The CMS counts records the crawl did not get: not empty, but nothing to date either.
  if (declaredTotal !== undefined && declaredTotal > 0) return 'unknown';
  if (page.saysEmpty || page.emptyMarker || declaredTotal === 0) return 'empty';
  if (page.scriptData) return 'unknown';
  if (page.emptyList || (page.textLength ?? 0) < thinText) return 'empty';
  return 'unknown';
}

/**
 * How strongly the catalogue asks this level for the column. A level listed twice (a province pack adding it to
 * `requiredFor` on top of the national `applicableFor`) takes the strongest listing.
 */
export function requirementFor(spec: ColumnSpec, level: AgencyLevel): Requirement | undefined {
  if (spec.requiredFor?.includes(level)) return 'required';
  if (spec.applicableFor?.includes(level)) return 'applicable';
  if (spec.recommendedFor?.includes(level)) return 'recommended';
  return undefined;
}

export function analyzeColumns(
  columns: ColumnSpec[],
  level: AgencyLevel,
  ctx: MeasureContext,
): { columns: ColumnResult[]; claimed: Set<string>; located: Map<string, Candidate[]> } {
  const located = locateColumns(columns, ctx.index, ctx.filter);
  const claimed = new Set<string>();
  const results = columns.map((spec) => {
    const best = pickBest(located.get(spec.id) ?? []);
    const requirement = requirementFor(spec, level);
    const r = measureColumn({ ...spec, kind: spec.kind ?? 'other' }, requirement === 'required', best, ctx);
    if (requirement) r.requirement = requirement;
    if (spec.basis) r.basis = spec.basis;
    for (const u of r.pages) claimed.add(urlKey(u));
    if (r.location) claimed.add(urlKey(r.location.url));
    return r;
  });
  return { columns: results, claimed, located };
}

const DISCOVERED_KINDS: { kind: ColumnKind; pattern: RegExp; freshness?: string }[] = [
  { kind: 'dynamic', pattern: /动态|要闻|新闻|资讯|工作信息/, freshness: '2w' },
  { kind: 'notice', pattern: /通知|公告|通告|公示/, freshness: '6m' },
  { kind: 'policy', pattern: /政策|文件|法规/, freshness: '6m' },
];

/**
 * Column pages the catalogue does not name (a site's own "乡村振兴", "安全生产" …). They count toward the national
 * "≥5 columns not updated / ≥5 empty columns" veto just like catalogue columns.
 */
export function discoverColumns(claimed: Set<string>, ctx: MeasureContext): ColumnResult[] {
  const out: ColumnResult[] = [];
  const names = new Set<string>();
  for (const p of ctx.index.pages) {
    if (!ok(p) || p.kind !== 'html') continue;
    const url = pageUrl(p);
    const name = p.meta.ColumnName ?? p.meta.columnname;
    if (!name || claimed.has(urlKey(url))) continue;
    if (!hasItems(p, ctx.filter) && !p.saysEmpty) continue;
    if (matchName(name, sectionNames)) continue;
    const key = normalizeName(name);
    if (names.has(key)) continue;
    names.add(key);
    const k = DISCOVERED_KINDS.find((d) => d.pattern.test(name));
    const r = measureColumn(
      { id: `site:${key}`, name, kind: k?.kind ?? 'other', freshness: k?.freshness ?? null },
      false,
      { url, how: 'column-meta', text: name, rank: 0, page: p },
      ctx,
    );
    r.discovered = true;
    for (const u of r.pages) claimed.add(urlKey(u));
    out.push(r);
  }
  return out;
}
