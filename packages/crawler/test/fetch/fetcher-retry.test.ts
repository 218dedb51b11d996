import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBehaviourServer, type BehaviourServer } from '../../../../fixtures/server/index.mjs';
import type { Fetcher } from '../../src/fetch/index.js';
import { ofType, testFetcher } from './helpers.js';

let server: BehaviourServer;
const open: Fetcher[] = [];
beforeAll(async () => {
  server = await startBehaviourServer({ crawlDelaySec: 0 });
});
afterAll(() => server.close());
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
let keySeq = 0;
const key = () => `k${++keySeq}-${Math.random().toString(36).slice(2)}`;

function setup(extra = {}) {
  const t = testFetcher({ obeyRobots: false, ...extra });
  open.push(t.fetcher);
  return t;
}

describe('retries', () => {
  it('retries 5xx with exponential backoff and succeeds when the server recovers', async () => {
    const { fetcher, sleeps } = setup({ retries: 2, retryBaseMs: 1000 });
    const k = key();
    const r = await fetcher.fetch({ url: `${server.url}/flaky?key=${k}&fail=2&status=502` });
    expect(r.status).toBe(200);
    expect(r.attempts).toBe(3);
    expect(server.requests.filter((q) => q.url.includes(k))).toHaveLength(3);
    // Backoff: first wait in [500, 1000], second in [1000, 2000].
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(500);
    expect(sleeps[0]).toBeLessThanOrEqual(1000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1000);
    expect(sleeps[1]).toBeLessThanOrEqual(2000);
  });

  it('defaults to two retries and then returns the last 5xx', async () => {
    const { fetcher } = setup({ retries: undefined });
    const k = key();
    const r = await fetcher.fetch({ url: `${server.url}/flaky?key=${k}&fail=5&status=500` });
    expect(r.status).toBe(500);
    expect(r.attempts).toBe(3);
    expect(r.error).toBeUndefined();
  });

  it('retries a connection reset', async () => {
    const { fetcher } = setup({ retries: 1 });
    const r = await fetcher.fetch({ url: `${server.url}/flaky?key=${key()}&fail=1&status=1` });
    expect(r.status).toBe(200);
    expect(r.attempts).toBe(2);
  });

  it('classifies a reset that never recovers', async () => {
    const { fetcher } = setup({ retries: 0 });
    const r = await fetcher.fetch({ url: `${server.url}/reset` });
    expect(r.status).toBe(0);
    expect(r.error?.code).toBe('connection-reset');
  });

  it('does not retry 4xx', async () => {
    const { fetcher, sleeps } = setup({ retries: 2 });
    const r = await fetcher.fetch({ url: `${server.url}/status/404` });
    expect(r.status).toBe(404);
    expect(r.attempts).toBe(1);
    expect(sleeps).toHaveLength(0);
  });
});

describe('Retry-After', () => {
  it('waits the seconds a 429 asks for, host-wide', async () => {
    const { fetcher, sleeps } = setup({ retries: 2 });
    const r = await fetcher.fetch({ url: `${server.url}/429/seconds?key=${key()}&after=3` });
    expect(r.status).toBe(200);
    expect(r.attempts).toBe(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(2500);
    expect(sleeps[0]).toBeLessThanOrEqual(3000);
    // With an injected sleep no real time passed, so the host is still paused: another URL waits too.
    await fetcher.fetch({ url: `${server.url}/ok` });
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]).toBeGreaterThan(2500);
  });

  it('reads an HTTP-date Retry-After', async () => {
    const { fetcher, sleeps } = setup({ retries: 1 });
    const r = await fetcher.fetch({ url: `${server.url}/429/date?key=${key()}&after=5` });
    expect(r.status).toBe(200);
    // HTTP dates have whole-second precision.
    expect(sleeps[0]).toBeGreaterThan(3000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
  });

  it('caps Retry-After at maxRetryAfterMs', async () => {
    const { fetcher, sleeps } = setup({ retries: 1, maxRetryAfterMs: 1500 });
    await fetcher.fetch({ url: `${server.url}/429/seconds?key=${key()}&after=3600` });
    expect(sleeps[0]).toBeLessThanOrEqual(1500);
    expect(sleeps[0]).toBeGreaterThan(1000);
  });
});

describe('giving up on a host', () => {
  it('marks a host down after consecutive 5xx and stops requesting it', async () => {
    const s = await startBehaviourServer({ crawlDelaySec: 0 });
    try {
      const { fetcher, events } = setup({ retries: 2, maxConsecutiveFailures: 5 });
      const first = await fetcher.fetch({ url: `${s.url}/storm?status=500` });
      expect(first.status).toBe(500);
      const second = await fetcher.fetch({ url: `${s.url}/storm?status=502` });
      expect(second.status).toBe(502);
      expect(s.hits('/storm')).toBe(5);
      const down = ofType(events, 'down');
      expect(down).toHaveLength(1);
      expect(down[0].detail).toMatchObject({ failures: 5, lastStatus: 502 });
      const before = s.requests.length;
      const third = await fetcher.fetch({ url: `${s.url}/ok` });
      expect(third.error?.code).toBe('host-down');
      expect(s.requests.length).toBe(before);
      expect(ofType(events, 'down')).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it('says throttled when the failures were 429/503', async () => {
    const s = await startBehaviourServer({ crawlDelaySec: 0 });
    try {
      const { fetcher, events } = setup({ retries: 2, maxConsecutiveFailures: 3 });
      const r = await fetcher.fetch({ url: `${s.url}/429/always?after=1` });
      expect(r.status).toBe(429);
      expect(ofType(events, 'throttled')).toHaveLength(1);
      expect(ofType(events, 'down')).toHaveLength(0);
      const next = await fetcher.fetch({ url: `${s.url}/ok` });
      expect(next.error?.code).toBe('host-down');
      expect(next.error?.message).toMatch(/429/);
    } finally {
      await s.close();
    }
  });

  it('a success resets the count', async () => {
    const s = await startBehaviourServer({ crawlDelaySec: 0 });
    try {
      const { fetcher, events } = setup({ retries: 0, maxConsecutiveFailures: 2 });
      await fetcher.fetch({ url: `${s.url}/status/500` });
      await fetcher.fetch({ url: `${s.url}/ok` });
      await fetcher.fetch({ url: `${s.url}/status/500` });
      const r = await fetcher.fetch({ url: `${s.url}/ok` });
      expect(r.status).toBe(200);
      expect(ofType(events, 'down')).toHaveLength(0);
    } finally {
      await s.close();
    }
  });
});

describe('timeouts', () => {
  it('gives up on a connection that is not established in time', async () => {
    // The pre-check resolves at once; the connect-time lookup stalls, which is what a dead route looks like.
    let calls = 0;
    const stalling = (hostname: string) =>
      ++calls === 1
        ? Promise.resolve(['127.0.0.1'])
        : new Promise<string[]>((resolve) => setTimeout(() => resolve(['127.0.0.1']), 3000).unref());
    const { fetcher } = setup({ resolveHost: stalling, timeouts: { connectMs: 300, headersMs: 2000, bodyMs: 2000 } });
    const r = await fetcher.fetch({ url: `http://slow-route.test:${server.port}/ok` });
    expect(r.error?.code).toBe('timeout-connect');
    expect(r.status).toBe(0);
  });

  it('gives up on headers that never come', async () => {
    const { fetcher } = setup({ timeouts: { headersMs: 300, bodyMs: 2000, connectMs: 2000 } });
    const r = await fetcher.fetch({ url: `${server.url}/hang` });
    expect(r.error?.code).toBe('timeout-headers');
    expect(r.status).toBe(0);
  });

  it('gives up on a body that drips past the whole-body deadline', async () => {
    const { fetcher } = setup({ timeouts: { headersMs: 2000, bodyMs: 400, connectMs: 2000 } });
    const r = await fetcher.fetch({ url: `${server.url}/slow-body?chunks=50&interval=100` });
    expect(r.error?.code).toBe('timeout-body');
    expect(r.status).toBe(200);
  });

  it('close() does not wait for a hanging server', async () => {
    const t = testFetcher({ obeyRobots: false, timeouts: { headersMs: 20_000, bodyMs: 20_000, connectMs: 2000 } });
    const pending = t.fetcher.fetch({ url: `${server.url}/hang` });
    await new Promise((r) => setTimeout(r, 100));
    await t.fetcher.close();
    const r = await pending;
    expect(r.status).toBe(0);
    expect(r.error).toBeDefined();
    const after = await t.fetcher.fetch({ url: `${server.url}/ok` });
    expect(after.error?.message).toMatch(/closed/);
  });

  it('retries a timeout', async () => {
    const { fetcher } = setup({ retries: 1, timeouts: { headersMs: 200, bodyMs: 2000, connectMs: 2000 } });
    const before = server.hits('/hang');
    const r = await fetcher.fetch({ url: `${server.url}/hang` });
    expect(r.error?.code).toBe('timeout-headers');
    expect(r.attempts).toBe(2);
    expect(server.hits('/hang') - before).toBe(2);
  });
});
