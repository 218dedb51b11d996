/** Snapshots of the fixture sites (crawled once per test file) and a builder for hand-made snapshots. */
import type { AgencyLevel } from '@gongkai/core';
import type { FetchedPage, SiteSnapshot, CrawlEvent } from '../../src/snapshot.js';
import { crawlFixture } from './crawl-fixture.js';
import * as sites from '../../../../fixtures/sites/index.js';

export const AS_OF = sites.asOf;
type Name =
  | 'clean'
  | 'gbkHanweb'
  | 'trsStale'
  | 'variants'
  | 'lateReport'
  | 'missingBudget'
  | 'brokenLinks'
  | 'dualLate'
  | 'dualFields'
  | 'unanswered'
  | 'noChannel'
  | 'abandoned'
  | 'gkmlptCounty'
  | 'scriptDepartment';
const cache = new Map<Name, Promise<SiteSnapshot>>();

/** The fixture sites that meet every national requirement of their level: the false-positive controls. */
export const CLEAN_FIXTURES = ['clean', 'variants', 'gbkHanweb', 'gkmlptCounty', 'scriptDepartment'] as const;
const LEVEL: Partial<Record<Name, AgencyLevel>> = { gkmlptCounty: 'government' };

export function fixtureSnapshot(name: Name): Promise<SiteSnapshot> {
  let p = cache.get(name);
  if (!p) cache.set(name, (p = crawlFixture(sites[name], LEVEL[name] ?? 'department')));
  return p;
}

export const ORIGIN = 'http://www.hbj.example.gov.cn';

export function page(path: string, extra: Partial<FetchedPage> = {}): FetchedPage {
  const url = path.startsWith('http') ? path : `${ORIGIN}${path}`;
  return {
    url,
    finalUrl: url,
    status: 200,
    kind: 'html',
    bytes: 1000,
    timing: { startedAt: '2026-11-20T02:00:00.000Z', totalMs: 10 },
    redirects: [],
    depth: 1,
    meta: {},
    headings: [],
    links: [],
    lists: [],
    textLength: 800,
    ...extra,
  };
}

export function snapshot(pages: FetchedPage[], events: CrawlEvent[] = [], site: Partial<SiteSnapshot['site']> = {}): SiteSnapshot {
  return {
    version: 1,
    site: { url: `${ORIGIN}/`, level: 'department', ...site },
    home: pages.some((p) => p.url === `${ORIGIN}/`) ? `${ORIGIN}/` : undefined,
    startedAt: '2026-11-20T02:00:00.000Z',
    finishedAt: '2026-11-20T02:01:00.000Z',
    pages,
    events,
    stats: { pagesFetched: pages.length, pagesFailed: 0, bytes: 0, durationMs: 1, queuedLeft: 0 },
  };
}

/** A home page with one fresh dated list, so rules that need a reachable, up-to-date home can run. */
export function freshHome(extra: Partial<FetchedPage> = {}): FetchedPage {
  return page('/', {
    depth: 0,
    lists: [{ source: 'markup', items: [{ title: '市生态环境局召开工作推进会', url: `${ORIGIN}/gzdt/a.html`, date: '2026-11-18', dateSource: 'markup' }] }],
    ...extra,
  });
}
