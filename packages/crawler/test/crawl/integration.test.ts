/** The crawl loop with the real fetcher against a node:http server on 127.0.0.1. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher } from '../../src/fetch/index.js';
import { crawlSite, createEventHub } from '../../src/crawl.js';

let server: Server;
let base = '';
const hits = new Map<string, number>();

function html(title: string, body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

function route(path: string): { status: number; type: string; body: string; headers?: Record<string, string> } | undefined {
  switch (path) {
    case '/robots.txt':
      return { status: 200, type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' };
    case '/':
      return { status: 200, type: 'text/html; charset=utf-8', body: '<meta http-equiv="refresh" content="0;url=/index.html">' };
    case '/index.html':
      return {
        status: 200, type: 'text/html; charset=utf-8',
        body: html('某某县人民政府', `<div class="nav"><a href="/zwgk/tzgg/index.shtml">通知公告</a><a href="/private/x.html">内部</a>
          <a href="/old">旧栏目</a></div><a href="/files/2025nb.pdf">2025年年报</a><a href="/missing.html">已删除页面</a>`),
      };
    case '/old':
      return { status: 301, type: 'text/html', body: '', headers: { location: '/zwgk/tzgg/index.shtml' } };
    case '/files/2025nb.pdf':
      return { status: 200, type: 'application/pdf', body: '%PDF-1.7\n' + 'x'.repeat(2000) };
    case '/private/x.html':
      return { status: 200, type: 'text/html', body: html('内部', 'secret') };
  }
  const m = /^\/zwgk\/tzgg\/index(?:_(\d+))?\.shtml$/.exec(path);
  if (m) {
    const p = Number(m[1] ?? 0);
    const items = [0, 1].map((k) => {
      const n = p * 2 + k + 1;
      // Only the first item carries a date; the others must be dated from their detail pages.
      const date = n === 1 ? '<span>2026-02-20</span>' : '';
      return `<li><a href="/zwgk/tzgg/a${n}.html">县政府关于第${n}项工作的通知</a>${date}</li>`;
    }).join('');
    return { status: 200, type: 'text/html; charset=utf-8', body: html('通知公告', `<ul>${items}</ul><script>createPageHTML(6, ${p}, "index", "shtml");</script>`) };
  }
  const a = /^\/zwgk\/tzgg\/a(\d+)\.html$/.exec(path);
  if (a) {
    return {
      status: 200, type: 'text/html; charset=utf-8',
      body: html(`通知${a[1]}`, `<div class="TRS_Editor">正文${a[1]}</div>`, `<meta name="PubDate" content="2026-02-${String(20 - Number(a[1])).padStart(2, '0')} 09:00">`),
    };
  }
  return undefined;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const r = route(path);
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html('404', '页面不存在'));
      return;
    }
    res.writeHead(r.status, { 'content-type': r.type, 'content-length': Buffer.byteLength(r.body), ...(r.headers ?? {}) });
    res.end(req.method === 'HEAD' ? undefined : r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('crawlSite with the real fetcher', () => {
  test('meta refresh, robots, attachments, TRS pagination, detail dates, redirects', async () => {
    const hub = createEventHub();
    const fetcher = createFetcher({ allowPrivate: true, minDelayMs: 0, retries: 0, onEvent: hub.emit });
    try {
      const snap = await crawlSite({ url: `${base}/`, name: '某某县人民政府' }, {
        fetcher, events: hub, now: new Date('2026-03-01T00:00:00Z'), maxDepth: 2,
      });
      expect(snap.home).toBe(`${base}/index.html`);
      expect(snap.events).toContainEqual(expect.objectContaining({ type: 'blocked-by-robots', url: `${base}/private/x.html` }));
      expect(hits.get('/private/x.html')).toBeUndefined();

      const pdf = snap.pages.find((p) => p.url === `${base}/files/2025nb.pdf`)!;
      expect(pdf).toMatchObject({ kind: 'attachment', status: 200 });

      const col = snap.pages.find((p) => p.url === `${base}/zwgk/tzgg/index.shtml`)!;
      const list = col.lists[0];
      expect(list).toMatchObject({ source: 'trs', pages: 6 });
      expect(list.items).toHaveLength(6);
      expect(list.items[0]).toMatchObject({ date: '2026-02-20', dateSource: 'markup' });
      expect(list.items.slice(1, 4).map((i) => [i.date, i.dateSource])).toEqual([
        ['2026-02-18', 'detail-meta'], ['2026-02-17', 'detail-meta'], ['2026-02-16', 'detail-meta'],
      ]);
      expect(hits.get('/zwgk/tzgg/index_3.shtml')).toBeUndefined();

      const missing = snap.pages.find((p) => p.url === `${base}/missing.html`)!;
      expect(missing.status).toBe(404);
      // /old redirects to the column already crawled: recorded with its redirect chain, not crawled twice.
      const old = snap.pages.find((p) => p.url === `${base}/old`)!;
      expect(old.redirects[0]?.status).toBe(301);
      expect(old.lists).toEqual([]);
      expect(snap.pages.filter((p) => p.paginationOf === `${base}/old`)).toEqual([]);
      expect(snap.stats.pagesFetched).toBe(snap.pages.length);
      expect(snap.stats.bytes).toBeGreaterThan(0);
    } finally {
      await fetcher.close();
    }
  });
});
