// One crawler under test, in its own process so that CPU time and peak RSS belong to it alone.
//   node bench/crawl-run.mjs gongkai <url> <maxPages>
//   node bench/crawl-run.mjs crawlee <url> <maxPages>
//   node bench/crawl-run.mjs multi <port> <sites> <minDelayMs>
// Prints one JSON line: { pages, ms, cpuMs, peakRssMb, … }.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [mode, arg1, arg2, arg3] = process.argv.slice(2);
const HARD_LIMIT_MS = 10 * 60_000;
setTimeout(() => {
  console.error(`crawl-run ${mode}: hard time limit reached`);
  process.exit(2);
}, HARD_LIMIT_MS).unref();

const dist = new URL('../packages/crawler/dist/', import.meta.url);
let peakSampled = 0;
const sampler = setInterval(() => {
  peakSampled = Math.max(peakSampled, process.memoryUsage().rss);
}, 25);
sampler.unref();

function finish(result) {
  clearInterval(sampler);
  const peakRss = Math.max(peakSampled, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ ...result, peakRssMb: +(peakRss / 1048576).toFixed(1) }));
}

async function runGongkai(url, maxPages) {
  const { crawlSite } = await import(new URL('crawl.js', dist).href);
  const { createFetcher } = await import(new URL('fetch/index.js', dist).href);
  const fetcher = createFetcher({ allowPrivate: true, minDelayMs: 0, perHostConcurrency: 16, concurrency: 16, retries: 0 });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const snap = await crawlSite({ url }, {
    fetcher, concurrency: 16, maxPages, maxDepth: 4, maxListPages: 100, maxDurationMs: 5 * 60_000, probeSoft404: false,
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await fetcher.close();
  const items = snap.pages.reduce((s, p) => s + p.lists.reduce((t, l) => t + l.items.length, 0), 0);
  return { crawler: 'gongkai', pages: snap.pages.length, failed: snap.stats.pagesFailed, items, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function runCrawlee(url, maxPages) {
  const storage = mkdtempSync(join(tmpdir(), 'crawlee-bench-'));
  process.env.CRAWLEE_STORAGE_DIR = storage;
  process.env.CRAWLEE_LOG_LEVEL = 'WARNING';
  const { CheerioCrawler, Configuration, log } = await import('crawlee');
  log.setLevel(log.LEVELS.WARNING);
  let pages = 0;
  let failed = 0;
  let links = 0;
  const config = new Configuration({ persistStorage: false, storageClientOptions: { localDataDirectory: storage } });
  const crawler = new CheerioCrawler({
    minConcurrency: 16,
    maxConcurrency: 16,
    maxRequestRetries: 0,
    maxRequestsPerCrawl: maxPages,
    requestHandlerTimeoutSecs: 30,
    navigationTimeoutSecs: 30,
    async requestHandler({ $, enqueueLinks }) {
      pages++;
      // Comparable work: title and links (our crawler extracts far more per page).
      $('title').text();
      links += $('a[href]').length;
      await enqueueLinks({ strategy: 'same-hostname' });
    },
    failedRequestHandler() {
      failed++;
    },
  }, config);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await crawler.run([url]);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  rmSync(storage, { recursive: true, force: true });
  return { crawler: 'crawlee', pages: pages + failed, failed, links, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function runMulti(port, sites, minDelayMs) {
  const { crawlSite, createEventHub } = await import(new URL('crawl.js', dist).href);
  const { createFetcher } = await import(new URL('fetch/index.js', dist).href);
  const hub = createEventHub();
  const fetcher = createFetcher({ allowPrivate: true, minDelayMs, perHostConcurrency: 1, concurrency: 64, retries: 0, onEvent: hub.emit });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  let pages = 0;
  let failed = 0;
  // Many sites at once, one shared fetcher: per-host gates keep each server at ≤ 1 request per minDelayMs.
  const worker = async () => {
    while (next < sites) {
      const i = next++;
      const snap = await crawlSite({ url: `http://127.0.0.${i + 2}:${port}/` }, {
        fetcher, events: hub, concurrency: 2, maxPages: 100, maxDepth: 3, probeSoft404: false, maxDurationMs: 5 * 60_000,
      });
      pages += snap.pages.length;
      failed += snap.stats.pagesFailed;
    }
  };
  await Promise.all(Array.from({ length: Math.min(sites, 100) }, worker));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await fetcher.close();
  return { crawler: 'gongkai-multi', sites, pages, failed, ms, cpuMs: (cpu.user + cpu.system) / 1000, minDelayMs };
}

let result;
if (mode === 'gongkai') result = await runGongkai(arg1, Number(arg2));
else if (mode === 'crawlee') result = await runCrawlee(arg1, Number(arg2));
else if (mode === 'multi') result = await runMulti(Number(arg1), Number(arg2), Number(arg3));
else throw new Error(`unknown mode ${mode}`);
finish(result);
process.exit(0);
