import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { GongkaiError, type PackLoader } from '@gongkai/core';

export const CONFIG_NAMES = [
  'gongkai.config.yaml',
  'gongkai.config.yml',
  'gongkai.config.json',
  '.gongkairc.yaml',
  '.gongkairc.yml',
  '.gongkairc.json',
];

/** Nearest config file from `start` upward, as ESLint and Stylelint look them up. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p) && statSync(p).isFile()) return p;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** A path for messages: relative to cwd when inside it, so errors read like `gongkai.config.yaml: …`. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

const MAX_DATA_FILE_BYTES = 10 * 1024 * 1024;

/** Reads YAML or JSON; a syntax error becomes one line naming the file and the line. */
export function readDataFile(file: string): unknown {
  if (!existsSync(file)) {
    throw new GongkaiError('config/not-found', { zh: `找不到配置文件：${displayPath(file)}`, en: `config file not found: ${displayPath(file)}` });
  }
  const shown = displayPath(file);
  const info = statSync(file);
  // A config or pack is a few KB; a device, FIFO or huge file named by mistake must not be read forever.
  if (!info.isFile() || info.size > MAX_DATA_FILE_BYTES) {
    throw new GongkaiError('config/not-data', {
      zh: `${shown}: 不是配置文件（${info.isFile() ? '文件过大' : '不是普通文件'}）`,
      en: `${shown}: not a config file (${info.isFile() ? 'too large' : 'not a regular file'})`,
    });
  }
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (e) {
      const msg = (e as Error).message;
      const pos = /position (\d+)/.exec(msg);
      const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
      throw new GongkaiError('config/parse', { zh: `${shown}: 第 ${line} 行：JSON 无法解析：${msg}`, en: `${shown}: line ${line}: invalid JSON: ${msg}` });
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = lineCounter.linePos(err.pos[0]).line;
    const msg = err.message.split('\n')[0];
    throw new GongkaiError('config/parse', { zh: `${shown}: 第 ${line} 行：YAML 无法解析：${msg}`, en: `${shown}: line ${line}: invalid YAML: ${msg}` });
  }
  return doc.toJS();
}

/** Loads packs named by path in `extends` (relative to the file naming them). Ids are left to the PackSet. */
export const filePackLoader: PackLoader = (ref, fromFile) => {
  if (!/[\\/]|\.(ya?ml|json)$/.test(ref)) return undefined;
  const base = existsSync(fromFile) ? dirname(fromFile) : process.cwd();
  const file = resolve(base, ref);
  return { data: readMapping(file), file: displayPath(file) };
};

function kindOf(value: unknown): { zh: string; en: string } {
  if (Array.isArray(value)) return { zh: '列表', en: 'a list' };
  if (typeof value === 'string') return { zh: '一段文本', en: 'plain text' };
  return { zh: String(typeof value), en: String(typeof value) };
}

/**
 * A config or pack file must hold a mapping. Anything else is named by its kind only: the schema validator would
 * quote the value, and a path typed by mistake (`extends: [/etc/passwd]`) must not have its content echoed.
 */
export function readMapping(file: string): unknown {
  const data = readDataFile(file);
  if (data === null || data === undefined || (typeof data === 'object' && !Array.isArray(data))) return data;
  const kind = kindOf(data);
  const shown = displayPath(file);
  throw new GongkaiError('config/not-mapping', {
    zh: `${shown}: 不是 gongkai 配置或规则包（应为“键: 值”映射，实际是${kind.zh}）`,
    en: `${shown}: not a gongkai config or pack (expected a key: value mapping, got ${kind.en})`,
  });
}
