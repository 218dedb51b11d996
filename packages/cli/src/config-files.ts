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

/** Reads YAML or JSON; a syntax error becomes one line naming the file and the line. */
export function readDataFile(file: string): unknown {
  if (!existsSync(file)) {
    throw new GongkaiError('config/not-found', { zh: `找不到配置文件：${displayPath(file)}`, en: `config file not found: ${displayPath(file)}` });
  }
  const text = readFileSync(file, 'utf8');
  const shown = displayPath(file);
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
  return { data: readDataFile(file), file: displayPath(file) };
};
