/**
 * Lookups over a snapshot's pages: by URL (requested or final, normalised), and who links to whom.
 */
import type { FetchedPage, Link, SiteSnapshot } from '../snapshot.js';
import { urlKey } from './text.js';

export interface Inbound {
  from: string;
  text: string;
  area?: Link['area'];
}

export class PageIndex {
  readonly pages: FetchedPage[];
  private readonly byKey = new Map<string, FetchedPage>();
  private readonly inbound = new Map<string, Inbound[]>();

  constructor(snapshot: SiteSnapshot) {
    this.pages = snapshot.pages;
    for (const p of snapshot.pages) {
      // A successful fetch wins over a failed duplicate of the same URL.
      for (const u of [p.url, p.finalUrl]) {
        if (!u) continue;
        const k = urlKey(u);
        const prev = this.byKey.get(k);
        if (!prev || (!ok(prev) && ok(p))) this.byKey.set(k, p);
      }
      for (const l of p.links) {
        const k = urlKey(l.url);
        let list = this.inbound.get(k);
        if (!list) this.inbound.set(k, (list = []));
        list.push({ from: p.finalUrl || p.url, text: l.text, area: l.area });
      }
    }
  }

  get(url: string | undefined): FetchedPage | undefined {
    return url ? this.byKey.get(urlKey(url)) : undefined;
  }

  linksTo(url: string): Inbound[] {
    return this.inbound.get(urlKey(url)) ?? [];
  }
}

/** Opened with a usable answer. */
export function ok(p: FetchedPage): boolean {
  return !p.error && p.status >= 200 && p.status < 400 && !p.softNotFound;
}
