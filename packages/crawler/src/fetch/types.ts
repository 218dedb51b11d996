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
  /** Receives events (TLS, encoding, robots, throttling …) as they happen. */
  onEvent?: (event: CrawlEvent) => void;
  /** Injected clock/sleep for tests of backoff and delays. */
  sleep?: (ms: number) => Promise<void>;
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
}
