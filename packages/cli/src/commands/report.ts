import { readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  applyFixes,
  checkSubject,
  errorLine,
  escapeControl,
  exitCodeFor,
  failedTarget,
  GongkaiError,
  isGongkaiError,
  t,
  type RunResult,
  type TargetResult,
} from '@gongkai/core';
import { agencyKey, carryFacts, DEFAULT_MAX_BYTES, loadReport, loadReportFile, reportSubject, type CarryFacts, type ReportDocument } from '@gongkai/report';
import { resolve } from 'node:path';
import { ResultCache, hashOf } from '../cache.js';
import { makeContext, relativeTarget, type CommonOptions } from '../run-context.js';
import { checkChoice, checkDate, checkNumber } from '../options.js';
import { expandInputs } from '../inputs.js';
import { announceDir, emit } from '../output.js';
import { readBaseline, writeBaseline } from '../baseline-file.js';
import { unifiedDiff } from '../diff.js';
import { VERSION } from '../version.js';
import type { Io } from '../io.js';
import { printTiming } from '../timing.js';

export interface ReportOptions extends CommonOptions {
  published?: string;
  regulation?: string;
  draft?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  baseline?: string | boolean;
  writeBaseline?: string | boolean;
  maxSize?: string;
  ignorePattern?: string[];
  cache?: boolean;
  cacheLocation?: string;
}

export async function reportCommand(paths: string[], opts: ReportOptions, io: Io): Promise<number> {
  const ctx = makeContext(opts, io.locale);
  const published = checkDate('--published', opts.published);
  const regulation = checkChoice('--regulation', opts.regulation, ['2008', '2019', '2021'] as const) ?? ctx.config.user.regulation;
  const maxMb = checkNumber('--max-size', opts.maxSize, { positive: true });
  const files = expandInputs(paths, [...(ctx.config.user.ignore ?? []), ...(opts.ignorePattern ?? [])], ctx.cwd);
  if (!files.length) throw new GongkaiError('cli/no-inputs', { zh: t('cli.noInputs', 'zh-CN'), en: t('cli.noInputs', 'en') });
  const baseline = opts.writeBaseline || opts.baseline === false ? undefined : readBaseline(typeof opts.baseline === 'string' ? opts.baseline : undefined, ctx.cwd);
  const timing = process.env.TIMING ? new Map<string, number>() : undefined;

  const loadOpts = { level: ctx.level, maxBytes: maxMb !== undefined ? maxMb * 1024 * 1024 : undefined };
  // Carry facts of the reports checked so far, by agency and year, for report/carry-over.
  const carries = new Map<string, CarryFacts>();
  const byYear = (f: CarryFacts, year: number) => carries.get(`${agencyKey(f.agency)}|${year}`);

  const settingsKey = { asOf: ctx.asOf, published, regulation, level: ctx.level, draft: opts.draft === true, asOfExplicit: opts.asOf !== undefined };
  // Fixing rewrites the files, so a run with --fix neither reads nor writes the cache.
  const cache =
    opts.cache && !opts.fix && !opts.fixDryRun
      ? new ResultCache(
          resolve(ctx.cwd, opts.cacheLocation ?? '.gongkaicache'),
          hashOf(JSON.stringify({ version: VERSION, locale: ctx.locale, settingsKey, packs: ctx.config.resolved.packs, user: ctx.config.user, baseline: baseline ?? null })),
        )
      : undefined;

  const checkFile = async (file: string, doc: ReportDocument, target: string) => {
    const facts = carryFacts(doc);
    const subject = reportSubject(doc, { level: ctx.level, regulation, target });
    const result = await checkSubject(subject, {
      config: ctx.config.resolved,
      registry: ctx.config.registry,
      locale: ctx.locale,
      settings: {
        asOf: ctx.asOf,
        agency: { ...ctx.config.user.agency, ...(ctx.level ? { level: ctx.level } : {}) },
        published,
        regulation,
        draft: opts.draft === true,
        asOfExplicit: opts.asOf !== undefined,
        previousReport: facts ? byYear(facts, facts.year - 1) : undefined,
      },
      baseline,
      baselineKey: target,
      timing,
    });
    const notes = doc.notes.map((n) => (ctx.locale === 'en' ? n.message.en : n.message.zh));
    if (notes.length) result.notes = notes;
    return { result, facts };
  };

  const results: TargetResult[] = [];
  // Reports checked before last year's report of the same agency turned up later in the run: checked once more at
  // the end, so one pass (and no document kept in memory) serves the usual case of files given in year order.
  const recheck: Array<{ index: number; file: string; target: string; facts: CarryFacts }> = [];
  for (const file of files) {
    const target = relativeTarget(file, ctx.cwd);
    try {
      const bytes = cache ? readBytes(file, loadOpts.maxBytes) : undefined;
      const hash = bytes ? hashOf(bytes) : undefined;
      const hit = hash ? cache!.get(file, hash) : undefined;
      const hitFacts = hit?.facts as CarryFacts | undefined;
      if (hit && hit.previous === JSON.stringify(hitFacts ? (byYear(hitFacts, hitFacts.year - 1) ?? null) : null)) {
        if (hitFacts) carries.set(`${agencyKey(hitFacts.agency)}|${hitFacts.year}`, hitFacts);
        cache!.set(file, hit);
        results.push(hit.result);
        continue;
      }
      const doc = bytes ? await loadReport(bytes, file, loadOpts) : await loadReportFile(file, loadOpts);
      const { result, facts } = await checkFile(file, doc, target);
      if (cache && hash) {
        const previous = facts ? (byYear(facts, facts.year - 1) ?? null) : null;
        cache.set(file, { hash, previous: JSON.stringify(previous), ...(facts ? { facts } : {}), result });
      }
      if (facts) {
        carries.set(`${agencyKey(facts.agency)}|${facts.year}`, facts);
        if (!byYear(facts, facts.year - 1)) recheck.push({ index: results.length, file, target, facts });
      }
      results.push(result);
      if ((opts.fix || opts.fixDryRun) && result.findings.some((f) => f.fix)) {
        fixFile(file, target, doc.format, doc.encoding, result, opts.fixDryRun === true, io, ctx.locale);
      }
    } catch (e) {
      if (!isGongkaiError(e) && opts.debug) io.stderr(`${(e as Error).stack}\n`);
      const code = isGongkaiError(e) ? e.code : 'internal';
      results.push(failedTarget(target, 'report', code, withoutPath(errorLine(e, ctx.locale), file, target)));
    }
  }
  for (const r of recheck) {
    if (!byYear(r.facts, r.facts.year - 1) || (opts.fix && !opts.fixDryRun)) continue;
    try {
      const result = (await checkFile(r.file, await loadReportFile(r.file, loadOpts), r.target)).result;
      results[r.index] = result;
      if (cache) {
        const bytes = readBytes(r.file, loadOpts.maxBytes);
        if (bytes) cache.set(r.file, { hash: hashOf(bytes), previous: JSON.stringify(byYear(r.facts, r.facts.year - 1) ?? null), facts: r.facts, result });
      }
    } catch {
      // It loaded a moment ago; if it cannot now, the first result stands.
    }
  }
  cache?.save();

  const run: RunResult = { tool: { name: 'gongkai', version: VERSION }, results };
  if (opts.writeBaseline) {
    const { path, count } = writeBaseline(results, typeof opts.writeBaseline === 'string' ? opts.writeBaseline : undefined, ctx.cwd);
    io.stderr(`${t('cli.baselineWritten', ctx.locale, { file: relativeTarget(path, ctx.cwd), count })}\n`);
  }
  await emit(run, ctx.outputs, ctx.format, io.stdout, announceDir(io.stderr, ctx.locale));
  if (timing) printTiming(timing, ctx.locale, io);
  for (const r of results) if (r.error) io.stderr(`gongkai: ${escapeControl(`${r.target}: ${r.error.message}`)}\n`);
  return exitCodeFor(results, ctx.policy);
}

function fixFile(
  file: string,
  target: string,
  format: string,
  encoding: string,
  result: TargetResult,
  dryRun: boolean,
  io: Io,
  locale: 'zh-CN' | 'en',
) {
  if (!(format === 'txt' || format === 'md') || !encoding.startsWith('utf-8')) {
    io.stderr(`${escapeControl(t('cli.fixSkipped', locale, { file: target }))}\n`);
    return;
  }
  const raw = readFileSync(file, 'utf8');
  const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const source = bom ? raw.slice(1) : raw;
  const { output, applied } = applyFixes(source, result.findings);
  if (!applied) return;
  if (dryRun) {
    io.stdout(unifiedDiff(target, source, output));
    return;
  }
  writeFileSync(file, bom + output);
  result.findings = result.findings.filter((f) => !f.fix);
  io.stderr(`${escapeControl(t('cli.fixed', locale, { file: target, count: applied }))}\n`);
}

/** Loader messages may start with the path; the result already names the target, so say it once. */
function withoutPath(message: string, file: string, target: string): string {
  for (const p of [file, target]) if (message.startsWith(`${p}: `)) return message.slice(p.length + 2);
  return message;
}


/**
 * The file's bytes for hashing, or undefined when it cannot or must not be read: not a regular file, or over the
 * size limit (the loader then reports why, without reading it either).
 */
function readBytes(file: string, limit = DEFAULT_MAX_BYTES): Uint8Array | undefined {
  try {
    const info = statSync(file);
    return info.isFile() && info.size <= limit ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}
