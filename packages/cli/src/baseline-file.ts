import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GongkaiError, createBaseline, isBaseline, messagePair, type Baseline, type TargetResult } from '@gongkai/core';
import './messages.js';

export const BASELINE_NAME = 'gongkai-baseline.json';

export function readBaseline(file: string | undefined, cwd: string): Baseline | undefined {
  const path = resolve(cwd, file ?? BASELINE_NAME);
  if (!existsSync(path)) {
    if (file) throw new GongkaiError('cli/baseline-missing', messagePair('cli.notFound', { path: file }));
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    data = undefined;
  }
  if (!isBaseline(data)) {
    throw new GongkaiError('cli/bad-baseline', messagePair('cli.badBaseline', { file: file ?? BASELINE_NAME }));
  }
  return data;
}

export function writeBaseline(results: TargetResult[], file: string | undefined, cwd: string): { path: string; count: number } {
  const path = resolve(cwd, file ?? BASELINE_NAME);
  const baseline = createBaseline(results);
  writeFileSync(path, JSON.stringify(baseline, null, 2) + '\n');
  const count = Object.values(baseline.targets).reduce((n, rules) => n + Object.values(rules).reduce((m, r) => m + r.count, 0), 0);
  return { path, count };
}
