/**
 * The contract between the network layer (src/fetch) and everything above it (extraction, the crawl loop, site
 * analysis). The fetcher owns politeness, retries, timeouts, encodings, TLS and the SSRF guard; callers only ask
 * for URLs.
 */
import type { CrawlEvent, RedirectHop } from '../snapshot.js';

export interface FetcherOptions {
  userAgent?: string;
  /** Per-host concurrency (default 2) and total concurrency (default 16). */
  perHostConcurrency?: number;
  concurrency?: number;
  /** Floor for the per-host delay in ms (default 1000; 0 for benchmarks and tests). */
  minDelayMs?: number;
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  retries?: number;
  /** Cap for Retry-After waits in ms. */
  maxRetryAfterMs?: number;
  /** Consecutive failures after which a host is given up (`down` or `throttled`). */
  maxConsecutiveFailures?: number;
  maxRedirects?: number;
  /** Body cap for HTML in bytes (default 5 MB). */
  maxBodyBytes?: number;
  obeyRobots?: boolean;
  strictTls?: boolean;
  /** Lifts the SSRF guard (tests on 127.0.0.1, intranet audits). */
  allowPrivate?: boolean;
  /**
   * Receives events (TLS, encoding, robots, throttling …) as they happen, with the `owner` of the request that
   * caused them (see FetchRequest.owner), so a fetcher shared by several crawls can give each event to its crawl.
   */
  onEvent?: (event: CrawlEvent, owner?: string) => void;
  /** Injected clock/sleep for tests of backoff and delays. */
  sleep?: (ms: number) => Promise<void>;
  /** Clock used for delays and Retry-After dates (default Date.now). */
  now?: () => number;
  /**
   * Resolves a hostname to its addresses, used both for the per-IP gate and at connect time (default: the OS
   * resolver). Tests map made-up names to 127.0.0.1 with it.
   */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Addresses or CIDR ranges exempt from the SSRF guard (a narrower alternative to `allowPrivate`). */
  allowAddresses?: string[];
  /** Extra trusted CA certificates (PEM), e.g. an intranet root; public roots stay trusted. */
  ca?: string | string[];
  /** Spacing between request starts follows the last response time of that server (default true). */
  adaptiveDelay?: boolean;
  /** Cap for a robots Crawl-delay (default 60 s): a site asking for an hour per page cannot be audited. */
  maxCrawlDelayMs?: number;
  /** Base for exponential backoff between retries (default 1000 ms). */
  retryBaseMs?: number;
}

export interface FetchRequest {
  url: string;
  method?: 'GET' | 'HEAD' | 'POST';
  /** For attachments: check existence without downloading (HEAD, falling back to a ranged GET). */
  probeOnly?: boolean;
  body?: string;
  headers?: Record<string, string>;
  /** Skip the robots check (robots.txt itself, the soft-404 probe). */
  skipRobots?: boolean;
  /**
   * Who asked (a crawl's id). Events the request causes are reported with it: sites that share one address (one
   * platform server, one origin) must not receive each other's robots, TLS or encoding events.
   */
  owner?: string;
}

export interface FetchResult {
  url: string;
  finalUrl: string;
  /** 0 when no HTTP status was received. */
  status: number;
  headers: Record<string, string>;
  /** Content type after sniffing the magic bytes (the header may lie or be missing). */
  contentType?: string;
  body: Uint8Array;
  /** Decoded text for textual content types. */
  text?: string;
  encoding?: string;
  redirects: RedirectHop[];
  timing: { startedAt: string; ttfbMs?: number; totalMs: number };
  error?: { code: FetchErrorCode; message: string };
  /** Robots said no; nothing was requested. */
  blockedByRobots?: boolean;
  /** The charset the server declared (header, else meta), when it did. */
  declaredEncoding?: string;
  /** The declared charset did not decode the body; `encoding` is the one that did. */
  encodingMismatch?: boolean;
  /** The certificate failed verification; the content was fetched without verification afterwards. */
  tlsProblem?: { problem: string; code: string; problems?: string[] };
  /** The body is only the first bytes (probe requests, ranged GET). */
  truncated?: boolean;
  /** Attempts made for the final hop (1 = no retry). */
  attempts?: number;
}

export type FetchErrorCode =
  | 'timeout-connect'
  | 'timeout-headers'
  | 'timeout-body'
  | 'connection-reset'
  | 'connection-refused'
  | 'dns'
  | 'tls'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'ssrf-blocked'
  | 'bad-url'
  | 'host-down'
  | 'robots'
  | 'network';

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
  /** Crawl-delay and allow/deny for an origin, fetched once and cached. */
  isAllowed(url: string): Promise<boolean>;
  close(): Promise<void>;
  /** What robots.txt of the URL's origin said: status, crawl-delay, sitemaps (fetched once and cached). */
  robotsInfo?(url: string): Promise<RobotsInfo>;
}

export interface RobotsInfo {
  origin: string;
  /** ok: parsed; missing: 4xx, everything allowed; unreachable: 5xx/network, everything disallowed;
   *  ignored: `obeyRobots: false`. */
  status: 'ok' | 'missing' | 'unreachable' | 'ignored';
  httpStatus?: number;
  error?: string;
  /** Crawl-delay for our user agent in seconds, as written (before the cap). */
  crawlDelaySec?: number;
  sitemaps: string[];
}
