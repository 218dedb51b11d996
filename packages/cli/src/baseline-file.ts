import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GongkaiError, createBaseline, isBaseline, type Baseline, type TargetResult } from '@gongkai/core';

export const BASELINE_NAME = 'gongkai-baseline.json';

export function readBaseline(file: string | undefined, cwd: string): Baseline | undefined {
  const path = resolve(cwd, file ?? BASELINE_NAME);
  if (!existsSync(path)) {
    if (file) throw new GongkaiError('cli/baseline-missing', { zh: `找不到基线文件：${file}`, en: `baseline file not found: ${file}` });
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    data = undefined;
  }
  if (!isBaseline(data)) {
    throw new GongkaiError('cli/bad-baseline', { zh: `${file ?? BASELINE_NAME} 不是有效的 gongkai 基线文件`, en: `${file ?? BASELINE_NAME} is not a valid gongkai baseline file` });
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
