import { t, type Locale } from '@gongkai/core';
import type { Io } from './io.js';

/** TIMING=1 prints the slowest rules, as ESLint does; TIMING=all prints every rule. */
export function printTiming(timing: Map<string, number>, locale: Locale, io: Io) {
  const all = [...timing].sort((a, b) => b[1] - a[1]);
  const total = all.reduce((n, [, ms]) => n + ms, 0) || 1;
  const rows = process.env.TIMING === 'all' ? all : all.slice(0, Number(process.env.TIMING) > 1 ? Number(process.env.TIMING) : 10);
  const width = Math.max(4, ...rows.map(([id]) => id.length));
  const lines = [`${t('cli.timing', locale)}`, `${'Rule'.padEnd(width)} | Time (ms) | Relative`];
  for (const [id, ms] of rows) lines.push(`${id.padEnd(width)} | ${ms.toFixed(3).padStart(9)} | ${((ms / total) * 100).toFixed(1).padStart(7)}%`);
  io.stderr(lines.join('\n') + '\n');
}
