/**
 * Site isolation: two sites on one address (one origin, as on a shared 集约化 platform) crawled at the same time
 * through one shared fetcher. Each event belongs to the crawl whose request caused it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher } from '../../src/fetch/index.js';
import { crawlSite, createEventHub } from '../../src/crawl.js';
import { analyzeSite } from '../../src/analysis/index.js';
import type { CrawlEvent } from '../../src/snapshot.js';

let server: Server;
let base = '';

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const ROUTES: Record<string, string> = {
  '/robots.txt': 'User-agent: *\nDisallow: /a/private/\n',
  '/a/index.html': page('甲局', '<div class="nav"><a href="/a/gzdt/index.html">工作动态</a><a href="/a/private/x.html">内部通知</a><a href="/a/private/y.html">内部文件</a></div>'),
  '/a/gzdt/index.html': page('工作动态', '<ul><li><a href="/a/gzdt/1.html">甲局召开工作推进会议部署下阶段重点任务</a><span>2026-11-10</span></li></ul>'),
  '/b/index.html': page('乙局', '<div class="nav"><a href="/b/gzdt/index.html">工作动态</a></div>'),
  '/b/gzdt/index.html': page('工作动态', '<ul><li><a href="/b/gzdt/1.html">乙局开展专项检查工作并通报检查结果</a><span>2026-11-12</span></li></ul>'),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body = ROUTES[path];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('404', '页面不存在'));
      return;
    }
    const type = path.endsWith('.txt') ? 'text/plain' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const blocked = (events: CrawlEvent[]) => events.filter((e) => e.type === 'blocked-by-robots').map((e) => e.url).sort();

describe('two sites on one address, crawled together through one fetcher', () => {
  test('robots-blocked paths of one site never appear in the other site\'s snapshot or analysis', async () => {
    const hub = createEventHub();
    const fetcher = createFetcher({ allowPrivate: true, minDelayMs: 0, retries: 0, onEvent: hub.emit });
    const seenByB: CrawlEvent[] = [];
    try {
      const opts = { fetcher, events: hub, now: new Date('2026-11-20T10:00:00+08:00'), probeSoft404: false };
      const [a, b] = await Promise.all([
        crawlSite({ url: `${base}/a/index.html`, name: '甲局' }, opts),
        crawlSite({ url: `${base}/b/index.html`, name: '乙局' }, { ...opts, onEvent: (e) => seenByB.push(e) }),
      ]);
      expect(blocked(a.events)).toEqual([`${base}/a/private/x.html`, `${base}/a/private/y.html`]);
      expect(blocked(b.events)).toEqual([]);
      expect(seenByB.filter((e) => e.type === 'blocked-by-robots')).toEqual([]);
      expect(analyzeSite(b, { asOf: '2026-11-20' }).events.robotsBlocked).toEqual([]);
      expect(analyzeSite(a, { asOf: '2026-11-20' }).events.robotsBlocked).toHaveLength(2);
      expect(b.pages.some((p) => p.url.includes('/a/'))).toBe(false);
    } finally {
      await fetcher.close();
    }
  });

  test('the fetcher reports each event with the owner of the request that caused it', async () => {
    const got: { type: string; owner?: string }[] = [];
    const fetcher = createFetcher({ allowPrivate: true, minDelayMs: 0, retries: 0, onEvent: (e, owner) => got.push({ type: e.type, owner }) });
    try {
      await fetcher.fetch({ url: `${base}/a/private/z.html`, owner: 'site-a' });
      await fetcher.fetch({ url: `${base}/a/private/w.html` });
      expect(got).toEqual([
        { type: 'blocked-by-robots', owner: 'site-a' },
        { type: 'blocked-by-robots', owner: undefined },
      ]);
    } finally {
      await fetcher.close();
    }
  });
});
