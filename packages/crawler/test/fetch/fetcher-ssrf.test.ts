import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBehaviourServer, type BehaviourServer } from '../../../../fixtures/server/index.mjs';
import { ofType, testFetcher } from './helpers.js';

let server: BehaviourServer;
beforeAll(async () => {
  server = await startBehaviourServer({ crawlDelaySec: 0 });
});
afterAll(() => server.close());

describe('SSRF guard in the fetcher', () => {
  it('refuses loopback, private and metadata addresses unless allowPrivate', async () => {
    const { fetcher, events } = testFetcher({ allowPrivate: false });
    try {
      for (const url of [`${server.url}/ok`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://100.64.1.1/', 'http://[fd00::1]/', 'http://0.0.0.0/']) {
        const r = await fetcher.fetch({ url });
        expect(r.error?.code, url).toBe('ssrf-blocked');
      }
      expect(server.hits('/ok')).toBe(0);
      expect(server.hits('/robots.txt')).toBe(0);
      expect(ofType(events, 'ssrf-blocked')).toHaveLength(6);
    } finally {
      await fetcher.close();
    }
  });

  it('refuses other schemes and credentials even with allowPrivate', async () => {
    const { fetcher } = testFetcher({ allowPrivate: true });
    try {
      expect((await fetcher.fetch({ url: 'file:///etc/passwd' })).error?.code).toBe('ssrf-blocked');
      expect((await fetcher.fetch({ url: 'ftp://127.0.0.1/' })).error?.code).toBe('ssrf-blocked');
      expect((await fetcher.fetch({ url: `http://admin:pw@127.0.0.1:${server.port}/ok` })).error?.code).toBe('ssrf-blocked');
    } finally {
      await fetcher.close();
    }
  });

  it('refuses names that resolve to private addresses', async () => {
    const { fetcher } = testFetcher({ allowPrivate: false, resolveHost: async () => ['192.168.0.10'] });
    try {
      const r = await fetcher.fetch({ url: 'http://intranet.example.gov.cn/' });
      expect(r.error?.code).toBe('ssrf-blocked');
      expect(r.error?.message).toContain('192.168.0.10');
    } finally {
      await fetcher.close();
    }
  });

  it('checks again at connect time, so DNS rebinding is caught', async () => {
    // First answer public (passes the pre-check), every later answer loopback (what the socket would use).
    let calls = 0;
    const rebinding = async () => (++calls === 1 ? ['93.184.216.34'] : ['127.0.0.1']);
    const { fetcher, events } = testFetcher({ allowPrivate: false, obeyRobots: false, resolveHost: rebinding });
    try {
      const r = await fetcher.fetch({ url: `http://rebind.test:${server.port}/ok` });
      expect(r.error?.code).toBe('ssrf-blocked');
      expect(ofType(events, 'ssrf-blocked')[0].detail?.stage).toBe('connect');
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(server.hits('/ok')).toBe(0);
    } finally {
      await fetcher.close();
    }
  });
});
