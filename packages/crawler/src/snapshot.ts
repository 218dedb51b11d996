/**
 * The site snapshot: everything the fetcher learned about one site, and the only thing site analysis reads.
 * It is plain JSON (no DOM objects), so it can be dumped with `--dump-snapshot` and replayed without the network.
 */
import type { AgencyLevel } from '@gongkai/core';

export interface Link {
  /** Absolute, normalised URL. */
  url: string;
  /** Visible text (or title attribute) of the link, whitespace collapsed. */
  text: string;
  /** Where on the page: navigation, breadcrumb, list, body, footer. */
  area?: 'nav' | 'breadcrumb' | 'list' | 'body' | 'footer';
}

export interface ListItem {
  title: string;
  url?: string;
  /** YYYY-MM-DD, or YYYY-MM when only a month was shown. */
  date?: string;
  /** Where the date came from; the analysis trusts them in this order. */
  dateSource?: 'markup' | 'detail-meta' | 'detail-text' | 'url';
  /** The list showed only month and day (MM-DD); the year was inferred from the crawl date. */
  yearInferred?: boolean;
  /**
   * For a row of a table list: the text of the row's other cells in order, the link's own cell left out
   * (留言时间 | 回复时间 | 状态). An empty cell is an empty string.
   */
  cells?: string[];
}

export interface ExtractedList {
  /** How the list was found. */
  source: 'markup' | 'hanweb-datastore' | 'hanweb-dataproxy' | 'trs' | 'gkmlpt' | 'inline-js' | 'script-json' | 'script-html' | 'script-array';
  /**
   * Where the items came from when not from the page's own markup: the data URL an inline script loads (JSON or an
   * HTML fragment) or the gkmlpt API. Script-written arrays (`script-array`) come from the page itself.
   */
  from?: string;
  items: ListItem[];
  /** Total records the CMS declares (Hanweb totalRecord, gkmlpt total). */
  total?: number;
  /** Total pages the CMS declares (TRS createPageHTML). */
  pages?: number;
  /** URLs of further pages of this list (index_1.shtml, dataproxy.jsp?page=2 …). */
  nextPages?: string[];
  /** For a table list with a header row: the header texts of the columns in the items' `cells`, in the same order. */
  header?: string[];
}

export interface RedirectHop {
  url: string;
  status: number;
}

export type PageKind = 'html' | 'attachment' | 'data' | 'other';

export interface FetchedPage {
  url: string;
  finalUrl: string;
  status: number;
  /** Network-level failure (no status): timeout, reset, DNS, TLS, too large … */
  error?: { code: string; message: string };
  kind: PageKind;
  contentType?: string;
  /** Charset used to decode the body. */
  encoding?: string;
  bytes: number;
  timing: { startedAt: string; ttfbMs?: number; totalMs: number };
  redirects: RedirectHop[];
  depth: number;
  discoveredFrom?: string;
  title?: string;
  /** <meta name=…> values (SiteName, ColumnName, ColumnType, PubDate …) and http-equiv ones. */
  meta: Record<string, string>;
  /** 发布日期/来源 block of an article page, when present. */
  pageInfo?: Record<string, string>;
  headings: { level: number; text: string }[];
  links: Link[];
  lists: ExtractedList[];
  breadcrumb?: string[];
  /** Length of the visible body text (after removing nav/footer), for emptiness checks. */
  textLength?: number;
  /** Whether the page says it has no content (暂无信息, 暂无数据 …) and no list was found on it. */
  saysEmpty?: boolean;
  /** The words saying a list is empty (暂无信息, 没有记录 …), even when other lists (menus) are on the page. */
  emptyMarker?: string;
  /** A list container (`class="list"` …) on the page holds nothing. */
  emptyList?: boolean;
  /** The page is for input: a submission form (写信, 留言, 提交) or a login gate; a channel, not a list. */
  interactive?: 'form' | 'login';
  /** Scripts on the page may load or write list data in the browser. */
  scriptData?: boolean;
  /** Watched terms (三公, 因公出国, 公务接待, 公务用车) found anywhere in an article's text, beyond `mainText`'s cap. */
  mentions?: string[];
  /** A 200 page that is really "not found". */
  softNotFound?: boolean;
  /** First part of the main text (capped), kept for article pages such as an annual report. */
  mainText?: string;
  /**
   * Label → value pairs of an article page, read cell by cell: 2-cell table rows, label/value/label/value rows,
   * <th>/<td> pairs and <dt>/<dd> pairs. Labels without whitespace and trailing colon; the value is the cell's own
   * text (an empty cell is an empty string); the first occurrence of a label wins. Capped in count and length.
   */
  fields?: Record<string, string>;
  /**
   * Set on further pages of a list (index_1.shtml, dataproxy.jsp, gkmlpt API): the URL of the page whose list
   * they continue. Their items were merged into that page's list, so analysis should not count them again.
   */
  paginationOf?: string;
}

export type CrawlEventType =
  | 'blocked-by-robots'
  | 'robots-unreachable'
  | 'trap'
  | 'tls-error'
  | 'encoding-mismatch'
  | 'throttled'
  | 'down'
  | 'fetch-failed'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'body-too-large'
  | 'soft-404'
  | 'ssrf-blocked'
  | 'out-of-scope'
  | 'limit-reached';

export interface CrawlEvent {
  type: CrawlEventType;
  url: string;
  at: string;
  detail?: Record<string, unknown>;
}

export interface SiteInfo {
  url: string;
  name?: string;
  level?: AgencyLevel;
  region?: string;
}

export interface SnapshotStats {
  pagesFetched: number;
  pagesFailed: number;
  bytes: number;
  durationMs: number;
  queuedLeft: number;
}

export interface SiteSnapshot {
  version: 1;
  site: SiteInfo;
  /** The home page as finally reached (after redirects), when it could be opened. */
  home?: string;
  startedAt: string;
  finishedAt: string;
  pages: FetchedPage[];
  events: CrawlEvent[];
  stats: SnapshotStats;
}
