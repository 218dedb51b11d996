/**
 * An in-memory Fetcher backed by a route map, for testing the crawl logic without sockets. It follows redirects,
 * answers unknown paths with 404 (or a configured soft-404 page), honours a robots deny list and logs requests.
 */
import type { Fetcher, FetchRequest, FetchResult } from '../../src/fetch/types.js';

export interface Route {
  status?: number;
  body?: string;
  contentType?: string;
  location?: string;
  headers?: Record<string, string>;
}

export interface FakeOptions {
  /** Response for paths not in the map (default: 404 page). */
  fallback?: Route;
  /** URL prefixes robots.txt disallows. */
  disallow?: string[];
}

export class FakeFetcher implements Fetcher {
  readonly requests: FetchRequest[] = [];
  closed = false;

  constructor(private readonly routes: Record<string, Route | string>, private readonly options: FakeOptions = {}) {}

  private route(url: string): Route {
    const r = this.routes[url];
    if (typeof r === 'string') return { body: r };
    return r ?? this.options.fallback ?? { status: 404, body: '<html><head><title>404</title></head><body>Not Found</body></html>' };
  }

  async isAllowed(url: string): Promise<boolean> {
    return !(this.options.disallow ?? []).some((p) => url.startsWith(p));
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    this.requests.push(request);
    const startedAt = new Date().toISOString();
    if (!request.skipRobots && !(await this.isAllowed(request.url))) {
      return {
        url: request.url, finalUrl: request.url, status: 0, headers: {}, body: new Uint8Array(), redirects: [],
        timing: { startedAt, totalMs: 0 }, blockedByRobots: true, error: { code: 'robots', message: 'disallowed' },
      };
    }
    let url = request.url;
    const redirects: { url: string; status: number }[] = [];
    for (let hop = 0; hop < 10; hop++) {
      const r = this.route(url);
      const status = r.status ?? 200;
      if (r.location && status >= 300 && status < 400) {
        redirects.push({ url, status });
        url = new URL(r.location, url).href;
        continue;
      }
      const contentType = r.contentType ?? 'text/html; charset=utf-8';
      const body = request.probeOnly ? new Uint8Array() : new TextEncoder().encode(r.body ?? '');
      const textual = /html|xml|json|text|javascript/.test(contentType);
      return {
        url: request.url, finalUrl: url, status, headers: { 'content-type': contentType, ...(r.headers ?? {}) },
        contentType: contentType.split(';')[0], body, text: textual && !request.probeOnly ? (r.body ?? '') : undefined,
        encoding: textual ? 'utf-8' : undefined, redirects, timing: { startedAt, totalMs: 1 },
      };
    }
    return {
      url: request.url, finalUrl: url, status: 0, headers: {}, body: new Uint8Array(), redirects,
      timing: { startedAt, totalMs: 1 }, error: { code: 'too-many-redirects', message: 'too many redirects' },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  fetched(url: string): boolean {
    return this.requests.some((r) => r.url === url);
  }
}

/** A minimal gov-like page. */
export function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}
