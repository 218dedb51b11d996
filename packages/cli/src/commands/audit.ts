import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import pLimit from 'p-limit';
import {
  checkSubject,
  errorLine,
  escapeControl,
  exitCodeFor,
  failedTarget,
  GongkaiError,
  isGongkaiError,
  t,
  stylishSummary,
  stylishTargets,
  type RunResult,
  type TargetResult,
} from '@gongkai/core';
import {
  auditSnapshot,
  crawlSite,
  createEventHub,
  createFetcher,
  snapshotFromJson,
  snapshotToJson,
  type Fetcher,
  type SiteSnapshot,
} from '@gongkai/crawler';
import { loadReport, reportSubject } from '@gongkai/report';
import { makeContext, type CommonOptions, type RunContext } from '../run-context.js';
import { checkNumber, type NumberRange } from '../options.js';
import { announceDir, checkOutputPath, emit, writeOut } from '../output.js';
import { readSitesFile, type SiteEntry } from '../sites-file.js';
import { VERSION } from '../version.js';
import type { Io } from '../io.js';
import { ProgressBar } from '../progress.js';

export interface AuditOptions extends CommonOptions {
  sites?: string;
  maxPages?: string;
  maxDepth?: string;
  concurrency?: string;
  perHost?: string;
  delay?: string;
  timeout?: string;
  userAgent?: string;
  allowHost?: string[];
  ignoreRobots?: boolean;
  strictTls?: boolean;
  allowPrivate?: boolean;
  checkExternal?: boolean;
  dumpSnapshot?: string;
  replay?: string;
  budget?: string;
}

/**
 * A snapshot holds extracted links and lists, not page bodies: a 500-page crawl writes a few MB. Parsed JSON takes
 * several times its text in memory, so this keeps a replay well inside the memory a run may use.
 */
const MAX_SNAPSHOT_BYTES = 100 * 1024 * 1024;

/** How many sites are crawled at once; the fetcher's global and per-host limits still bound the requests. */
const SITES_AT_ONCE = 4;

function siteEntries(urls: string[], opts: AuditOptions): SiteEntry[] {
  const out: SiteEntry[] = urls.map((u) => {
    const url = /^[a-z]+:\/\//i.test(u) ? u : `http://${u}`;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new GongkaiError('cli/bad-url', { zh: `无效的网址：${u}`, en: `invalid URL: ${u}` });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new GongkaiError('cli/bad-url', { zh: `只能审计 http/https 网址：${u}`, en: `only http/https URLs can be audited: ${u}` });
    }
    return { url };
  });
  if (opts.sites) out.push(...readSitesFile(resolve(opts.sites)));
  return out;
}

export async function auditCommand(urls: string[], opts: AuditOptions, io: Io): Promise<number> {
  const ctx = makeContext(opts, io.locale);
  const crawlCfg = (ctx.config.user.crawl ?? {}) as Record<string, unknown>;
  const num = (flag: string, v: string | undefined, fallback: unknown, range: NumberRange) => checkNumber(flag, v, range) ?? (fallback as number | undefined);
  const count = { positive: true, integer: true };
  const maxPages = num('--max-pages', opts.maxPages, crawlCfg.maxPages, count);
  // Depth 0 is the home page alone, and no delay is a valid (if impolite) choice for one's own server.
  const maxDepth = num('--max-depth', opts.maxDepth, crawlCfg.maxDepth, { nonNegative: true, integer: true });
  const concurrency = num('--concurrency', opts.concurrency, crawlCfg.concurrency, count);
  const perHost = num('--per-host', opts.perHost, crawlCfg.perHostConcurrency, count);
  const delay = num('--delay', opts.delay, crawlCfg.delayMs, { nonNegative: true });
  const timeout = num('--timeout', opts.timeout, crawlCfg.timeoutMs, { positive: true });
  const budget = checkNumber('--budget', opts.budget, { positive: true });
  const checkExternal = opts.checkExternal ?? (crawlCfg.checkExternal as boolean | undefined) ?? false;

  const results: TargetResult[] = [];
  const run: RunResult = { tool: { name: 'gongkai', version: VERSION }, results };

  if (opts.replay) {
    const snapshot = readSnapshot(opts.replay);
    try {
      results.push(await assess(snapshot, { level: ctx.level }, ctx, checkExternal, undefined));
    } catch (e) {
      // The snapshot passed the shape checks but a record in it is still not what the crawler writes.
      if (isGongkaiError(e) || !(e instanceof TypeError)) throw e;
      if (opts.debug) io.stderr(`${e.stack}\n`);
      throw badSnapshot(opts.replay, e.message.split('\n')[0]!);
    }
    await emit(run, ctx.outputs, ctx.format, io.stdout, announceDir(io.stderr, ctx.locale));
    return exitCodeFor(results, ctx.policy);
  }

  const sites = siteEntries(urls, opts);
  if (!sites.length) throw new GongkaiError('cli/no-urls', { zh: t('cli.noUrls', 'zh-CN'), en: t('cli.noUrls', 'en') });
  if (opts.dumpSnapshot) checkOutputPath(opts.dumpSnapshot);
  if (opts.dumpSnapshot && sites.length > 1) {
    throw new GongkaiError('cli/dump-one', { zh: '--dump-snapshot 只能用于单个站点', en: '--dump-snapshot works with one site only' });
  }

  const hub = createEventHub();
  const fetcher: Fetcher = createFetcher({
    userAgent: opts.userAgent ?? (crawlCfg.userAgent as string | undefined),
    concurrency: concurrency ?? 16,
    perHostConcurrency: perHost ?? 2,
    minDelayMs: delay ?? 1000,
    timeouts: timeout ? { headersMs: timeout } : undefined,
    obeyRobots: !(opts.ignoreRobots ?? crawlCfg.ignoreRobots === true),
    strictTls: opts.strictTls === true,
    allowPrivate: opts.allowPrivate === true,
    onEvent: hub.emit,
  });
  const deadline = budget ? Date.now() + budget * 1000 : undefined;
  const controller = new AbortController();
  const timer = deadline ? setTimeout(() => controller.abort(), budget! * 1000) : undefined;
  const progress = !opts.quiet && io.isTTY && !process.env.CI ? new ProgressBar(io, sites.length) : undefined;
  const limit = pLimit(SITES_AT_ONCE);
  const multi = sites.length > 1;
  const streamStylish = multi && ctx.outputs.some((o) => o.name === 'stylish' && !o.path);

  try {
    await Promise.all(
      sites.map((site, index) =>
        limit(async () => {
          let result: TargetResult;
          if (controller.signal.aborted) {
            result = failedTarget(site.url, 'site', 'audit/budget', ctx.locale === 'en' ? 'not audited: the time budget ran out' : '未审计：超出总时间预算');
          } else {
            try {
              const snapshot = await crawlSite(
                { url: site.url, name: site.name, level: site.level ?? ctx.level, region: site.region },
                {
                  fetcher,
                  events: hub,
                  maxPages,
                  maxDepth,
                  allowedHosts: opts.allowHost ?? (crawlCfg.allowHosts as string[] | undefined),
                  signal: controller.signal,
                  // Dates shown without a year (MM-DD) are read relative to the check date, not the wall clock.
                  now: new Date(`${ctx.asOf}T12:00:00+08:00`),
                  onProgress: progress ? (p) => progress.site(index, p) : undefined,
                },
              );
              if (opts.dumpSnapshot) writeOut(opts.dumpSnapshot, snapshotToJson(snapshot, true), announceDir(io.stderr, ctx.locale));
              result = await assess(snapshot, site, ctx, checkExternal, fetcher);
            } catch (e) {
              if (opts.debug && !isGongkaiError(e)) io.stderr(`${(e as Error).stack}\n`);
              result = failedTarget(site.url, 'site', isGongkaiError(e) ? e.code : 'audit/failed', errorLine(e, ctx.locale));
            }
          }
          if (site.name) result.name = site.name;
          results[index] = result;
          progress?.done(index);
          // Results stream: each finished site goes to the terminal at once and the file outputs are rewritten, so
          // a long multi-site audit that is interrupted keeps what it has.
          if (multi) {
            if (streamStylish) {
              progress?.clear();
              io.stdout(stylishTargets([result], ctx.format));
            }
            await emit({ ...run, results: results.filter(Boolean) }, ctx.outputs.filter((o) => o.path), ctx.format, io.stdout, announceDir(io.stderr, ctx.locale));
          }
        }),
      ),
    );
  } finally {
    if (timer) clearTimeout(timer);
    progress?.stop();
    await fetcher.close();
  }

  const finalOutputs = streamStylish ? ctx.outputs.filter((o) => !(o.name === 'stylish' && !o.path)) : ctx.outputs;
  if (streamStylish) io.stdout(stylishSummary(run, ctx.format));
  await emit(run, finalOutputs, ctx.format, io.stdout, announceDir(io.stderr, ctx.locale));
  for (const r of results) if (r.error) io.stderr(`gongkai: ${escapeControl(`${r.target}: ${r.error.message}`)}\n`);
  return exitCodeFor(results, ctx.policy);
}

function readSnapshot(file: string): SiteSnapshot {
  const text = readSnapshotText(file);
  let snapshot: SiteSnapshot;
  try {
    snapshot = snapshotFromJson(text);
  } catch (e) {
    throw badSnapshot(file, (e as Error).message);
  }
  const hole = nullEntry(snapshot, 'snapshot');
  if (hole) throw badSnapshot(file, `${hole} is null`);
  return snapshot;
}

function badSnapshot(file: string, why: string): GongkaiError {
  return new GongkaiError('cli/bad-snapshot', { zh: `${file} 不是有效的快照：${why}`, en: `${file} is not a valid snapshot: ${why}` });
}

/**
 * The JSON path of the first null inside an array, or undefined. The crawler never writes one, and the analysis
 * reads array entries as records, so a hand-edited or truncated snapshot would otherwise crash it.
 */
function nullEntry(value: unknown, at: string): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === null || value[i] === undefined) return `${at}[${i}]`;
      const inner = nullEntry(value[i], `${at}[${i}]`);
      if (inner) return inner;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const inner = nullEntry(v, `${at}.${k}`);
      if (inner) return inner;
    }
  }
  return undefined;
}

const mb = (n: number) => Math.round(n / 1024 / 1024);

/** The snapshot's text: only a missing file is "not found"; a huge one is refused before it is read. */
function readSnapshotText(file: string): string {
  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new GongkaiError('cli/bad-snapshot', { zh: `${file} 不是普通文件`, en: `${file} is not a regular file` });
    size = info.size;
  } catch (e) {
    if (e instanceof GongkaiError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new GongkaiError('cli/not-found', { zh: `找不到快照文件：${file}`, en: `snapshot file not found: ${file}` });
    throw new GongkaiError('cli/unreadable', { zh: `无法读取快照文件：${file}（${code ?? String(e)}）`, en: `cannot read the snapshot file: ${file} (${code ?? String(e)})` });
  }
  if (size > MAX_SNAPSHOT_BYTES) {
    throw new GongkaiError('cli/too-large', {
      zh: `快照文件过大：${file}（${mb(size)} MB，上限 ${mb(MAX_SNAPSHOT_BYTES)} MB）`,
      en: `the snapshot file is too large: ${file} (${mb(size)} MB, limit ${mb(MAX_SNAPSHOT_BYTES)} MB)`,
    });
  }
  return readFileSync(file, 'utf8');
}

/** Runs the site rules on a snapshot; when the site's latest annual report is found, checks it and attaches it. */
/**
 * Why the home page could not be opened, in words a user can act on: an address refused as private (and how to allow
 * a test site), or the fetch error, or the HTTP status.
 */
function unreachableReason(home: SiteSnapshot['pages'][number], en: boolean): string {
  if (home.error?.code === 'ssrf-blocked') {
    return en
      ? `refused: the address is private or reserved (${home.error.message}); pass --allow-private for a test site on this machine`
      : `已拒绝：该地址属于内网或保留地址（${home.error.message}）；检查本机测试站点请加 --allow-private`;
  }
  return home.error?.message ?? `HTTP ${home.status}`;
}

async function assess(
  snapshot: SiteSnapshot,
  site: Pick<SiteEntry, 'level' | 'region'>,
  ctx: RunContext,
  checkExternal: boolean,
  fetcher: Fetcher | undefined,
): Promise<TargetResult> {
  const level = site.level ?? snapshot.site.level ?? ctx.level;
  const subject = auditSnapshot(snapshot, { asOf: ctx.asOf, ...(level ? { level } : {}), checkExternal });
  const settings = {
    asOf: ctx.asOf,
    agency: { ...ctx.config.user.agency, ...(level ? { level } : {}) },
    checkExternal,
  };
  const result = await checkSubject(subject, { config: ctx.config.resolved, registry: ctx.config.registry, locale: ctx.locale, settings });
  const home =
    snapshot.pages.find((p) => p.url === snapshot.home || p.finalUrl === snapshot.home) ??
    (snapshot.home ? undefined : snapshot.pages.find((p) => p.depth === 0));
  if (!snapshot.home || !home || home.status === 0 || home.status >= 400) {
    const why = home ? unreachableReason(home, ctx.locale === 'en') : '';
    result.error = {
      code: 'audit/unreachable',
      message: ctx.locale === 'en' ? `the home page cannot be opened${why ? ` (${why})` : ''}` : `首页无法打开${why ? `（${why}）` : ''}`,
    };
  }
  const latest = subject.analysis(settings).annualReport.latest;
  if (latest?.url && fetcher) {
    const attached = await checkAnnualReport(latest.url, latest.published, level, ctx, fetcher);
    if (attached) {
      result.attachments = [attached];
      for (const f of result.findings) {
        if (f.ruleId.startsWith('site/annual-report')) f.data = { ...(f.data ?? {}), report: attached.target };
      }
    }
  }
  return result;
}

const EXT_BY_TYPE: Array<[RegExp, string]> = [
  [/pdf/, '.pdf'],
  [/wordprocessingml|msword/, '.docx'],
  [/html/, '.html'],
  [/text\/plain/, '.txt'],
];

async function checkAnnualReport(
  url: string,
  published: string | undefined,
  level: RunContext['level'],
  ctx: RunContext,
  fetcher: Fetcher,
): Promise<TargetResult | undefined> {
  // Its own owner: events of this request belong to no crawl still running on the same server.
  const res = await fetcher.fetch({ url, owner: 'annual-report' });
  if (res.status < 200 || res.status >= 300 || !res.body.length) return undefined;
  const ext = EXT_BY_TYPE.find(([re]) => re.test(res.contentType ?? ''))?.[1] ?? (/\.(pdf|docx|html?|txt)$/i.exec(new URL(res.finalUrl).pathname)?.[0] ?? '.html');
  try {
    const doc = await loadReport(res.body, `annual-report${ext}`, { level });
    const subject = reportSubject(doc, { level, target: res.finalUrl });
    return await checkSubject(subject, {
      config: ctx.config.resolved,
      registry: ctx.config.registry,
      locale: ctx.locale,
      settings: { asOf: ctx.asOf, agency: { ...ctx.config.user.agency, ...(level ? { level } : {}) }, published },
    });
  } catch (e) {
    return failedTarget(res.finalUrl, 'report', isGongkaiError(e) ? e.code : 'load/failed', errorLine(e, ctx.locale));
  }
}
