import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(repoRoot, 'packages/cli/bin/gongkai.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real, built binary, as a user would. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', CI: '1', GONGKAI_LOCALE: '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

export function tempDir(prefix = 'gongkai-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Replaces what differs between machines and runs (versions, absolute paths, times) in JSON output. */
export function normaliseJson(text: string): unknown {
  const data = JSON.parse(text);
  data.tool.version = '<version>';
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === 'docsUrl') continue;
        o[k] = walk(x);
      }
      return o;
    }
    if (typeof v === 'string') return v.split(repoRoot).join('<repo>/').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>');
    return v;
  };
  return walk(data);
}
