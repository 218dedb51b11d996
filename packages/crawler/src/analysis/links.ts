/**
 * Broken links and attachments (检查指标 链接可用性): pages the crawl tried to open and could not.
 */
import type { SiteSnapshot } from '../snapshot.js';
import type { PageIndex } from './page-index.js';
import { isInternal, urlKey } from './text.js';
import type { BrokenLink, SiteEvents } from './types.js';

/** Failures that say nothing about the link itself: we chose not to fetch, or the host asked us to slow down. */
const NOT_BROKEN = new Set(['robots', 'ssrf-blocked', 'out-of-scope', 'host-down']);

export function findBrokenLinks(snapshot: SiteSnapshot, index: PageIndex): BrokenLink[] {
  const home = new Set([snapshot.site.url, snapshot.home].filter(Boolean).map((u) => urlKey(u!)));
  const out = new Map<string, BrokenLink>();
  for (const p of snapshot.pages) {
    const failed = p.error ? !NOT_BROKEN.has(p.error.code) : p.status >= 400 && p.status !== 429;
    if (!failed || home.has(urlKey(p.url))) continue;
    const key = urlKey(p.url);
    if (out.has(key)) continue;
    const inbound = index.linksTo(p.url);
    const from = [...new Set([...inbound.map((i) => i.from), ...(p.discoveredFrom ? [p.discoveredFrom] : [])])];
    out.set(key, {
      url: p.url,
      status: p.status,
      ...(p.error ? { error: p.error } : {}),
      from,
      text: inbound.find((i) => i.text)?.text,
      attachment: p.kind === 'attachment' || /\.(pdf|docx?|xlsx?|wps|zip|rar|ofd|pptx?|et)$/i.test(new URL(p.url, snapshot.site.url).pathname),
      external: !isInternal(p.url, snapshot.site.url),
    });
  }
  return [...out.values()].sort((a, b) => a.url.localeCompare(b.url));
}

export function findSoftNotFound(snapshot: SiteSnapshot, index: PageIndex): { url: string; from?: string }[] {
  return snapshot.pages
    .filter((p) => p.softNotFound && !p.error)
    .map((p): { url: string; from?: string } => ({ url: p.url, from: index.linksTo(p.url)[0]?.from ?? p.discoveredFrom }))
    .concat(
      snapshot.events
        .filter((e) => e.type === 'soft-404' && !snapshot.pages.some((p) => p.softNotFound && urlKey(p.url) === urlKey(e.url)))
        .map((e) => ({ url: e.url })),
    );
}

export function collectEvents(snapshot: SiteSnapshot): SiteEvents {
  const tls = new Map<string, SiteEvents['tlsErrors'][number]>();
  for (const e of snapshot.events) {
    if (e.type !== 'tls-error') continue;
    let host = e.url;
    try {
      host = new URL(e.url).host;
    } catch {
      // keep the raw value
    }
    if (!tls.has(host)) tls.set(host, { url: e.url, host, detail: e.detail });
  }
  return {
    robotsBlocked: [...new Set(snapshot.events.filter((e) => e.type === 'blocked-by-robots').map((e) => e.url))],
    tlsErrors: [...tls.values()],
    encodingMismatches: snapshot.events.filter((e) => e.type === 'encoding-mismatch').map((e) => ({ url: e.url, detail: e.detail })),
  };
}
