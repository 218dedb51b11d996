import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { FORMATTER_NAMES, GongkaiError, escapeControl, getFormatter, messagePair, t, type FormatContext, type Locale, type RunResult } from '@gongkai/core';
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
    if (path) checkOutputPath(path);
    return { name, path };
  });
}

function insideCwd(dir: string, cwd: string): boolean {
  const rel = relative(cwd, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * An output file's directory must exist, lie under the current directory (then it is created, as for
 * `-f html:reports/out.html`), or miss only its last level (created too, and the user is told). A typo in an
 * absolute path must not silently grow a chain of directories elsewhere on the disk. Checked before any work
 * starts, so a long run does not end in a failed write.
 */
export function checkOutputPath(path: string, cwd = process.cwd()): void {
  const dir = dirname(resolve(cwd, path));
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new GongkaiError('cli/bad-output', { zh: `输出文件的上级不是目录：${path}`, en: `the output file's parent is not a directory: ${path}` });
    }
    return;
  }
  if (!insideCwd(dir, cwd) && !existsSync(dirname(dir))) {
    throw new GongkaiError('cli/bad-output', {
      zh: `输出目录不存在：${dirname(path)}（当前目录以外只会创建最后一级目录）`,
      en: `output directory does not exist: ${dirname(path)} (outside the current directory only the last level is created)`,
    });
  }
}

/**
 * Writes an output file. Its directory was vetted by checkOutputPath; one created outside the current directory
 * is announced through `notice`, since the user may not expect it.
 */
export function writeOut(path: string, data: string | Uint8Array, onCreated?: (dir: string) => void, cwd = process.cwd()) {
  const dir = dirname(resolve(cwd, path));
  if (!existsSync(dir)) {
    checkOutputPath(path, cwd);
    mkdirSync(dir, { recursive: true });
    if (!insideCwd(dir, cwd)) onCreated?.(dir);
  }
  writeFileSync(path, data);
}

/** The `onCreated` of writeOut for a command: one line on stderr, in the run's language. */
export function announceDir(stderr: (s: string) => void, locale: Locale): (dir: string) => void {
  return (dir) => stderr(`gongkai: ${escapeControl(t('cli.createdDir', locale, { dir }))}\n`);
}

export async function emit(result: RunResult, specs: OutputSpec[], ctx: FormatContext, stdout: (s: string) => void, onCreated?: (dir: string) => void) {
  for (const spec of specs) {
    if (spec.name === 'xlsx') {
      const { formatXlsx } = await import('./formatters/xlsx.js');
      writeOut(spec.path!, await formatXlsx(result, ctx), onCreated);
      continue;
    }
    const formatter = getFormatter(spec.name)!;
    const text = formatter(result, spec.path ? { ...ctx, color: false } : ctx);
    if (spec.path) writeOut(spec.path, text.endsWith('\n') ? text : `${text}\n`, onCreated);
    else if (text) stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
}

export function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

