import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBehaviourServer, type BehaviourServer } from '../../../../fixtures/server/index.mjs';
import { createFetcher, type Fetcher } from '../../src/fetch/index.js';
import { testFetcher } from './helpers.js';

let server: BehaviourServer;
const open: Fetcher[] = [];
beforeAll(async () => {
  server = await startBehaviourServer({ crawlDelaySec: 0 });
});
afterAll(() => server.close());
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
let seq = 0;
const group = () => `g${++seq}`;

/** Made-up agency hostnames all served by the one 127.0.0.1 server, as on a 集约化 platform. */
const platform = async (hostname: string) => {
  if (!hostname.endsWith('.test')) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return ['127.0.0.1'];
};

describe('politeness', () => {
  it('keeps at most perHostConcurrency requests in flight per host (default 2)', async () => {
    const t = testFetcher({ obeyRobots: false });
    open.push(t.fetcher);
    const g = group();
    await Promise.all(Array.from({ length: 6 }, (_, i) => t.fetcher.fetch({ url: `${server.url}/track?group=${g}&ms=150&i=${i}` })));
    expect(server.maxInFlight(g)).toBe(2);
  });

  it('respects a configured per-host concurrency', async () => {
    const t = testFetcher({ obeyRobots: false, perHostConcurrency: 3 });
    open.push(t.fetcher);
    const g = group();
    await Promise.all(Array.from({ length: 7 }, (_, i) => t.fetcher.fetch({ url: `${server.url}/track?group=${g}&ms=150&i=${i}` })));
    expect(server.maxInFlight(g)).toBe(3);
  });

  it('makes hosts that resolve to the same IP share one gate', async () => {
    const t = testFetcher({ obeyRobots: false, perHostConcurrency: 1, resolveHost: platform });
    open.push(t.fetcher);
    const g = group();
    const hosts = ['a.test', 'b.test', 'c.test'];
    const results = await Promise.all(
      hosts.map((h, i) => t.fetcher.fetch({ url: `http://${h}:${server.port}/track?group=${g}&ms=150&i=${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(server.maxInFlight(g)).toBe(1);
  });

  it('bounds total concurrency across servers', async () => {
    const other = await startBehaviourServer({ crawlDelaySec: 0 });
    try {
      const t = testFetcher({ obeyRobots: false, perHostConcurrency: 4, concurrency: 1 });
      open.push(t.fetcher);
      const g = group();
      await Promise.all([
        t.fetcher.fetch({ url: `${server.url}/track?group=${g}&ms=150&i=1` }),
        t.fetcher.fetch({ url: `${server.url}/track?group=${g}&ms=150&i=2` }),
      ]);
      expect(server.maxInFlight(g)).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('spaces request starts by minDelayMs (default 1 s)', async () => {
    const sleeps: number[] = [];
    const fetcher = createFetcher({ allowPrivate: true, obeyRobots: false, adaptiveDelay: false, sleep: async (ms) => void sleeps.push(ms) });
    open.push(fetcher);
    for (let i = 0; i < 3; i++) await fetcher.fetch({ url: `${server.url}/page/${i}` });
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThan(800);
    expect(sleeps[0]).toBeLessThanOrEqual(1000);
    // Reservations accumulate when no real time passes: the third start is two delays after the first.
    expect(sleeps[1]).toBeGreaterThan(1800);
  });

  it('adapts the delay to the server\'s response time', async () => {
    const t = testFetcher({ obeyRobots: false, adaptiveDelay: true });
    open.push(t.fetcher);
    await t.fetcher.fetch({ url: `${server.url}/track?group=${group()}&ms=300` });
    await t.fetcher.fetch({ url: `${server.url}/ok` });
    expect(t.sleeps).toHaveLength(1);
    expect(t.sleeps[0]).toBeGreaterThan(250);
  });

  it('uses the injected resolver and reports unknown hosts as dns errors', async () => {
    const t = testFetcher({ obeyRobots: false, resolveHost: platform });
    open.push(t.fetcher);
    const r = await t.fetcher.fetch({ url: `http://nowhere.invalid:${server.port}/ok` });
    expect(r.error?.code).toBe('dns');
  });
});
