/**
 * The site analysis: what the site rules check. It is computed from a SiteSnapshot alone (no network), so the same
 * analysis can be rebuilt from a `--dump-snapshot` file.
 */
import type { AgencyLevel } from '@gongkai/core';

/** How often a column must get new items; drives `site/too-many-stale-columns` by kind. */
export type ColumnKind = 'dynamic' | 'notice' | 'policy' | 'other';

/** One entry of the column catalogue (`data.columns` in the site packs). */
export interface ColumnSpec {
  id: string;
  /** The canonical name, as in the national platform rules. */
  name: string;
  /** Names real sites use for the same column (exact, after whitespace/punctuation normalisation). */
  variants: string[];
  /** Path fragments that identify the column in URLs (`/zfxxgkzn/`, `czyjs`). */
  urlHints?: string[];
  /** Agency levels that must have this column: missing is an error. */
  requiredFor?: AgencyLevel[];
  /**
   * Levels that must have it only when the agency has such duties (建议提案办理, 重大建设项目, 行政事业性收费):
   * missing is a warning, which the agency answers by marking the column not applicable in its config.
   */
  applicableFor?: AgencyLevel[];
  /** Levels for which the column is good practice: missing is only noted (info). */
  recommendedFor?: AgencyLevel[];
  /** The rule that asks for the column (document and article), quoted in findings. */
  basis?: Basis;
  /** A window name from `windows` (`2w`, `6m`, `1y`) or a duration (`30d`, `3m`); null/absent: no freshness rule. */
  freshness?: string | null;
  kind?: ColumnKind;
  /** A list column whose items must mention one of these words to count (年报 items say 年度报告 or 年报). */
  itemsMustContain?: string[];
  /**
   * `article`: the column may be a single page (the 指南), judged empty by its text, not by list items.
   * `channel`: an interaction channel (政务咨询): a page without letters is an entry to it, judged by the
   * interaction rules, never an empty column.
   */
  form?: 'list' | 'article' | 'channel';
}

/** A legal basis as findings quote it; `en` falls back to `zh` (document names stay Chinese in English text). */
export interface Basis {
  zh: string;
  en?: string;
}

/**
 * How strongly the catalogue asks an agency of a given level for a column: `required` (an error when missing),
 * `applicable` (required where the agency has such duties: a warning) or `recommended` (good practice: info).
 */
export type Requirement = 'required' | 'applicable' | 'recommended';

/** Duration per window name. Values are `<n>d`, `<n>w`, `<n>m` (calendar months) or `<n>y`. */
export type Windows = Record<string, string>;

export interface AnalysisOptions {
  columns: ColumnSpec[];
  /** YYYY-MM-DD, Asia/Shanghai. */
  asOf: string;
  level: AgencyLevel;
  region?: string;
  windows?: Windows;
  /** Report broken links to other hosts too (only meaningful when the crawl fetched them). */
  checkExternal?: boolean;
  /** Count dates that only appear in item URLs as visible publication dates (the national rule says no). */
  urlDatesAreVisible?: boolean;
  /** Below this many characters of body text an article-form column counts as empty. */
  minArticleText?: number;
}

export type DateSource = 'markup' | 'detail-meta' | 'detail-text' | 'url';

export interface DatedItem {
  title: string;
  url?: string;
  date?: string;
  dateSource?: DateSource;
  /** Shown on the page (list markup or the article itself) rather than inferred from the URL. */
  visible: boolean;
}

export interface HomeResult {
  url: string;
  finalUrl?: string;
  reachable: boolean;
  status?: number;
  reason?: 'no-page' | 'http-status' | 'network' | 'soft-404' | 'down';
  error?: { code: string; message: string };
  /** Newest visible item date on the home page (or, for a navigation-only home page, in any column). */
  newest?: DatedItem;
  /** Where `newest` came from. */
  newestFrom?: 'home' | 'columns';
  /** Not updated within the home window (2 weeks); null when it cannot be judged (home unreachable). */
  stale: boolean | null;
  window: string;
  cutoff: string;
}

export type LocatedBy = 'column-meta' | 'nav-link' | 'section-page' | 'breadcrumb' | 'link' | 'url-hint';

export interface ColumnLocation {
  url: string;
  how: LocatedBy;
  /** The page holding the link that led here (for nav/section/link). */
  via?: string;
  /** The text that matched (link text, ColumnName, breadcrumb entry). */
  text?: string;
}

export interface ColumnResult {
  id: string;
  name: string;
  kind: ColumnKind;
  /** `requirement === 'required'`. */
  required: boolean;
  /** Absent: the catalogue does not ask for the column at the agency's level. */
  requirement?: Requirement;
  basis?: Basis;
  found: boolean;
  location?: ColumnLocation;
  /** null: found only as a link whose target the crawl did not fetch. */
  reachable: boolean | null;
  status?: number;
  /** Pages whose items were counted (the column page and its fetched pagination pages). */
  pages: string[];
  /** Max of the items seen and the CMS declared total. */
  itemCount: number;
  declaredTotal?: number;
  items: DatedItem[];
  datedCount: number;
  undatedCount: number;
  /** Newest date shown on the site. */
  newest?: DatedItem;
  /** Newest date including URL-derived ones (evidence when nothing visible is dated). */
  newestAny?: DatedItem;
  empty: boolean;
  /** The page is a submission form or a login gate: a channel, judged by the interaction rules, never empty. */
  channel?: 'form' | 'login' | 'entry';
  /** No items were found and nothing shows the column is empty (a script may render the list): not judged. */
  unjudged?: boolean;
  freshness?: string;
  cutoff?: string;
  /** null when the column has no freshness rule or could not be opened. */
  stale: boolean | null;
  staleReason?: 'old' | 'undated';
  /** Not in the catalogue: a column page found on the site and classified by its name. */
  discovered?: boolean;
}

export interface AnnualReportItem {
  year: number;
  title: string;
  url?: string;
  published?: string;
  dateSource?: DateSource;
  /** The page the item was listed on. */
  listedOn: string;
}

export interface AnnualReportResult {
  reports: AnnualReportItem[];
  /** The report with the highest year (the one the CLI hands to the report checker). */
  latest?: AnnualReportItem;
}

export type BudgetItemType = 'budget' | 'final';

export interface BudgetItem {
  type: BudgetItemType;
  year: number;
  title: string;
  url?: string;
  published?: string;
  dateSource?: DateSource;
  /** Shows the 三公 breakdown: in its title, its text, or the names of its attachments. */
  threePublic: boolean;
  /** We could read it (title, or a fetched page whose content is not in unread attachments). */
  inspected: boolean;
  listedOn: string;
}

export interface DualPublicityRecord {
  url: string;
  title?: string;
  type: 'licensing' | 'penalty' | 'unknown';
  /** Absent when the page shows record fields but no decision date. */
  decisionDate?: string;
  published?: string;
  publishedSource?: 'page-info' | 'meta' | 'list' | 'text';
  documentNumber?: string;
}

/** A 政务咨询 channel (领导信箱, 咨询投诉 …): a page or link the catalogue's `consultation` column matched. */
export interface ConsultationChannel {
  url: string;
  /** The name it goes by on the site (link text, ColumnName, breadcrumb). */
  name: string;
  how: LocatedBy;
  /** null: only linked (another host, or not fetched). */
  reachable: boolean | null;
  /** Messages listed on it (the page and its fetched pagination pages). */
  messages: number;
}

/** One letter (留言 / 来信) of a consultation channel, with what the list and its detail page show. */
export interface ConsultationMessage {
  title: string;
  url?: string;
  /** URL of the channel page that lists it. */
  channel: string;
  channelName: string;
  /** 留言时间 / 来信时间 (YYYY-MM-DD). */
  asked?: string;
  /** `detail`: a labelled time on the letter page; `list`: the one date the list row shows. */
  askedSource?: 'detail' | 'list';
  /** 回复时间 / 答复时间. */
  answered?: string;
  /** `detail`: read on the letter page; `list`: the 回复时间 column of the list row. */
  answeredSource?: 'detail' | 'list';
  /** What the page says: answered (已回复, a reply text, a reply date) or pending (未回复, 办理中, empty reply). */
  status?: 'answered' | 'pending';
  /** The status text as shown (已回复, 办理中 …). */
  statusText?: string;
  /** The detail page was fetched and read. */
  detail: boolean;
}

export interface InteractionResult {
  /** Whether the catalogue requires a consultation channel at the agency's level. */
  required: boolean;
  channels: ConsultationChannel[];
  messages: ConsultationMessage[];
}

export interface BrokenLink {
  url: string;
  status: number;
  error?: { code: string; message: string };
  /** Pages that link to it (first one is `from`). */
  from: string[];
  text?: string;
  attachment: boolean;
  external: boolean;
}

export interface SiteEvents {
  robotsBlocked: string[];
  tlsErrors: { url: string; host: string; detail?: Record<string, unknown> }[];
  encodingMismatches: { url: string; detail?: Record<string, unknown> }[];
}

export interface SiteAnalysis {
  site: string;
  asOf: string;
  level: AgencyLevel;
  /** The window durations used (defaults merged with the pack's `data.windows`). */
  windows: Windows;
  home: HomeResult;
  columns: ColumnResult[];
  /** Column pages found on the site that the catalogue does not list. */
  otherColumns: ColumnResult[];
  annualReport: AnnualReportResult;
  budget: { items: BudgetItem[] };
  dualPublicity: { records: DualPublicityRecord[] };
  /** 政务咨询 channels and their letters (互动回应). */
  interaction: InteractionResult;
  brokenLinks: BrokenLink[];
  softNotFound: { url: string; from?: string }[];
  events: SiteEvents;
}
