import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fetcher } from '../../src/fetch/index.js';
import { testFetcher } from './helpers.js';

const CONCURRENT = 20;
let server: Server | undefined;
let fetcher: Fetcher | undefined;

afterEach(async () => {
  await fetcher?.close();
  fetcher = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/**
 * Holds every response until `count` requests are open at once, so the requests really are concurrent, then
 * answers them all.
 */
function holdingServer(count: number): Promise<{ url: string; peak: () => number }> {
  const held: ServerResponse[] = [];
  let open = 0;
  let peak = 0;
  server = createServer((req, res) => {
    open++;
    peak = Math.max(peak, open);
    res.on('close', () => open--);
    held.push(res);
    if (held.length >= count) {
      for (const r of held.splice(0)) r.end(`<html><body><p>${req.url}</p></body></html>`);
    }
  });
  server.keepAliveTimeout = 100;
  return new Promise((resolve) =>
    server!.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, peak: () => peak })),
  );
}

describe('abort listeners under concurrency', () => {
  it(`runs ${CONCURRENT} requests at once through one fetcher without a MaxListenersExceededWarning`, async () => {
    const { url, peak } = await holdingServer(CONCURRENT);
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const t = testFetcher({ obeyRobots: false, concurrency: CONCURRENT, perHostConcurrency: CONCURRENT });
      fetcher = t.fetcher;
      const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => t.fetcher.fetch({ url: `${url}/p${i}` })));
      expect(results.map((r) => r.status)).toEqual(Array(CONCURRENT).fill(200));
      expect(results[7].text).toContain('/p');
      expect(peak()).toBe(CONCURRENT);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message)).toEqual([]);
  });

  it('close() still aborts every request in flight', async () => {
    // Never answers: only close() can end these requests.
    server = createServer(() => undefined);
    const url = await new Promise<string>((resolve) =>
      server!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`)),
    );
    const t = testFetcher({ obeyRobots: false, concurrency: 12, perHostConcurrency: 12, timeouts: { connectMs: 30_000, headersMs: 30_000, bodyMs: 30_000 } });
    const pending = Array.from({ length: 12 }, (_, i) => t.fetcher.fetch({ url: `${url}/hang${i}` }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.fetcher.close();
    const results = await Promise.all(pending);
    for (const r of results) {
      expect(r.status).toBe(0);
      expect(r.error).toBeDefined();
    }
    server.closeAllConnections();
  });
});
