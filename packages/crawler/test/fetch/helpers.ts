import type { CrawlEvent } from '../../src/snapshot.js';
import { createFetcher, type Fetcher, type FetcherOptions } from '../../src/fetch/index.js';

/** A fetcher for 127.0.0.1 tests: no politeness floor, fast timeouts, no real sleeping, events collected. */
export function testFetcher(extra: FetcherOptions = {}): { fetcher: Fetcher; events: CrawlEvent[]; sleeps: number[] } {
  const events: CrawlEvent[] = [];
  const sleeps: number[] = [];
  const fetcher = createFetcher({
    allowPrivate: true,
    minDelayMs: 0,
    adaptiveDelay: false,
    retries: 0,
    timeouts: { connectMs: 2000, headersMs: 2000, bodyMs: 5000 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { fetcher, events, sleeps };
}

export const ofType = (events: CrawlEvent[], type: CrawlEvent['type']) => events.filter((e) => e.type === type);
