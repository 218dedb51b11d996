import { afterEach, describe, expect, it } from 'vitest';
import { startBehaviourServer, type BehaviourServer } from '../../../../fixtures/server/index.mjs';
import type { Fetcher } from '../../src/fetch/index.js';
import { ofType, testFetcher } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function serve(options: Parameters<typeof startBehaviourServer>[0] = {}): Promise<BehaviourServer> {
  const s = await startBehaviourServer(options);
  cleanup.push(() => s.close());
  return s;
}
function fetcherFor(extra = {}) {
  const t = testFetcher(extra);
  cleanup.push(() => t.fetcher.close());
  return t;
}

describe('robots.txt', () => {
  it('fetches robots.txt once per origin, even for concurrent requests', async () => {
    const server = await serve({ crawlDelaySec: 0 });
    const { fetcher } = fetcherFor({ perHostConcurrency: 4 });
    await Promise.all(['/ok', '/page/1', '/page/2', '/page/3', '/page/4'].map((p) => fetcher.fetch({ url: server.url + p })));
    await fetcher.fetch({ url: server.url + '/page/5' });
    expect(server.hits('/robots.txt')).toBe(1);
  });

  it('reports a disallowed URL as blocked, with an event, and requests nothing', async () => {
    const server = await serve({ crawlDelaySec: 0 });
    const { fetcher, events } = fetcherFor();
    const r = await fetcher.fetch({ url: `${server.url}/private/secret.html` });
    expect(r.blockedByRobots).toBe(true);
    expect(r.error?.code).toBe('robots');
    expect(r.status).toBe(0);
    expect(server.hits('/private/secret.html')).toBe(0);
    const ev = ofType(events, 'blocked-by-robots');
    expect(ev).toHaveLength(1);
    expect(ev[0].url).toBe(`${server.url}/private/secret.html`);
    expect(await fetcher.isAllowed(`${server.url}/admin/x`)).toBe(false);
    expect(await fetcher.isAllowed(`${server.url}/private/open.html`)).toBe(true);
    expect(await fetcher.isAllowed(`${server.url}/ok`)).toBe(true);
  });

  it('exposes crawl-delay and sitemaps, and spaces requests by the crawl-delay', async () => {
    const server = await serve({ crawlDelaySec: 2 });
    const { fetcher, sleeps } = fetcherFor();
    const info = await fetcher.robotsInfo!(`${server.url}/ok`);
    expect(info.status).toBe('ok');
    expect(info.crawlDelaySec).toBe(2);
    expect(info.sitemaps).toEqual([`${server.url}/sitemap.xml`]);
    await fetcher.fetch({ url: `${server.url}/page/1` });
    await fetcher.fetch({ url: `${server.url}/page/2` });
    // The second page waits for the delay after the first one's start.
    expect(Math.max(...sleeps)).toBeGreaterThan(1500);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(2000);
  });

  it('caps an absurd crawl-delay', async () => {
    const server = await serve({ robotsTxt: 'User-agent: *\nCrawl-delay: 86400\n' });
    const { fetcher, sleeps } = fetcherFor({ maxCrawlDelayMs: 5000 });
    await fetcher.fetch({ url: `${server.url}/page/1` });
    await fetcher.fetch({ url: `${server.url}/page/2` });
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(5000);
    expect(Math.max(...sleeps)).toBeGreaterThan(4000);
  });

  it('cuts an oversized robots.txt instead of treating it as unreachable', async () => {
    const body = 'User-agent: *\nDisallow: /private/\n' + '# padding line for size\n'.repeat(30_000) + 'Disallow: /ok\n';
    const server = await serve({ robotsTxt: body });
    const { fetcher, events } = fetcherFor();
    expect(await fetcher.isAllowed(`${server.url}/private/x`)).toBe(false);
    // The rule past the cut is lost, the site is not blocked as a whole.
    expect(await fetcher.isAllowed(`${server.url}/ok`)).toBe(true);
    expect(ofType(events, 'robots-unreachable')).toHaveLength(0);
  });

  it('follows rules addressed to our user agent', async () => {
    const server = await serve({ robotsTxt: 'User-agent: gongkai\nDisallow: /\n\nUser-agent: *\nAllow: /\n' });
    const { fetcher } = fetcherFor();
    expect(await fetcher.isAllowed(`${server.url}/ok`)).toBe(false);
  });

  it('treats a 4xx robots.txt as allow-all', async () => {
    const server = await serve({ robotsTxt: null });
    const { fetcher, events } = fetcherFor();
    const r = await fetcher.fetch({ url: `${server.url}/private/secret.html` });
    expect(r.status).toBe(200);
    expect((await fetcher.robotsInfo!(server.url)).status).toBe('missing');
    expect(ofType(events, 'robots-unreachable')).toHaveLength(0);
  });

  it('treats a 5xx robots.txt as disallow-all and says so', async () => {
    const server = await serve({ robotsStatus: 503 });
    const { fetcher, events } = fetcherFor();
    const r = await fetcher.fetch({ url: `${server.url}/ok` });
    expect(r.blockedByRobots).toBe(true);
    expect(server.hits('/ok')).toBe(0);
    const ev = ofType(events, 'robots-unreachable');
    expect(ev).toHaveLength(1);
    expect(ev[0].detail?.status).toBe(503);
    expect(ofType(events, 'blocked-by-robots')[0].detail?.robots).toBe('unreachable');
  });

  it('treats a network failure on robots.txt as disallow-all', async () => {
    // A server that has gone away: its port now refuses connections.
    const gone = await startBehaviourServer({});
    await gone.close();
    const { fetcher, events } = fetcherFor();
    const r = await fetcher.fetch({ url: `${gone.url}/ok` });
    expect(r.blockedByRobots).toBe(true);
    expect(ofType(events, 'robots-unreachable')[0].detail?.error).toBe('connection-refused');
  });

  it('skips robots entirely with obeyRobots: false', async () => {
    const server = await serve({ robotsStatus: 500 });
    const { fetcher } = fetcherFor({ obeyRobots: false });
    const r = await fetcher.fetch({ url: `${server.url}/private/secret.html` });
    expect(r.status).toBe(200);
    expect(server.hits('/robots.txt')).toBe(0);
    expect(await fetcher.isAllowed(`${server.url}/private/x`)).toBe(true);
    expect((await fetcher.robotsInfo!(server.url)).status).toBe('ignored');
  });

  it('skipRobots requests go through without consulting robots.txt', async () => {
    const server = await serve({ robotsStatus: 500 });
    const { fetcher } = fetcherFor();
    const r = await (fetcher as Fetcher).fetch({ url: `${server.url}/ok`, skipRobots: true });
    expect(r.status).toBe(200);
    expect(server.hits('/robots.txt')).toBe(0);
  });
});
