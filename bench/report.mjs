#!/usr/bin/env node
// `pnpm bench:report`: checks a synthetic corpus of annual reports with the CLI's full default config and reports
// throughput, the Markdown overhead over a bare remark parse, and peak memory at two corpus sizes. Each size runs
// in its own child process so its peak RSS is its own. The last stdout line is `BENCH_JSON {…}` for bench/run.mjs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, ensureCorpus } from './corpus/index.mjs';
import { loadEngine, loadRemark } from './report-setup.mjs';
import { FormatStats, RssSampler, mb, perSecond, table, verdict } from './report-measure.mjs';

const TARGETS = { mdRatio: 1.5, txtPerSecond: 1000, memoryGrowth: 1.25 };
const AS_OF = '2026-06-30';
const INTERNAL = 'gongkai/internal-error';

const { values: args } = parseArgs({
  options: {
    worker: { type: 'boolean', default: false },
    count: { type: 'string', default: '2000' },
    small: { type: 'string', default: '500' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'md-ratio': { type: 'boolean', default: false },
  },
});
const seed = Number(args.seed);

if (args.worker) await worker(Number(args.count), args['md-ratio']);
else await parent();

function formatKey(e) {
  return e.encoding === 'gbk' ? `${e.format}/gbk` : e.format;
}

async function checkOne(engine, path, name, bytes, timing) {
  const { core, report, config } = engine;
  const t0 = performance.now();
  const doc = await report.loadReport(bytes, path, {});
  const t1 = performance.now();
  const subject = report.reportSubject(doc, { target: name });
  const result = await core.checkSubject(subject, {
    config: config.resolved,
    registry: config.registry,
    locale: 'zh-CN',
    settings: { asOf: AS_OF, agency: { ...(config.user.agency ?? {}) }, draft: false },
    timing,
  });
  return { result, loadMs: t1 - t0, checkMs: performance.now() - t1 };
}

async function worker(count, mdRatio) {
  const { dir, entries } = ensureCorpus({ count, seed });
  const engine = await loadEngine({ cwd: dir });
  const timing = process.env.TIMING ? new Map() : undefined;
  const sampler = new RssSampler();
  const stats = new FormatStats();
  const loadErrors = {};
  const internal = [];
  const fired = new Map(); // defect ("clean" for none) → { n, rules: Map(ruleId → reports) }
  let findings = 0;
  let ioMs = 0;
  const started = performance.now();

  for (const e of entries) {
    const path = join(dir, e.name);
    const r0 = performance.now();
    const bytes = readFileSync(path);
    ioMs += performance.now() - r0;
    try {
      const { result, loadMs, checkMs } = await checkOne(engine, path, e.name, bytes, timing);
      stats.add(formatKey(e), bytes.length, loadMs, checkMs);
      findings += result.findings.length;
      const rules = new Set();
      for (const f of result.findings) {
        rules.add(f.ruleId);
        if (f.ruleId === INTERNAL && internal.length < 20) internal.push({ file: e.name, message: f.message });
      }
      if (!e.copyOf) {
        for (const d of e.defects.length ? e.defects : ['clean']) {
          let slot = fired.get(d);
          if (!slot) fired.set(d, (slot = { n: 0, rules: new Map() }));
          slot.n++;
          for (const id of rules) slot.rules.set(id, (slot.rules.get(id) ?? 0) + 1);
        }
      }
    } catch (err) {
      const code = err?.code ?? 'exception';
      loadErrors[code] = (loadErrors[code] ?? 0) + 1;
      if (!err?.code && internal.length < 20) internal.push({ file: e.name, message: String(err?.stack ?? err) });
    }
    sampler.sample();
  }
  const wallMs = performance.now() - started;
  // With --expose-gc the heap left after a full collection shows whether anything is retained per file.
  let retainedMb;
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    retainedMb = process.memoryUsage().heapUsed / 1048576;
  }

  // Taken before the extra passes below, so the 500- and 2,000-file peaks measure the same work.
  const memory = { ...sampler.result(), retainedMb };
  let md;
  let txtSteady;
  if (mdRatio) {
    md = await measureMarkdown(engine, dir, entries);
    txtSteady = await measureText(engine, dir, entries);
  }

  const out = {
    count,
    files: entries.length,
    wallMs,
    ioMs,
    formats: Object.fromEntries(stats.by),
    total: stats.total(),
    findings,
    loadErrors,
    internal,
    memory,
    md,
    txtSteady,
    timing: timing ? Object.fromEntries(timing) : undefined,
    detection: Object.fromEntries([...fired].map(([d, s]) => [d, { n: s.n, rules: Object.fromEntries(s.rules) }])),
    configNote: engine.configNote,
  };
  console.log(`WORKER_JSON ${JSON.stringify(out)}`);
}

/**
 * Full check vs bare remark parse on the same .md bytes, alternating which goes first per file so neither side
 * benefits from a warmer cache or pays for the other's garbage. Both sides decode the bytes (the loader must).
 */
async function measureMarkdown(engine, dir, entries) {
  const { unified, remarkParse, remarkGfm } = await loadRemark();
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  const files = entries.filter((e) => e.format === 'md');
  const decoder = new TextDecoder('utf-8');
  let fullMs = 0;
  let bareMs = 0;
  let bytesTotal = 0;
  const bare = (bytes) => {
    const t0 = performance.now();
    processor.parse(decoder.decode(bytes));
    return performance.now() - t0;
  };
  const full = async (path, name, bytes) => {
    const t0 = performance.now();
    await checkOne(engine, path, name, bytes, undefined);
    return performance.now() - t0;
  };
  // Warm both paths so the comparison is of steady-state code, not of first-call compilation.
  for (const e of files.slice(0, 20)) {
    const bytes = readFileSync(join(dir, e.name));
    bare(bytes);
    await full(join(dir, e.name), e.name, bytes);
  }
  for (let round = 0; round < 2; round++) {
    for (const [i, e] of files.entries()) {
      const path = join(dir, e.name);
      const bytes = readFileSync(path);
      bytesTotal += bytes.length;
      if ((i + round) % 2) {
        bareMs += bare(bytes);
        fullMs += await full(path, e.name, bytes);
      } else {
        fullMs += await full(path, e.name, bytes);
        bareMs += bare(bytes);
      }
    }
  }
  return { files: files.length, rounds: 2, bytes: bytesTotal, fullMs, bareMs, ratio: fullMs / bareMs };
}

/**
 * .txt reports/s on one core in steady state: the code is warmed on 50 files, then one pass over all of them is
 * timed (file reads excluded). The mixed pass above also counts JIT warm-up and garbage left by other formats.
 */
async function measureText(engine, dir, entries) {
  const files = entries.filter((e) => e.format === 'txt');
  const one = async (e) => {
    const path = join(dir, e.name);
    const bytes = readFileSync(path);
    const t0 = performance.now();
    await checkOne(engine, path, e.name, bytes, undefined);
    return [performance.now() - t0, bytes.length];
  };
  for (const e of files.slice(0, 50)) await one(e);
  let bytes = 0;
  let ms = 0;
  for (const e of files) {
    const [t, n] = await one(e);
    ms += t;
    bytes += n;
  }
  return { files: files.length, bytes, ms, perSecond: perSecond(files.length, ms) };
}

function runWorker(count, mdRatio) {
  const argv = ['--expose-gc', fileURLToPath(import.meta.url), '--worker', '--count', String(count), '--seed', String(seed)];
  if (mdRatio) argv.push('--md-ratio');
  const child = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = child.stdout.split('\n').find((l) => l.startsWith('WORKER_JSON '));
  if (child.status !== 0 || !line) {
    process.stderr.write(child.stdout);
    throw new Error(`bench worker (${count} files) failed with status ${child.status}`);
  }
  return JSON.parse(line.slice('WORKER_JSON '.length));
}

async function parent() {
  const started = performance.now();
  const big = Number(args.count);
  const small = Math.min(Number(args.small), big);
  const corpus = ensureCorpus({ count: big, seed, log: (m) => console.log(`corpus: ${m}`) });
  const sizes = corpus.entries.map((e) => e.bytes).sort((a, b) => a - b);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const mix = {};
  for (const e of corpus.entries) mix[formatKey(e)] = (mix[formatKey(e)] ?? 0) + 1;
  console.log(
    `corpus: ${corpus.entries.length} files, ${mb(totalBytes).toFixed(1)} MB (${corpus.cached ? 'cached' : 'new'}) in ${corpus.dir}\n` +
      `        sizes min ${(sizes[0] / 1024).toFixed(1)} KB, median ${(sizes[sizes.length >> 1] / 1024).toFixed(1)} KB, max ${(sizes.at(-1) / 1024).toFixed(1)} KB; ` +
      `mix ${Object.entries(mix).map(([k, v]) => `${k} ${v}`).join(', ')}`,
  );

  const smallRun = runWorker(small, false);
  const run = runWorker(big, true);
  if (run.configNote) console.log(`note: ${run.configNote}`);

  const rows = Object.entries(run.formats)
    .sort((a, b) => b[1].files - a[1].files)
    .map(([k, s]) => {
      const ms = s.loadMs + s.checkMs;
      return [k, s.files, mb(s.bytes).toFixed(1), perSecond(s.files, ms).toFixed(0), (perSecond(s.bytes, ms) / 1048576).toFixed(2), `${((s.loadMs / ms) * 100).toFixed(0)}%`];
    });
  const t = run.total;
  const tMs = t.loadMs + t.checkMs;
  rows.push(['all', t.files, mb(t.bytes).toFixed(1), perSecond(t.files, tMs).toFixed(0), (perSecond(t.bytes, tMs) / 1048576).toFixed(2), `${((t.loadMs / tMs) * 100).toFixed(0)}%`]);
  console.log(`\nthroughput (${run.files} files, load + all applicable rules + scoring, one process, file reads excluded):`);
  console.log(table(['format', 'files', 'MB', 'reports/s', 'MB/s', 'load share'], rows));
  console.log(`wall ${(run.wallMs / 1000).toFixed(1)} s including ${(run.ioMs / 1000).toFixed(2)} s of file reads; ${run.findings} findings`);

  const txt = ['txt', 'txt/gbk'].map((k) => run.formats[k]).filter(Boolean);
  const txtFiles = txt.reduce((n, s) => n + s.files, 0);
  const txtMs = txt.reduce((n, s) => n + s.loadMs + s.checkMs, 0);
  const txtMixed = perSecond(txtFiles, txtMs);
  const txtRate = run.txtSteady.perSecond;
  const md = run.md;
  const memSmall = smallRun.memory.maxRssMb;
  const memBig = run.memory.maxRssMb;
  const growth = memBig / memSmall;

  console.log('\ntargets:');
  console.log(`  ${verdict(md.ratio <= TARGETS.mdRatio)}  .md full check / bare remark parse = ${md.ratio.toFixed(2)}× (target ≤ ${TARGETS.mdRatio}×; ${md.files} files × ${md.rounds} rounds, full ${md.fullMs.toFixed(0)} ms vs parse ${md.bareMs.toFixed(0)} ms)`);
  console.log(
    `  ${verdict(txtRate >= TARGETS.txtPerSecond)}  .txt on one core = ${txtRate.toFixed(0)} reports/s steady state (target ≥ ${TARGETS.txtPerSecond}; ${run.txtSteady.files} files, ${mb(run.txtSteady.bytes).toFixed(1)} MB, warmed); ` +
      `${txtMixed.toFixed(0)} reports/s in the cold mixed-format pass`,
  );
  console.log(
    `  ${verdict(growth <= TARGETS.memoryGrowth)}  memory flat with corpus size: peak RSS ${memSmall.toFixed(0)} MB at ${smallRun.files} files, ${memBig.toFixed(0)} MB at ${run.files} files (×${growth.toFixed(2)}, target ≤ ×${TARGETS.memoryGrowth}); ` +
      `sampled rss ${smallRun.memory.sampledPeakMb.toFixed(0)} / ${run.memory.sampledPeakMb.toFixed(0)} MB, heap ${smallRun.memory.heapPeakMb.toFixed(0)} / ${run.memory.heapPeakMb.toFixed(0)} MB, ` +
      `heap retained after GC ${smallRun.memory.retainedMb?.toFixed(1)} / ${run.memory.retainedMb?.toFixed(1)} MB`,
  );

  const errs = Object.entries(run.loadErrors);
  if (errs.length) console.log(`\nfiles not checked: ${errs.map(([c, n]) => `${c} ×${n}`).join(', ')}`);
  if (run.internal.length) {
    console.log(`\ninternal errors / exceptions (first ${run.internal.length}):`);
    for (const x of run.internal) console.log(`  ${x.file}: ${x.message.split('\n')[0]}`);
  }

  printDetection(run.detection);
  if (run.timing) printTiming(run.timing, tMs);

  const elapsed = (performance.now() - started) / 1000;
  console.log(`\nbench:report finished in ${elapsed.toFixed(1)} s`);
  const metrics = {
    reports_per_s: perSecond(t.files, tMs),
    mb_per_s: perSecond(t.bytes, tMs) / 1048576,
    txt_reports_per_s: txtRate,
    txt_mixed_reports_per_s: txtMixed,
    md_reports_per_s: run.formats.md ? perSecond(run.formats.md.files, run.formats.md.loadMs + run.formats.md.checkMs) : 0,
    html_reports_per_s: run.formats.html ? perSecond(run.formats.html.files, run.formats.html.loadMs + run.formats.html.checkMs) : 0,
    md_vs_remark_ratio: md.ratio,
    peak_rss_mb_small: memSmall,
    peak_rss_mb_large: memBig,
  };
  const lowerIsBetter = ['md_vs_remark_ratio', 'peak_rss_mb_small', 'peak_rss_mb_large'];
  const pass = {
    md_vs_remark_ratio: md.ratio <= TARGETS.mdRatio,
    txt_reports_per_s: txtRate >= TARGETS.txtPerSecond,
    memory_flat: growth <= TARGETS.memoryGrowth,
  };
  console.log(`BENCH_JSON ${JSON.stringify({ bench: 'report', files: run.files, smallFiles: smallRun.files, metrics, lowerIsBetter, pass, internalErrors: run.internal.length })}`);
}

/** For each planted defect, the rule whose hit rate rises most over clean reports: a sanity check of the corpus. */
function printDetection(detection) {
  const clean = detection.clean;
  if (!clean) return;
  const rate = (slot, id) => (slot.rules[id] ?? 0) / slot.n;
  const rows = [];
  for (const [d, slot] of Object.entries(detection).sort()) {
    if (d === 'clean') continue;
    let best = ['—', 0, 0];
    for (const id of Object.keys(slot.rules)) {
      const lift = rate(slot, id) - rate(clean, id);
      if (lift > best[1]) best = [id, lift, rate(slot, id)];
    }
    rows.push([d, slot.n, best[0], `${(best[2] * 100).toFixed(0)}%`, `${(rate(clean, best[0]) * 100).toFixed(0)}%`]);
  }
  console.log(`\nplanted defects (${clean.n} clean reports): the rule that fires most above its clean-report rate`);
  console.log(table(['defect', 'reports', 'rule', 'hit', 'clean hit'], rows));
}

function printTiming(timing, totalMs) {
  const all = Object.entries(timing).sort((a, b) => b[1] - a[1]);
  const rulesMs = all.reduce((n, [, ms]) => n + ms, 0);
  const rows = (process.env.TIMING === 'all' ? all : all.slice(0, 10)).map(([id, ms]) => [id, ms.toFixed(1), `${((ms / rulesMs) * 100).toFixed(1)}%`]);
  console.log(`\nper-rule time (TIMING; rules ${rulesMs.toFixed(0)} ms of ${totalMs.toFixed(0)} ms load+check):`);
  console.log(table(['rule', 'ms', 'share'], rows));
}
