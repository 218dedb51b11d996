export type * from './snapshot.js';
export * from './fetch/index.js';
export * from './extract/index.js';
export {
  crawlSite,
  snapshotToJson,
  snapshotFromJson,
  SnapshotFormatError,
  SNAPSHOT_VERSION,
  createEventHub,
  type EventHub,
  type CrawlOptions,
  type CrawlSiteOptions,
  type CrawlProgress,
  type FetcherFactory,
} from './crawl.js';
export * from './analysis/index.js';
export * from './rules/index.js';
