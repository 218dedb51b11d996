/**
 * The fetcher: one object per crawl (or per process) that owns the HTTP agents, the politeness gates, robots.txt,
 * per-host failure counts and the SSRF guard. Everything the layers above need to know about how a request went
 * comes back in the FetchResult or as a CrawlEvent; nothing is thrown.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';
import tls from 'node:tls';
import { setTimeout as delay } from 'node:timers/promises';
import { Agent, request as undiciRequest } from 'undici';
import type { CrawlEvent, CrawlEventType, RedirectHop } from '../snapshot.js';
import type { Fetcher, FetcherOptions, FetchErrorCode, FetchRequest, FetchResult, RobotsInfo } from './types.js';
import { readBody } from './body.js';
import { decodeBody } from './decode.js';
import { classifyError, isRetryable, tlsCertProblem } from './errors.js';
import { Politeness } from './politeness.js';
import { backoffDelay, parseRetryAfter } from './retry-after.js';
import { RobotsCache } from './robots.js';
import { isTextual, sniffContentType } from './sniff.js';
import {
  type AddressPolicy,
  bareHost,
  guardedLookup,
  type HostResolver,
  isAddressBlocked,
  parseAllowList,
  systemResolver,
  urlShapeProblem,
} from './ssrf.js';
import { inspectCertificate } from './tls-inspect.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

const EMPTY = new Uint8Array(0);
const PROBE_BYTES = 1024;
const ROBOTS_MAX_BYTES = 512 * 1024;
const DNS_TTL_MS = 5 * 60_000;

interface Settings {
  userAgent: string;
  perHostConcurrency: number;
  concurrency: number;
  minDelayMs: number;
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  retries: number;
  maxRetryAfterMs: number;
  maxConsecutiveFailures: number;
  maxRedirects: number;
  maxBodyBytes: number;
  obeyRobots: boolean;
  strictTls: boolean;
  maxCrawlDelayMs: number;
  retryBaseMs: number;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  ttfbMs: number;
  truncated: boolean;
}

type SendResult =
  | { ok: true; response: RawResponse }
  | { ok: false; error: { code: FetchErrorCode; message: string }; cause?: unknown; status?: number; headers?: Record<string, string>; ttfbMs?: number };

/** `gateKey` names the politeness gate (the server's IP) the attempt went through. */
type AttemptResult = SendResult & { gateKey?: string };

type HopResult = (AttemptResult & { attempts: number });

interface HostState {
  failures: number;
  throttleOnly: boolean;
  down?: 'down' | 'throttled';
  lastStatus?: number;
  lastError?: string;
}

interface SendMode {
  maxBytes: number;
  truncate: boolean;
  probe: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  return new HttpFetcher(options);
}

class HttpFetcher implements Fetcher {
  private readonly s: Settings;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly resolve: HostResolver;
  private readonly policy: AddressPolicy;
  private readonly agent: Agent;
  private insecure?: Agent;
  private readonly politeness: Politeness;
  private readonly robots: RobotsCache;
  private readonly hosts = new Map<string, HostState>();
  private readonly insecureOrigins = new Map<string, { problem: string; code: string; problems: string[] }>();
  private readonly dns = new Map<string, { at: number; addresses: Promise<string[]> }>();
  private closed = false;
  /**
   * One controller per request in flight, aborted by close(). A single shared signal would collect one abort
   * listener per concurrent request (undici adds one), which trips Node's MaxListenersExceededWarning at 11.
   */
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: FetcherOptions) {
    const t = options.timeouts ?? {};
    this.s = {
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      perHostConcurrency: options.perHostConcurrency ?? 2,
      concurrency: options.concurrency ?? 16,
      minDelayMs: options.minDelayMs ?? 1000,
      connectMs: t.connectMs ?? 10_000,
      headersMs: t.headersMs ?? 15_000,
      bodyMs: t.bodyMs ?? 30_000,
      retries: options.retries ?? 2,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 10 * 60_000,
      maxConsecutiveFailures: options.maxConsecutiveFailures ?? 5,
      maxRedirects: options.maxRedirects ?? 10,
      maxBodyBytes: options.maxBodyBytes ?? 5 * 1024 * 1024,
      obeyRobots: options.obeyRobots ?? true,
      strictTls: options.strictTls ?? false,
      maxCrawlDelayMs: options.maxCrawlDelayMs ?? 60_000,
      retryBaseMs: options.retryBaseMs ?? 1000,
    };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => delay(ms).then(() => undefined));
    this.resolve = options.resolveHost ?? systemResolver;
    this.policy = { allowPrivate: options.allowPrivate ?? false, allow: parseAllowList(options.allowAddresses) };
    this.agent = this.makeAgent(true);
    this.politeness = new Politeness({
      perKeyConcurrency: this.s.perHostConcurrency,
      totalConcurrency: this.s.concurrency,
      sleep: this.sleep,
      now: this.now,
      adaptive: options.adaptiveDelay ?? true,
      maxAdaptiveMs: 10_000,
    });
    this.robots = new RobotsCache(
      (robotsUrl) =>
        // Oversized robots files are cut, not rejected: the rules that fit still count (RFC 9309 asks for ≥500 KiB).
        this.run({ url: robotsUrl, skipRobots: true, headers: { accept: 'text/plain,*/*;q=0.5' } }, ROBOTS_MAX_BYTES, true),
      this.s.userAgent,
      (info, robotsUrl) =>
        this.emit('robots-unreachable', robotsUrl, { origin: info.origin, status: info.httpStatus, error: info.error }),
    );
  }

  /** Trusted roots when extra CAs are configured (Node's `ca` replaces the defaults rather than adding). */
  private caList(): string[] | undefined {
    const extra = this.options.ca === undefined ? [] : Array.isArray(this.options.ca) ? this.options.ca : [this.options.ca];
    return extra.length ? [...tls.rootCertificates, ...extra] : undefined;
  }

  private makeAgent(verify: boolean): Agent {
    const ca = this.caList();
    return new Agent({
      connect: {
        timeout: this.s.connectMs,
        lookup: guardedLookup(this.resolve, this.policy),
        rejectUnauthorized: verify,
        ...(ca ? { ca } : {}),
      },
      headersTimeout: this.s.headersMs,
      bodyTimeout: this.s.bodyMs,
      keepAliveTimeout: 4_000,
    });
  }

  private emit(type: CrawlEventType, url: string, detail?: Record<string, unknown>): void {
    if (!this.options.onEvent) return;
    const event: CrawlEvent = { type, url, at: new Date(this.now()).toISOString() };
    if (detail) event.detail = Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined));
    try {
      this.options.onEvent(event, this.owner.getStore());
    } catch {
      // A broken listener must not break the crawl.
    }
  }

  /**
   * The owner of the request being served. Events are raised deep inside retries, redirects and the robots cache;
   * the async context carries the owner there without threading it through every call.
   */
  private readonly owner = new AsyncLocalStorage<string | undefined>();

  fetch(request: FetchRequest): Promise<FetchResult> {
    return this.owner.run(request.owner, () => this.run(request, this.s.maxBodyBytes));
  }

  async isAllowed(url: string): Promise<boolean> {
    if (!this.s.obeyRobots) return true;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (urlShapeProblem(parsed)) return false;
    return (await this.robots.isAllowed(parsed)).allowed;
  }

  async robotsInfo(url: string): Promise<RobotsInfo> {
    const origin = new URL(url).origin;
    if (!this.s.obeyRobots) return { origin, status: 'ignored', sitemaps: [] };
    return this.robots.info(origin);
  }

  async close(): Promise<void> {
    this.closed = true;
    // In-flight requests are aborted (undici's close() would wait for a hanging server, and destroy() after
    // close() no longer reaches its connections).
    for (const c of this.inFlight) c.abort();
    this.inFlight.clear();
    await Promise.all([this.agent.close(), this.insecure?.close()]);
  }

  private async run(request: FetchRequest, maxBytes: number, truncate = false): Promise<FetchResult> {
    const started = this.now();
    const startedAt = new Date(started).toISOString();
    const redirects: RedirectHop[] = [];
    let ttfbMs: number | undefined;
    const finish = (partial: Partial<FetchResult> & { finalUrl: string }): FetchResult => ({
      url: request.url,
      status: 0,
      headers: {},
      body: EMPTY,
      redirects,
      timing: { startedAt, ttfbMs, totalMs: this.now() - started },
      ...partial,
    });
    const failWith = (finalUrl: string, code: FetchErrorCode, message: string, extra: Partial<FetchResult> = {}) =>
      finish({ finalUrl, error: { code, message }, ...extra });

    if (this.closed) return failWith(request.url, 'network', 'fetcher is closed');
    let current: URL;
    try {
      current = new URL(request.url);
    } catch {
      return failWith(request.url, 'bad-url', `not a valid URL: ${request.url}`);
    }

    let method: 'GET' | 'HEAD' | 'POST' = request.probeOnly ? 'HEAD' : (request.method ?? 'GET');
    let body = request.body;
    let rangeProbe = false;
    const cookies = new Map<string, string>();
    const seen = new Set<string>();

    for (;;) {
      current.hash = '';
      const href = current.href;
      seen.add(loopKey(current, cookies));
      const shape = urlShapeProblem(current);
      if (shape) {
        this.emit('ssrf-blocked', href, { reason: shape });
        return failWith(href, 'ssrf-blocked', shape);
      }
      const guard = await this.checkAddresses(current);
      if (guard) {
        if (guard.code === 'ssrf-blocked') this.emit('ssrf-blocked', href, { reason: guard.message, address: guard.address });
        return failWith(href, guard.code, guard.message);
      }
      if (!request.skipRobots && this.s.obeyRobots) {
        const { allowed, info } = await this.robots.isAllowed(current);
        if (!allowed) {
          this.emit('blocked-by-robots', href, { robots: info.status, origin: info.origin });
          if (info.status === 'unreachable' && info.error) {
            // The same failure (TLS, refused, timeout …) would hit the page; name it rather than just "robots".
            return failWith(href, info.error as FetchErrorCode, `robots.txt unreachable (${info.error}): everything disallowed`, { blockedByRobots: true });
          }
          const why = info.status === 'unreachable' ? 'robots.txt unreachable: everything disallowed' : 'disallowed by robots.txt';
          return failWith(href, 'robots', why, { blockedByRobots: true });
        }
      }

      const headers = this.requestHeaders(request, rangeProbe, cookies);
      const mode: SendMode = rangeProbe || request.probeOnly
        ? { maxBytes: PROBE_BYTES, truncate: true, probe: true }
        : { maxBytes, truncate, probe: false };
      const hop = await this.withRetries(current, method, headers, method === 'GET' || method === 'HEAD' ? undefined : body, mode);
      if (!hop.ok) {
        ttfbMs = hop.ttfbMs ?? ttfbMs;
        return failWith(href, hop.error.code, hop.error.message, {
          status: hop.status ?? 0,
          headers: hop.headers ?? {},
          attempts: hop.attempts,
        });
      }
      const res = hop.response;
      ttfbMs = res.ttfbMs;

      if (request.probeOnly && method === 'HEAD' && (res.status === 405 || res.status === 501)) {
        // HEAD refused: ask for the first KiB instead of the whole (possibly huge) attachment.
        method = 'GET';
        rangeProbe = true;
        continue;
      }

      const location = res.headers['location'];
      if (REDIRECT_STATUSES.has(res.status) && location) {
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return this.complete(finish, href, res, hop.attempts);
        }
        next.hash = '';
        rememberCookies(cookies, res.headers['set-cookie']);
        redirects.push({ url: href, status: res.status });
        if (seen.has(loopKey(next, cookies))) {
          this.emit('redirect-loop', href, { chain: [...redirects.map((r) => r.url), next.href] });
          return failWith(href, 'redirect-loop', `redirect loop back to ${next.href}`, { status: res.status, headers: res.headers });
        }
        if (redirects.length > this.s.maxRedirects) {
          this.emit('too-many-redirects', href, { limit: this.s.maxRedirects, chain: redirects.map((r) => r.url) });
          return failWith(href, 'too-many-redirects', `more than ${this.s.maxRedirects} redirects`, {
            status: res.status,
            headers: res.headers,
          });
        }
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        current = next;
        continue;
      }
      return this.complete(finish, href, res, hop.attempts);
    }
  }

  private complete(
    finish: (partial: Partial<FetchResult> & { finalUrl: string }) => FetchResult,
    finalUrl: string,
    res: RawResponse,
    attempts: number,
  ): FetchResult {
    const header = res.headers['content-type'];
    const contentType = sniffContentType(res.body, header, finalUrl);
    const result = finish({ finalUrl, status: res.status, headers: res.headers, body: res.body, contentType, attempts });
    if (res.truncated) result.truncated = true;
    const tlsProblem = this.insecureOrigins.get(new URL(finalUrl).origin);
    if (tlsProblem) result.tlsProblem = tlsProblem;
    if (res.body.length > 0 && isTextual(contentType)) {
      const decoded = decodeBody(res.body, header);
      result.text = decoded.text;
      result.encoding = decoded.encoding;
      if (decoded.declared) result.declaredEncoding = decoded.declared;
      if (decoded.mismatch) {
        result.encodingMismatch = true;
        this.emit('encoding-mismatch', finalUrl, { declared: decoded.declared, declaredBy: decoded.declaredBy, actual: decoded.encoding });
      }
    }
    return result;
  }

  private requestHeaders(request: FetchRequest, rangeProbe: boolean, cookies: Map<string, string>): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.s.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
      'accept-encoding': rangeProbe || request.probeOnly ? 'identity' : 'gzip, deflate, br',
    };
    for (const [k, v] of Object.entries(request.headers ?? {})) headers[k.toLowerCase()] = v;
    if (rangeProbe) headers['range'] = `bytes=0-${PROBE_BYTES - 1}`;
    if (cookies.size && !headers['cookie']) headers['cookie'] = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (request.method === 'POST' && request.body !== undefined && !headers['content-type']) {
      headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
    }
    return headers;
  }

  private addresses(hostname: string): Promise<string[]> {
    if (net.isIP(hostname)) return Promise.resolve([hostname]);
    const cached = this.dns.get(hostname);
    if (cached && this.now() - cached.at < DNS_TTL_MS) return cached.addresses;
    const addresses = this.resolve(hostname);
    this.dns.set(hostname, { at: this.now(), addresses });
    addresses.catch(() => this.dns.delete(hostname));
    return addresses;
  }

  /** Resolution and the address check before anything is sent (the connect-time lookup checks again). */
  private async checkAddresses(url: URL): Promise<{ code: FetchErrorCode; message: string; address?: string } | undefined> {
    const host = bareHost(url.hostname);
    let addresses: string[];
    try {
      addresses = await this.addresses(host);
    } catch (err) {
      return classifyError(err);
    }
    if (addresses.length === 0) return { code: 'dns', message: `${host} has no addresses` };
    const blocked = addresses.find((a) => isAddressBlocked(a, this.policy));
    if (blocked) return { code: 'ssrf-blocked', message: `${host} resolves to non-public address ${blocked}`, address: blocked };
    return undefined;
  }

  private host(url: URL): HostState {
    let st = this.hosts.get(url.host);
    if (!st) {
      st = { failures: 0, throttleOnly: true };
      this.hosts.set(url.host, st);
    }
    return st;
  }

  private recordFailure(url: URL, what: { status?: number; error?: string }): void {
    const st = this.host(url);
    const throttle = what.status === 429 || what.status === 503;
    st.throttleOnly = st.failures === 0 ? throttle : st.throttleOnly && throttle;
    st.failures++;
    st.lastStatus = what.status;
    st.lastError = what.error;
    if (!st.down && st.failures >= this.s.maxConsecutiveFailures) {
      st.down = st.throttleOnly ? 'throttled' : 'down';
      this.emit(st.down, url.href, { host: url.host, failures: st.failures, lastStatus: st.lastStatus, lastError: st.lastError });
    }
  }

  private recordSuccess(url: URL): void {
    const st = this.host(url);
    st.failures = 0;
    st.throttleOnly = true;
  }

  private backoff(attempt: number): number {
    return backoffDelay(attempt, this.s.retryBaseMs, 60_000);
  }

  private async withRetries(
    url: URL,
    method: 'GET' | 'HEAD' | 'POST',
    headers: Record<string, string>,
    body: string | undefined,
    mode: SendMode,
  ): Promise<HopResult> {
    for (let attempt = 0; ; attempt++) {
      const st = this.host(url);
      if (st.down) {
        return {
          ok: false,
          attempts: attempt,
          error: {
            code: 'host-down',
            message: st.down === 'throttled'
              ? `${url.host} keeps answering 429/503; not requesting it again`
              : `${url.host} failed ${st.failures} times in a row; not requesting it again`,
          },
        };
      }
      const r = await this.attempt(url, method, headers, body, mode);
      const canRetry = attempt < this.s.retries;
      if (!r.ok) {
        const code = r.error.code;
        const retryable = isRetryable(code, r.cause);
        if (retryable || code === 'tls' || code === 'dns') this.recordFailure(url, { error: code });
        if (retryable && canRetry && !this.host(url).down) {
          await this.sleep(this.backoff(attempt));
          continue;
        }
        return { ...r, attempts: attempt + 1 };
      }
      const status = r.response.status;
      const serverTrouble = status === 429 || (status >= 500 && status !== 501 && status !== 505);
      if (!serverTrouble) {
        this.recordSuccess(url);
        return { ...r, attempts: attempt + 1 };
      }
      this.recordFailure(url, { status });
      if (!canRetry || this.host(url).down) return { ...r, attempts: attempt + 1 };
      if (status === 429 || status === 503) {
        // The wait applies to the whole server: every queued request for it holds off, not just this one.
        const hinted = parseRetryAfter(r.response.headers['retry-after'], this.now());
        const wait = Math.min(hinted ?? this.backoff(attempt), this.s.maxRetryAfterMs);
        this.politeness.pause(r.gateKey ?? url.hostname, this.now() + wait);
      } else {
        await this.sleep(this.backoff(attempt));
      }
    }
  }

  private async attempt(
    url: URL,
    method: 'GET' | 'HEAD' | 'POST',
    headers: Record<string, string>,
    body: string | undefined,
    mode: SendMode,
  ): Promise<AttemptResult> {
    const host = bareHost(url.hostname);
    let addresses: string[];
    try {
      addresses = await this.addresses(host);
    } catch (err) {
      return { ok: false, error: classifyError(err), cause: err };
    }
    const gateKey = addresses[0] ?? host;
    const crawlDelaySec = this.s.obeyRobots ? this.robots.knownCrawlDelaySec(url.origin) : undefined;
    const floor = Math.max(this.s.minDelayMs, Math.min((crawlDelaySec ?? 0) * 1000, this.s.maxCrawlDelayMs));
    const r = await this.politeness.run(gateKey, floor, () => this.send(url, method, headers, body, mode));
    return { ...r, gateKey };
  }

  private insecureAgent(): Agent {
    this.insecure ??= this.makeAgent(false);
    return this.insecure;
  }

  private async send(
    url: URL,
    method: 'GET' | 'HEAD' | 'POST',
    headers: Record<string, string>,
    body: string | undefined,
    mode: SendMode,
  ): Promise<SendResult> {
    const origin = url.origin;
    const insecure = this.insecureOrigins.has(origin);
    const dispatcher = insecure ? this.insecureAgent() : this.agent;
    const t0 = this.now();
    let status = 0;
    let resHeaders: Record<string, string> = {};
    let ttfbMs: number | undefined;
    const abort = new AbortController();
    this.inFlight.add(abort);
    try {
      if (this.closed) return { ok: false, error: { code: 'network', message: 'fetcher is closed' } };
      const known = this.s.strictTls ? this.insecureOrigins.get(origin) : undefined;
      if (known) {
        // Strict mode: the certificate will not have changed since the last handshake; do not ask again.
        return { ok: false, error: { code: 'tls', message: `certificate ${known.problems.join(', ')} (${known.code})` } };
      }
      const res = await undiciRequest(url, { dispatcher, method, headers, body, signal: abort.signal });
      ttfbMs = this.now() - t0;
      status = res.statusCode;
      resHeaders = flattenHeaders(res.headers);
      const empty = method === 'HEAD' || status === 204 || status === 304;
      if (empty || (REDIRECT_STATUSES.has(status) && resHeaders['location'])) {
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { ok: true, response: { status, headers: resHeaders, body: EMPTY, ttfbMs, truncated: false } };
      }
      const declaredLength = Number(resHeaders['content-length']);
      if (!mode.truncate && !resHeaders['content-encoding'] && Number.isFinite(declaredLength) && declaredLength > mode.maxBytes) {
        // undici reports the abort as an error event; nobody else is listening for it any more.
        res.body.on('error', () => undefined).destroy();
        return this.tooLarge(url, mode.maxBytes, declaredLength, status, resHeaders, ttfbMs);
      }
      const out = await readBody(res.body, {
        maxBytes: mode.maxBytes,
        truncate: mode.truncate,
        deadlineMs: this.s.bodyMs,
        contentEncoding: resHeaders['content-encoding'],
      });
      if (!out.ok) {
        if (out.reason === 'too-large') return this.tooLarge(url, mode.maxBytes, out.bytes, status, resHeaders, ttfbMs);
        const code: FetchErrorCode = out.reason === 'deadline' ? 'timeout-body' : 'network';
        return { ok: false, error: { code, message: out.message }, cause: out.cause, status, headers: resHeaders, ttfbMs };
      }
      return { ok: true, response: { status, headers: resHeaders, body: out.bytes, ttfbMs, truncated: out.truncated } };
    } catch (err) {
      const cert = url.protocol === 'https:' && !insecure ? tlsCertProblem(err) : undefined;
      if (cert) {
        const facts = await inspectCertificate(url, {
          lookup: guardedLookup(this.resolve, this.policy),
          timeoutMs: this.s.connectMs,
          ca: this.caList(),
          now: this.now(),
        });
        const problems = facts?.problems.length ? facts.problems : [cert.problem];
        if (!problems.includes(cert.problem)) problems.unshift(cert.problem);
        this.emit('tls-error', url.href, {
          problem: cert.problem,
          code: cert.code,
          problems,
          subject: facts?.subject,
          issuer: facts?.issuer,
          validTo: facts?.validTo,
          strict: this.s.strictTls,
        });
        this.insecureOrigins.set(origin, { ...cert, problems });
        if (this.s.strictTls) {
          return { ok: false, error: { code: 'tls', message: `certificate ${cert.problem} (${cert.code})` }, cause: err };
        }
        // The finding is recorded; carry on without verification so the content audit still happens.
        return this.send(url, method, headers, body, mode);
      }
      const classified = classifyError(err);
      if (classified.code === 'ssrf-blocked') {
        // Caught by the connect-time lookup: the name resolved differently than a moment ago (DNS rebinding).
        this.emit('ssrf-blocked', url.href, { reason: classified.message, stage: 'connect' });
      }
      return { ok: false, error: classified, cause: err, status, headers: resHeaders, ttfbMs };
    } finally {
      this.inFlight.delete(abort);
    }
  }

  private tooLarge(url: URL, limit: number, bytes: number, status: number, headers: Record<string, string>, ttfbMs?: number) {
    this.emit('body-too-large', url.href, { limit, bytes });
    return {
      ok: false as const,
      error: { code: 'too-large' as const, message: `body of ${bytes} bytes or more exceeds the ${limit}-byte cap` },
      status,
      headers,
      ttfbMs,
    };
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const key = k.toLowerCase();
    out[key] = Array.isArray(v) ? v.join(key === 'set-cookie' ? '\n' : ', ') : v;
  }
  return out;
}

/** Keeps `name=value` of Set-Cookie lines so a redirect chain that sets a session cookie can complete. */
function rememberCookies(jar: Map<string, string>, setCookie: string | undefined): void {
  if (!setCookie) return;
  for (const line of setCookie.split('\n')) {
    const pair = line.split(';')[0];
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

/**
 * A hop repeats only if the URL *and* the cookies are the same: servers often redirect to the same URL once after
 * setting a session cookie, which is not a loop.
 */
function loopKey(url: URL, cookies: Map<string, string>): string {
  return `${url.href}|${[...cookies].map(([k, v]) => `${k}=${v}`).sort().join(';')}`;
}
