/**
 * Builds a snapshot of a fixture site by running the real crawler against it on 127.0.0.1.
 */
import { crawlSite, type CrawlOptions } from '../../src/crawl.js';
import { createFetcher } from '../../src/fetch/index.js';
import type { AgencyLevel } from '@gongkai/core';
import type { SiteSnapshot } from '../../src/snapshot.js';
import { serveSites } from '../../../../fixtures/sites/serve.js';
import type { FixtureSite } from '../../../../fixtures/sites/serve.js';

export async function crawlFixture(
  site: FixtureSite,
  level: AgencyLevel = 'department',
  name = '某市生态环境局',
  options: Partial<CrawlOptions> = {},
): Promise<SiteSnapshot> {
  const server = await serveSites({ site });
  try {
    return await crawlSite(
      { url: server.siteUrl('site'), name, level },
      {
        fetcher: (onEvent) => createFetcher({ allowPrivate: true, minDelayMs: 0, retries: 0, onEvent }),
        maxPages: 300,
        now: new Date('2026-11-20T10:00:00+08:00'),
        ...options,
      },
    );
  } finally {
    await server.close();
  }
}
