#!/usr/bin/env node
// `pnpm bench`: runs each bench as a child process, takes the `BENCH_JSON {…}` line it prints last, and compares
// every metric with bench/baseline.json. `pnpm bench -- --update-baseline` writes the measured values as the new
// baseline. A bench script that does not exist yet (bench/crawl.mjs is written separately) is skipped.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const BASELINE = `${here}baseline.json`;
const BENCHES = [
  { name: 'report', script: 'report.mjs' },
  { name: 'crawl', script: 'crawl.mjs' },
];

const argv = process.argv.slice(2).filter((a) => a !== '--');
const update = argv.includes('--update-baseline');
const only = argv.filter((a) => !a.startsWith('--'));

/** Runs one bench, passing its output through, and resolves with the parsed BENCH_JSON payload (or an error). */
function runBench(bench) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${here}${bench.script}`], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let last;
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        if (line.startsWith('BENCH_JSON ')) last = line;
        else process.stdout.write(`  ${line}\n`);
      }
    });
    child.on('close', (code) => {
      if (buffered.startsWith('BENCH_JSON ')) last = buffered;
      if (!last && code === 0) return resolve({ missing: true });
      if (!last) return resolve({ error: `exited with ${code} and printed no BENCH_JSON line` });
      try {
        resolve({ code, data: JSON.parse(last.slice('BENCH_JSON '.length)) });
      } catch (e) {
        resolve({ error: `unreadable BENCH_JSON line: ${e.message}` });
      }
    });
  });
}

function readBaseline() {
  if (!existsSync(BASELINE)) return { benches: {} };
  return JSON.parse(readFileSync(BASELINE, 'utf8'));
}

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/**
 * "×1.10 better" reads the same whatever the metric's direction: for throughput higher is better, for ratios and
 * memory (listed in the bench's `lowerIsBetter`) lower is.
 */
function compare(name, value, base, lower) {
  if (base === undefined || base === 0) return 'no baseline';
  const ratio = value / base;
  const better = lower ? ratio < 1 : ratio > 1;
  const change = lower ? base / value : ratio;
  if (Math.abs(ratio - 1) < 0.03) return `×${ratio.toFixed(2)} (same)`;
  return `×${ratio.toFixed(2)} (${better ? 'better' : 'worse'} ${better ? change.toFixed(2) : (1 / change).toFixed(2)}×)`;
}

const baseline = readBaseline();
const measured = {};
let failed = false;
for (const bench of BENCHES) {
  if (only.length && !only.includes(bench.name)) continue;
  if (!existsSync(`${here}${bench.script}`)) {
    console.log(`[${bench.name}] skipped: bench/${bench.script} does not exist`);
    continue;
  }
  console.log(`[${bench.name}] node bench/${bench.script}`);
  const started = performance.now();
  const out = await runBench(bench);
  if (out.missing) {
    console.log(`[${bench.name}] finished but printed no final "BENCH_JSON {…}" line: nothing to compare`);
    continue;
  }
  if (out.error) {
    failed = true;
    console.log(`[${bench.name}] FAILED: ${out.error}`);
    continue;
  }
  const seconds = (performance.now() - started) / 1000;
  const { metrics = {}, lowerIsBetter = [], pass = {} } = out.data;
  measured[bench.name] = { metrics, lowerIsBetter };
  const base = baseline.benches?.[bench.name]?.metrics ?? {};
  console.log(`\n[${bench.name}] ${seconds.toFixed(1)} s; against bench/baseline.json${baseline.measuredAt ? ` (${baseline.measuredAt})` : ''}:`);
  const width = Math.max(...Object.keys(metrics).map((k) => k.length));
  for (const [k, v] of Object.entries(metrics)) {
    const b = base[k];
    console.log(`  ${k.padEnd(width)}  ${fmt(v).padStart(9)}  baseline ${b === undefined ? '—'.padStart(9) : fmt(b).padStart(9)}  ${compare(k, v, b, lowerIsBetter.includes(k))}`);
  }
  const targets = Object.entries(pass);
  if (targets.length) console.log(`  targets: ${targets.map(([k, ok]) => `${k} ${ok ? 'PASS' : 'MISS'}`).join(', ')}`);
}

if (update) {
  const next = {
    measuredAt: new Date().toISOString().slice(0, 10),
    machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
    benches: { ...(baseline.benches ?? {}), ...measured },
  };
  writeFileSync(BASELINE, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`\nwrote bench/baseline.json (${Object.keys(measured).join(', ') || 'nothing measured'})`);
}
process.exitCode = failed ? 1 : 0;
