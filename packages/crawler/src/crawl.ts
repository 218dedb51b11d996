/**
 * The crawl loop for one site: home page (with meta-refresh / JS redirects), a soft-404 probe, breadth-first pages
 * within scope and caps, attachment probes, bounded list pagination (TRS, Hanweb dataproxy, gkmlpt API, pager
 * links) and detail pages for undated list items. Produces a plain-JSON SiteSnapshot.
 */
import type { CrawlEvent, ExtractedList, FetchedPage, Link, ListItem, PageKind, SiteInfo, SiteSnapshot } from './snapshot.js';
import type { Fetcher, FetchResult } from './fetch/types.js';
import { extractPage, type PageExtract } from './extract/page.js';
import { dataproxyList, isDataproxyUrl } from './extract/hanweb.js';
import { gkmlptApiUrl, gkmlptList, isGkmlptApiUrl } from './extract/gkmlpt.js';
import { jsonList } from './extract/script-data.js';
import { attachmentExt, dedupKey, isAsset, neverFollow, normalizeUrl, Scope, wireUrl, hostOf } from './frontier/normalize.js';
import { TrapDetector, type TrapOptions } from './frontier/traps.js';
import { Frontier, type Task } from './frontier/frontier.js';
import { EventLog, type EventHub, type EventListener } from './crawl-events.js';
import { randomProbeUrl, softNotFoundReason, type ProbeSignature } from './crawl-soft404.js';

export { snapshotToJson, snapshotFromJson, SnapshotFormatError, SNAPSHOT_VERSION } from './crawl-json.js';
export { createEventHub, type EventHub } from './crawl-events.js';

export interface CrawlProgress {
  done: number;
  queued: number;
  failed: number;
  etaMs: number;
}

export interface CrawlOptions {
  /** Pages (HTML, breadth-first) per site; default 500. List continuations and detail pages have own budgets. */
  maxPages?: number;
  /** Link depth from the home page; default 4. */
  maxDepth?: number;
  /** Further hosts treated as the same site (e.g. a separate 信息公开 platform host). */
  allowedHosts?: string[];
  /** Pages read per list, the first included; default 3. */
  maxListPages?: number;
  /** Undated items per list whose detail page is fetched for a date; default 3. */
  maxDetailPerList?: number;
  /** Detail pages per site for dating; default 60. */
  maxDetailPages?: number;
  /** Attachments probed per site; default 200. 0 disables attachment checks. */
  maxAttachments?: number;
  /** Requests in flight from this crawl; the fetcher still enforces per-host politeness. Default 8. */
  concurrency?: number;
  /** Wall-clock budget for the crawl; default 30 minutes. */
  maxDurationMs?: number;
  /** Request a random path to learn how the site answers missing pages; default true. */
  probeSoft404?: boolean;
  trap?: TrapOptions;
  /** Reference date (MM-DD year inference); default now. */
  now?: Date;
  /**
   * Characters of an article's main text kept in the snapshot; default 20,000. The analysis reads the top of an
   * article (decision and publication dates, report titles, 三公经费 in a budget notice); article text is most of
   * a finished snapshot's memory.
   */
  maxMainText?: number;
  signal?: AbortSignal;
  onProgress?: (p: CrawlProgress) => void;
  /** Receives every event recorded in the snapshot, as it happens. */
  onEvent?: (e: CrawlEvent) => void;
}

export type FetcherFactory = (onEvent: EventListener) => Fetcher;

export interface CrawlSiteOptions extends CrawlOptions {
  /** A fetcher, or a factory that receives the crawl's event sink (the crawl then also closes it). */
  fetcher: Fetcher | FetcherFactory;
  /** For a shared fetcher: where its `onEvent` events are published (see createEventHub). */
  events?: EventHub;
}

const HOME_REDIRECT_HOPS = 3;
let crawlCount = 0;
const DEFAULT_MAX_MAIN_TEXT = 20_000;
const MAX_TRAP_EVENTS = 200;

function siteHomeUrl(raw: string): string {
  const s = raw.trim();
  const withScheme = /^https?:\/\//i.test(s) ? s : `http://${s}`;
  const u = normalizeUrl(withScheme);
  if (!u) throw new Error(`无效的网站地址 / invalid site URL: ${raw}`);
  return u;
}

function pageKind(contentType: string | undefined, url: string): PageKind {
  const ct = (contentType ?? '').toLowerCase();
  if (/html|xhtml/.test(ct)) return 'html';
  if (/json|xml|javascript/.test(ct)) return 'data';
  if (/pdf|msword|officedocument|ms-excel|ms-powerpoint|zip|rar|ofd|wps|octet-stream|7z/.test(ct)) return 'attachment';
  if (!ct && attachmentExt(url)) return 'attachment';
  if (/^text\/plain/.test(ct)) return 'other';
  return ct ? 'other' : 'html';
}

function basePage(task: Task, res: FetchResult): FetchedPage {
  const page: FetchedPage = {
    url: task.url,
    finalUrl: res.finalUrl || res.url,
    status: res.status,
    kind: task.kind === 'attachment' ? 'attachment' : pageKind(res.contentType, res.finalUrl || task.url),
    bytes: res.body?.byteLength ?? 0,
    timing: res.timing,
    redirects: res.redirects ?? [],
    depth: task.depth,
    meta: {},
    headings: [],
    links: [],
    lists: [],
  };
  if (res.error) page.error = { code: res.error.code, message: res.error.message };
  if (res.contentType) page.contentType = res.contentType;
  if (res.encoding) page.encoding = res.encoding;
  if (task.from) page.discoveredFrom = task.from;
  if (task.kind === 'attachment' && page.bytes === 0) {
    const len = Number(res.headers?.['content-length']);
    if (Number.isFinite(len) && len > 0) page.bytes = len;
  }
  return page;
}

/**
 * Shares repeated strings and links across the pages of one snapshot: every page repeats the navigation, footer
 * and site meta, so without this a 2,000-page snapshot holds ~300,000 link objects (and their strings) for a few
 * thousand distinct links. Shared links are frozen, so a consumer cannot change one page's link through another.
 */
class SnapshotPool {
  private readonly strings = new Map<string, string>();
  private readonly links = new Map<string, Map<string, Link[]>>();
  private linkCount = 0;
  constructor(private readonly max = 200_000) {}

  str(s: string): string {
    const hit = this.strings.get(s);
    if (hit !== undefined) return hit;
    if (this.strings.size < this.max) this.strings.set(s, s);
    return s;
  }

  link(l: Link): Link {
    const url = this.str(l.url);
    const text = this.str(l.text);
    // Keyed url → text → [links by area]: no per-link key string is built, and the strings are already pooled.
    let byText = this.links.get(url);
    if (!byText) {
      if (this.linkCount >= this.max) return { ...l, url, text };
      byText = new Map();
      this.links.set(url, byText);
    }
    let same = byText.get(text);
    if (!same) {
      same = [];
      byText.set(text, same);
    }
    for (const x of same) if (x.area === l.area) return x;
    const shared: Link = Object.freeze(l.area === undefined ? { url, text } : { url, text, area: l.area });
    if (this.linkCount < this.max) {
      same.push(shared);
      this.linkCount++;
    }
    return shared;
  }
}

/** Row cells (dates, 已回复, 办理中) and headers repeat down a list and across its pages. */
function poolLists(lists: ExtractedList[], pool: SnapshotPool): void {
  for (const l of lists) {
    if (l.header) l.header = l.header.map((h) => pool.str(h));
    for (const it of l.items) if (it.cells) it.cells = it.cells.map((c) => pool.str(c));
  }
}

function applyExtract(page: FetchedPage, ex: PageExtract, pool: SnapshotPool): void {
  for (let i = 0; i < ex.links.length; i++) ex.links[i] = pool.link(ex.links[i]);
  for (const k of Object.keys(ex.meta)) ex.meta[k] = pool.str(ex.meta[k]);
  if (ex.breadcrumb) ex.breadcrumb = ex.breadcrumb.map((b) => pool.str(b));
  poolLists(ex.lists, pool);
  if (ex.fields) {
    // Record pages of one site share their labels and many values (机关, 类别, 状态).
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(ex.fields)) fields[pool.str(k)] = pool.str(v);
    page.fields = fields;
  }
  if (ex.title !== undefined) page.title = ex.title;
  page.meta = ex.meta;
  if (ex.pageInfo) page.pageInfo = ex.pageInfo;
  page.headings = ex.headings;
  page.links = ex.links;
  page.lists = ex.lists;
  if (ex.breadcrumb) page.breadcrumb = ex.breadcrumb;
  page.textLength = ex.textLength;
  page.saysEmpty = ex.saysEmpty;
  if (ex.emptyMarker) page.emptyMarker = pool.str(ex.emptyMarker);
  if (ex.emptyList) page.emptyList = true;
  if (ex.interactive) page.interactive = ex.interactive;
  if (ex.scriptData) page.scriptData = true;
  if (ex.mentions) page.mentions = ex.mentions.map((m) => pool.str(m));
  if (ex.mainText !== undefined) page.mainText = ex.mainText;
}

const isFailure = (p: FetchedPage) => !!p.error || p.status === 0 || p.status >= 400;
const itemKey = (i: ListItem) => `${i.url ?? ''}\u0000${i.title}`;

export async function crawlSite(site: SiteInfo, options: CrawlSiteOptions): Promise<SiteSnapshot> {
  const startedAt = new Date();
  const t0 = performance.now();
  const now = options.now ?? startedAt;
  const maxDepth = options.maxDepth ?? 4;
  const maxListPages = Math.max(1, options.maxListPages ?? 3);
  const maxDetailPerList = options.maxDetailPerList ?? 3;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const extractOpts = { now, maxMainText: Math.max(0, options.maxMainText ?? DEFAULT_MAX_MAIN_TEXT) };
  const deadline = t0 + (options.maxDurationMs ?? 30 * 60_000);
  const homeStart = siteHomeUrl(site.url);
  const scope = new Scope(homeStart, options.allowedHosts);
  const log = new EventLog();
  const traps = new TrapDetector(options.trap);
  const frontier = new Frontier({
    maxPages: options.maxPages ?? 500,
    maxAttachments: options.maxAttachments ?? 200,
    maxDetailPages: options.maxDetailPages ?? 60,
    maxPaginationPages: Math.max(0, (options.maxPages ?? 500) * (maxListPages - 1)),
  });

  const record = (type: CrawlEvent['type'], url: string, detail?: Record<string, unknown>) => {
    if (log.has(type, url)) return;
    log.add(type, url, detail);
    options.onEvent?.(log.events[log.events.length - 1]);
  };
  // Events belong to the crawl whose request caused them: sites sharing one server (or one origin) see the same
  // hosts, so the host alone cannot tell whose robots-blocked path or TLS problem an event is about.
  // Events of requests nobody claimed (a fetcher that does not pass owners on) fall back to the site's hosts.
  const fromFetcher: EventListener = (e, by) => {
    if (by !== undefined && by !== owner) return;
    if (e.url && hostOf(e.url) !== '' && !scope.contains(e.url)) return;
    if (log.has(e.type, e.url)) return;
    log.push(e);
    options.onEvent?.(e);
  };
  const ownsFetcher = typeof options.fetcher === 'function';
  const owner = `crawl-${++crawlCount}-${homeStart}`;
  const fetcher: Fetcher = typeof options.fetcher === 'function' ? options.fetcher(fromFetcher) : options.fetcher;
  const unsubscribe = options.events?.subscribe(fromFetcher);

  const pages: FetchedPage[] = [];
  const byUrl = new Map<string, FetchedPage>();
  const pubDates = new Map<string, PageExtract['pubDate'] | null>();
  const waiting = new Map<string, ListItem[]>();
  const listState = new Map<string, { followed: number; seen: Set<string> }>();
  const hashFetches = new Map<string, Promise<FetchResult>>();
  const crawledFinal = new Set<string>();
  const pool = new SnapshotPool();
  let probe: ProbeSignature | undefined;
  let home: string | undefined;
  let depthSkipped = 0;
  let trapEvents = 0;
  let done = 0;
  let failed = 0;
  let timeUp = false;

  const stopped = () => {
    if (options.signal?.aborted) return true;
    if (performance.now() > deadline) {
      if (!timeUp) record('limit-reached', home ?? homeStart, { limit: 'time', maxDurationMs: options.maxDurationMs ?? 1_800_000 });
      timeUp = true;
      return true;
    }
    return false;
  };

  const doFetch = (task: Task, probeOnly: boolean): Promise<FetchResult> => {
    const wire = wireUrl(task.url);
    if (wire !== task.url) {
      // Hash-routed column pages (gkmlpt index#COL) share one document; fetch it once.
      let p = hashFetches.get(wire);
      if (!p) {
        p = fetcher.fetch({ url: wire, owner });
        hashFetches.set(wire, p);
      }
      return p;
    }
    return fetcher.fetch(probeOnly ? { url: wire, probeOnly: true, owner } : { url: wire, owner });
  };

  const progress = () => {
    if (!options.onProgress) return;
    const elapsed = performance.now() - t0;
    const queued = frontier.size;
    options.onProgress({ done, queued, failed, etaMs: done > 0 ? Math.round((elapsed / done) * queued) : 0 });
  };

  const resolveWaiting = (url: string, pub: PageExtract['pubDate'] | null) => {
    const key = dedupKey(url);
    pubDates.set(key, pub);
    const items = waiting.get(key);
    if (!items) return;
    waiting.delete(key);
    if (pub) for (const it of items) setDetailDate(it, pub);
  };

  const setDetailDate = (item: ListItem, pub: NonNullable<PageExtract['pubDate']>) => {
    if (item.dateSource === 'markup') return;
    item.date = pub.date;
    item.dateSource = pub.source;
    delete item.yearInferred;
  };

  /** Queue detail pages for the first undated items of a list. */
  const dateItems = (list: ExtractedList, from: Task) => {
    let asked = 0;
    for (const item of list.items) {
      if (asked >= maxDetailPerList) break;
      if (item.dateSource === 'markup' || item.dateSource === 'detail-meta' || item.dateSource === 'detail-text') continue;
      if (!item.url || !scope.contains(item.url) || attachmentExt(item.url) || isAsset(item.url)) continue;
      asked++;
      const key = dedupKey(item.url);
      if (pubDates.has(key)) {
        const pub = pubDates.get(key);
        if (pub) setDetailDate(item, pub);
        continue;
      }
      const list = waiting.get(key);
      if (list) list.push(item);
      else waiting.set(key, [item]);
      frontier.push({ url: item.url, kind: 'detail', depth: from.depth + 1, from: from.url });
    }
  };

  const queuePagination = (origin: Task, listIndex: number, urls: string[]) => {
    const key = `${origin.url}\u0000${listIndex}`;
    let st = listState.get(key);
    if (!st) {
      st = { followed: 0, seen: new Set() };
      listState.set(key, st);
    }
    for (const u of urls) {
      if (st.followed >= maxListPages - 1) break;
      if (!scope.contains(u) || st.seen.has(u)) continue;
      st.seen.add(u);
      if (frontier.push({ url: u, kind: 'pagination', depth: origin.depth, from: origin.url, origin: { url: origin.url, list: listIndex } })) {
        st.followed++;
      }
    }
  };

  const mergeInto = (origin: { url: string; list: number }, lists: ExtractedList[], meta?: { total?: number; pages?: number }) => {
    const page = byUrl.get(origin.url);
    const target = page?.lists[origin.list];
    if (!page || !target) return undefined;
    const have = new Set(target.items.map(itemKey));
    const added: ExtractedList = { source: target.source, items: [] };
    poolLists(lists, pool);
    for (const l of lists) {
      for (const it of l.items) {
        const k = itemKey(it);
        if (have.has(k)) continue;
        have.add(k);
        target.items.push(it);
        added.items.push(it);
      }
    }
    if (meta?.total !== undefined && target.total === undefined) target.total = meta.total;
    if (meta?.pages !== undefined && target.pages === undefined) target.pages = meta.pages;
    return added;
  };

  const enqueueLinks = (task: Task, page: FetchedPage, ex: PageExtract) => {
    const listPager = new Set<string>();
    for (const l of ex.lists) for (const u of l.nextPages ?? []) listPager.add(u);
    for (const link of ex.links) {
      const url = link.url;
      if (listPager.has(url) || isAsset(url)) continue;
      if (!scope.contains(url)) continue;
      if (frontier.has(url)) continue;
      if (neverFollow(url)) continue;
      const ext = attachmentExt(url);
      if (ext) {
        frontier.push({ url, kind: 'attachment', depth: task.depth + 1, from: page.url });
        continue;
      }
      const trap = traps.check(url);
      if (trap) {
        frontier.markSeen(url);
        if (trapEvents < MAX_TRAP_EVENTS) {
          trapEvents++;
          record('trap', url, { kind: trap, from: page.url });
        }
        continue;
      }
      if (task.depth + 1 > maxDepth) {
        depthSkipped++;
        continue;
      }
      frontier.push({ url, kind: 'page', depth: task.depth + 1, from: page.url });
    }
  };

  /** Lists of a freshly fetched (non-continuation) page: pagination, gkmlpt API, undated items. */
  const followLists = (task: Task, page: FetchedPage, ex: PageExtract | undefined) => {
    const api = gkmlptApiUrl(task.url, 1, ex?.gkmlptSid);
    if (api) {
      page.lists.push({ source: 'gkmlpt', items: [], from: api });
      if (maxListPages >= 1) {
        frontier.push({ url: api, kind: 'pagination', depth: task.depth, from: task.url, origin: { url: task.url, list: page.lists.length - 1 } });
      }
    }
    // Lists an inline script loads: fetched like a list page, never by running the script.
    for (const data of ex?.dataUrls ?? []) {
      if (!scope.contains(data) || neverFollow(data)) continue;
      page.lists.push({ source: 'script-json', items: [], from: data });
      const origin = { url: task.url, list: page.lists.length - 1 };
      if (!frontier.push({ url: data, kind: 'pagination', depth: task.depth, from: task.url, origin })) page.lists.pop();
    }
    page.lists.forEach((list, i) => {
      if (list.nextPages?.length) queuePagination(task, i, list.nextPages);
      dateItems(list, task);
    });
  };

  const handleContinuation = (task: Task, page: FetchedPage, res: FetchResult) => {
    const origin = task.origin!;
    page.paginationOf = origin.url;
    const text = res.text ?? '';
    if (isFailure(page) || !text) return;
    let lists: ExtractedList[] = [];
    let meta: { total?: number; pages?: number } | undefined;
    if (isGkmlptApiUrl(task.url)) {
      page.kind = 'data';
      const l = gkmlptList(text, page.finalUrl);
      if (l) {
        lists = [l];
        meta = { total: l.total, pages: l.pages };
        // Page 1 tells how many pages exist; queue the rest of the budget.
        const u = new URL(task.url);
        if (u.searchParams.get('page') === '1' && l.pages && l.pages > 1) {
          const more: string[] = [];
          for (let n = 2; n <= l.pages && more.length < maxListPages - 1; n++) {
            u.searchParams.set('page', String(n));
            more.push(u.href);
          }
          queuePagination({ url: origin.url, kind: 'page', depth: task.depth }, origin.list, more);
        }
      }
    } else if (byUrl.get(origin.url)?.lists[origin.list]?.source.startsWith('script-')) {
      page.kind = 'data';
      const read = scriptData(text, page.finalUrl);
      if (read) {
        lists = [read.list];
        meta = { total: read.list.total };
        byUrl.get(origin.url)!.lists[origin.list].source = read.list.source;
      }
    } else if (isDataproxyUrl(task.url) || /^\s*(?:<\?xml|<datastore)/i.test(text)) {
      page.kind = 'data';
      const l = dataproxyList(text, page.finalUrl, { now });
      lists = [l];
      meta = { total: l.total, pages: l.pages };
    } else {
      const ex = extractPage(text, page.finalUrl, extractOpts);
      applyExtract(page, ex, pool);
      resolveWaiting(task.url, ex.pubDate ?? null);
      const target = byUrl.get(origin.url)?.lists[origin.list];
      // Same kind of list on the continuation page (TRS/markup): the largest one continues the origin list.
      const candidates = ex.lists.filter((l) => l.source !== 'hanweb-datastore' || target?.source === 'hanweb-datastore');
      const best = candidates.sort((a, b) => b.items.length - a.items.length)[0];
      if (best) {
        lists = [best];
        if (best.nextPages?.length) queuePagination({ url: origin.url, kind: 'page', depth: task.depth }, origin.list, best.nextPages);
      }
      page.lists = [];
      enqueueLinksFromContinuation(task, page, ex);
    }
    const added = mergeInto(origin, lists, meta);
    if (added) {
      const originTask: Task = { url: origin.url, kind: 'page', depth: task.depth };
      dateItems(added, originTask);
    }
  };

  /** The answer of a script's data URL: JSON (or JSONP) records, else an HTML fragment's largest list. */
  const scriptData = (text: string, url: string): { list: ExtractedList } | undefined => {
    if (/^\s*[[{]|^\s*[\w$.]+\(\s*[[{]/.test(text)) {
      const list = jsonList(text, url);
      return list ? { list } : undefined;
    }
    const ex = extractPage(text, url, extractOpts);
    const best = [...ex.lists].sort((a, b) => b.items.length - a.items.length)[0];
    if (best) return { list: { ...best, source: 'script-html', from: url } };
    return ex.emptyMarker ? { list: { source: 'script-html', items: [], total: 0, from: url } } : undefined;
  };

  // Continuation pages can link to articles not shown on the first page; keep them in the BFS.
  const enqueueLinksFromContinuation = (task: Task, page: FetchedPage, ex: PageExtract) => enqueueLinks(task, page, ex);

  const processTask = async (task: Task): Promise<void> => {
    const res = await doFetch(task, task.kind === 'attachment');
    if (res.blockedByRobots) {
      record('blocked-by-robots', task.url, { from: task.from });
      return;
    }
    const page = basePage(task, res);
    if (res.error?.code === 'ssrf-blocked') record('ssrf-blocked', task.url);
    const finalInScope = scope.contains(page.finalUrl);
    if (!finalInScope) record('out-of-scope', task.url, { finalUrl: page.finalUrl });
    pages.push(page);
    byUrl.set(task.url, page);
    done++;
    if (isFailure(page)) failed++;
    if (task.kind === 'attachment') return;
    if (task.kind === 'pagination') {
      handleContinuation(task, page, res);
      return;
    }
    if (page.kind !== 'html' || !res.text || !finalInScope) {
      resolveWaiting(task.url, null);
      return;
    }
    // A redirect onto a page already crawled (an old alias of a column): keep the hop record, not a second copy.
    // Hash-routed columns (gkmlpt index#COL) share one document but are distinct pages.
    const finalKey = task.url.includes('#') ? dedupKey(task.url) : dedupKey(page.finalUrl);
    if (finalKey !== dedupKey(task.url)) {
      if (crawledFinal.has(finalKey)) return;
      frontier.markSeen(page.finalUrl);
    }
    crawledFinal.add(finalKey);
    const ex = extractPage(res.text, page.finalUrl, extractOpts);
    applyExtract(page, ex, pool);
    resolveWaiting(task.url, ex.pubDate ?? null);
    const why = softNotFoundReason(
      { url: task.url, finalUrl: page.finalUrl, status: page.status, title: ex.title, textLength: ex.textLength, saysNotFound: ex.saysNotFound },
      home,
      probe,
    );
    if (why) {
      page.softNotFound = true;
      record('soft-404', task.url, { reason: why });
      return;
    }
    if (isFailure(page)) return;
    followLists(task, page, ex);
    enqueueLinks(task, page, ex);
  };

  // --- home page, following meta refresh and inline JS redirects ---------------------------------------------
  let homeTask: Task = { url: homeStart, kind: 'page', depth: 0 };
  let homeEx: PageExtract | undefined;
  let homePage: FetchedPage | undefined;
  frontier.markSeen(homeStart);
  frontier.charge('page');
  // Exact URLs, not dedup keys: "/" refreshing to "/index.html" is a real redirect although both share a key.
  const homeHops = new Set<string>([homeStart]);
  for (let hop = 0; hop <= HOME_REDIRECT_HOPS && !stopped(); hop++) {
    const res = await doFetch(homeTask, false);
    if (res.blockedByRobots) {
      record('blocked-by-robots', homeTask.url);
      break;
    }
    const page = basePage(homeTask, res);
    pages.push(page);
    byUrl.set(homeTask.url, page);
    done++;
    if (isFailure(page)) {
      failed++;
      break;
    }
    // The site moved (x.gov.cn → www.x.gov.cn, http → https): the new host is the site.
    scope.add(hostOf(page.finalUrl));
    homePage = page;
    home = page.finalUrl;
    if (page.kind !== 'html' || !res.text) break;
    homeEx = extractPage(res.text, page.finalUrl, extractOpts);
    applyExtract(page, homeEx, pool);
    const target = homeEx.redirectTo;
    const thin = homeEx.links.length < 15 || homeEx.textLength < 400;
    if (!target || !thin || homeHops.has(target) || homeHops.has(wireUrl(target)) || target === page.finalUrl || hop === HOME_REDIRECT_HOPS) break;
    homeHops.add(target);
    scope.add(hostOf(target));
    frontier.markSeen(target);
    homeTask = { url: target, kind: 'page', depth: 0, from: page.url };
  }
  progress();

  if (homePage && homeEx && home && !stopped()) {
    if (options.probeSoft404 !== false) {
      const probeUrl = randomProbeUrl(home);
      const res = await fetcher.fetch({ url: probeUrl, skipRobots: true, owner });
      if (!res.error && res.status > 0) {
        let title: string | undefined;
        let textLength = 0;
        if (res.text && /html/i.test(res.contentType ?? 'text/html')) {
          const ex = extractPage(res.text, res.finalUrl || probeUrl, extractOpts);
          title = ex.title;
          textLength = ex.textLength;
        }
        const finalUrl = res.finalUrl || probeUrl;
        probe = {
          url: probeUrl, status: res.status, finalUrl, title, textLength,
          soft: res.status === 200,
          toHome: res.status === 200 && dedupKey(finalUrl) === dedupKey(home),
        };
        if (probe.soft) record('soft-404', probeUrl, { probe: true, status: res.status, toHome: probe.toHome });
      }
    }
    const rootTask: Task = { url: homePage.url, kind: 'page', depth: 0 };
    followLists(rootTask, homePage, homeEx);
    enqueueLinks(rootTask, homePage, homeEx);
  }

  // --- breadth-first pool -------------------------------------------------------------------------------------
  await new Promise<void>((resolve) => {
    let active = 0;
    const pump = () => {
      while (active < concurrency && !stopped()) {
        const task = frontier.next();
        if (!task) break;
        active++;
        processTask(task)
          .catch((e: unknown) => {
            record('fetch-failed', task.url, { message: (e as Error)?.message ?? String(e) });
          })
          .finally(() => {
            active--;
            progress();
            pump();
          });
      }
      if (active === 0) resolve();
    };
    pump();
  });

  // Items whose detail page was never fetched keep their URL date (if any).
  waiting.clear();
  const left = frontier.size + frontier.refused.page + frontier.refused.attachment;
  if (frontier.refused.page > 0 || (frontier.size > 0 && !timeUp && !options.signal?.aborted)) {
    record('limit-reached', home ?? homeStart, { limit: 'pages', maxPages: options.maxPages ?? 500, skipped: frontier.refused.page });
  }
  if (frontier.refused.attachment > 0) {
    record('limit-reached', `${home ?? homeStart}#attachments`, { limit: 'attachments', maxAttachments: options.maxAttachments ?? 200, skipped: frontier.refused.attachment });
  }
  if (depthSkipped > 0) {
    record('limit-reached', `${home ?? homeStart}#depth`, { limit: 'depth', maxDepth, skipped: depthSkipped });
  }
  unsubscribe?.();
  if (ownsFetcher) await fetcher.close();

  let bytes = 0;
  for (const p of pages) bytes += p.bytes;
  const snapshot: SiteSnapshot = {
    version: 1,
    site,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    pages,
    events: log.events,
    stats: {
      pagesFetched: pages.filter((p) => p.status > 0).length,
      pagesFailed: pages.filter(isFailure).length,
      bytes,
      durationMs: Math.round(performance.now() - t0),
      queuedLeft: left,
    },
  };
  if (home) snapshot.home = home;
  return snapshot;
}
