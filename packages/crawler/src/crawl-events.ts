/**
 * Fan-out for fetcher events. A fetcher takes one `onEvent` callback at creation, but one fetcher may serve many
 * sites at once (shared global concurrency), so each crawl subscribes and keeps the events of its own hosts.
 */
import type { CrawlEvent } from './snapshot.js';

/** An event and the owner (crawl id) of the request that caused it; undefined for requests nobody claimed. */
export type EventListener = (event: CrawlEvent, owner?: string) => void;

export interface EventHub {
  emit: EventListener;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit: (event, owner) => {
      for (const l of listeners) l(event, owner);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Keeps a site's events deduplicated (one per type and URL) and bounded in number. */
export class EventLog {
  readonly events: CrawlEvent[] = [];
  private readonly keys = new Set<string>();
  private dropped = 0;

  constructor(private readonly max = 5000) {}

  add(type: CrawlEvent['type'], url: string, detail?: Record<string, unknown>): void {
    this.push({ type, url, at: new Date().toISOString(), ...(detail ? { detail } : {}) });
  }

  push(event: CrawlEvent): void {
    const key = `${event.type}\u0000${event.url}`;
    if (this.keys.has(key)) return;
    if (this.events.length >= this.max) {
      this.dropped++;
      return;
    }
    this.keys.add(key);
    this.events.push(event);
  }

  has(type: CrawlEvent['type'], url: string): boolean {
    return this.keys.has(`${type}\u0000${url}`);
  }

  count(type: CrawlEvent['type']): number {
    let n = 0;
    for (const e of this.events) if (e.type === type) n++;
    return n;
  }

  get droppedCount(): number {
    return this.dropped;
  }
}
