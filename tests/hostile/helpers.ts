/**
 * The hostile-input suite runs the real, built binary in a child process and measures what the issue bounds: wall
 * time and peak resident memory. Peak memory comes from GNU time (`%M`, the child's max RSS) when it is installed,
 * otherwise from polling the child's VmHWM (the kernel's own high-water mark, so polling only has to catch the last
 * value before exit). A run is killed at a hard limit so a regression fails the test instead of hanging the suite.
 */
import { expect } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, repoRoot, tempDir } from '../helpers/cli.js';

/** The bounds for every hostile input. */
export const MAX_WALL_MS = 10_000;
export const MAX_PEAK_MB = 600;
/** Past this the child is killed; well above MAX_WALL_MS so a slow run still reports its time. */
const KILL_AFTER_MS = 60_000;

export interface MeasuredRun {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set size of the CLI process in MB; NaN when it could not be measured. */
  peakMb: number;
  killed: boolean;
}

const GNU_TIME = '/usr/bin/time';

function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  try {
    return readFileSync(GNU_TIME).includes('GNU');
  } catch {
    return false;
  }
}

const useGnuTime = hasGnuTime();

function readHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs `gongkai <args>` and measures it. */
export function runMeasured(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<MeasuredRun> {
  const stats = join(tempDir('gongkai-hostile-time-'), 'rss');
  const node = [process.execPath, bin, ...args];
  const [cmd, ...argv] = useGnuTime ? [GNU_TIME, '-f', '%M', '-o', stats, ...node] : node;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, argv, {
      cwd: opts.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', CI: '1', GONGKAI_LOCALE: '', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so the kill below also reaches node when GNU time sits in between.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let polledKb = 0;
    let killed = false;
    // Without GNU time the child is node itself; with it, node is time's child and time reports the peak.
    const poll = useGnuTime ? undefined : setInterval(() => (polledKb = Math.max(polledKb, readHwmKb(child.pid!))), 25);
    const killer = setTimeout(() => {
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, KILL_AFTER_MS);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', () => {
      if (!useGnuTime) polledKb = Math.max(polledKb, readHwmKb(child.pid!));
    });
    child.on('close', (code) => {
      clearTimeout(killer);
      if (poll) clearInterval(poll);
      const wallMs = Date.now() - started;
      let kb = polledKb;
      if (useGnuTime && existsSync(stats)) kb = Number(/(\d+)\s*$/.exec(readFileSync(stats, 'utf8'))?.[1] ?? NaN);
      rmSync(join(stats, '..'), { recursive: true, force: true });
      resolve({ code: code ?? -1, stdout, stderr, wallMs, peakMb: kb ? kb / 1024 : NaN, killed });
    });
  });
}

/** The stderr lines the CLI wrote, without blank ones. */
export function stderrLines(run: MeasuredRun): string[] {
  return run.stderr.split('\n').filter((l) => l.trim() !== '');
}

/** One line for the suite's log: what the issue asks to be reported per case. */
export function describeRun(name: string, run: MeasuredRun): string {
  return `${name}: exit ${run.code}, ${(run.wallMs / 1000).toFixed(2)} s, ${run.peakMb.toFixed(0)} MB`;
}

/** The bounds every hostile case shares, plus: the process was not killed and its error is not a stack trace. */
export function expectBounded(name: string, run: MeasuredRun): void {
  console.log(describeRun(name, run));
  expect(run.killed, `${name} was killed at the hard limit`).toBe(false);
  expect(run.wallMs, `${name} wall time`).toBeLessThan(MAX_WALL_MS);
  expect(run.peakMb, `${name} peak memory (MB)`).toBeLessThan(MAX_PEAK_MB);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/内部错误|internal error|heap out of memory/i);
}

/** Bounded, exit 2, and exactly one stderr line that matches `expected`. */
export function expectOneLineError(name: string, run: MeasuredRun, expected: RegExp): void {
  expectBounded(name, run);
  expect(run.code, `${name} exit code`).toBe(2);
  const lines = stderrLines(run);
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
}
