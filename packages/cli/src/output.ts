import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FORMATTER_NAMES, GongkaiError, getFormatter, messagePair, type FormatContext, type RunResult } from '@gongkai/core';
import './messages.js';

export interface OutputSpec {
  name: string;
  /** Undefined means standard output. */
  path?: string;
}

const EXTRA = ['xlsx'];

/** `--format stylish --format json:out/report.json` → specs; names are checked before any work starts. */
export function parseFormats(values: string[] | undefined): OutputSpec[] {
  const list = values?.length ? values : ['stylish'];
  return list.map((v) => {
    const at = v.indexOf(':');
    const name = at < 0 ? v : v.slice(0, at);
    const path = at < 0 ? undefined : v.slice(at + 1) || undefined;
    if (!getFormatter(name) && !EXTRA.includes(name)) {
      throw new GongkaiError('cli/bad-format', messagePair('cli.badFormat', { name, known: [...FORMATTER_NAMES, ...EXTRA].join(', ') }));
    }
    if (name === 'xlsx' && !path) {
      throw new GongkaiError('cli/bad-format', { zh: 'xlsx 格式需要输出文件：--format xlsx:结果.xlsx', en: 'xlsx needs an output file: --format xlsx:results.xlsx' });
    }
    return { name, path };
  });
}

function writeOut(path: string, data: string | Uint8Array) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

export async function emit(result: RunResult, specs: OutputSpec[], ctx: FormatContext, stdout: (s: string) => void) {
  for (const spec of specs) {
    if (spec.name === 'xlsx') {
      const { formatXlsx } = await import('./formatters/xlsx.js');
      writeOut(spec.path!, await formatXlsx(result, ctx));
      continue;
    }
    const formatter = getFormatter(spec.name)!;
    const text = formatter(result, spec.path ? { ...ctx, color: false } : ctx);
    if (spec.path) writeOut(spec.path, text.endsWith('\n') ? text : `${text}\n`);
    else if (text) stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
}

export function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

