import { readFileSync, existsSync } from 'node:fs';
import { GongkaiError, messagePair, type AgencyLevel } from '@gongkai/core';
import './messages.js';
import { parse } from 'yaml';
import { displayPath } from './config-files.js';

export interface SiteEntry {
  name?: string;
  url: string;
  level?: AgencyLevel;
  region?: string;
}

const LEVELS = new Set(['department', 'government', 'township']);
/** Offices keep these lists in Excel; accept the Chinese column headers they use too. */
const HEADER_ALIASES: Record<string, keyof SiteEntry> = {
  name: 'name', 名称: 'name', 网站名称: 'name', 单位: 'name', 单位名称: 'name',
  url: 'url', 网址: 'url', 地址: 'url', 首页: 'url', 网站地址: 'url',
  level: 'level', 层级: 'level', 级别: 'level',
  region: 'region', 地区: 'region', 区划: 'region',
};

function bad(file: string, where: string, zh: string, en: string): GongkaiError {
  return new GongkaiError('cli/bad-sites', { zh: `${displayPath(file)}: ${where}: ${zh}`, en: `${displayPath(file)}: ${where}: ${en}` });
}

function checkEntry(file: string, where: string, e: Record<string, unknown>): SiteEntry {
  const url = typeof e.url === 'string' ? e.url.trim() : '';
  if (!url) throw bad(file, where, '缺少 url', 'missing url');
  if (!/^https?:\/\//i.test(url)) throw bad(file, where, `url 应以 http:// 或 https:// 开头，实际为 "${url}"`, `url must start with http:// or https://, got "${url}"`);
  const level = typeof e.level === 'string' && e.level.trim() ? e.level.trim() : undefined;
  if (level && !LEVELS.has(level)) throw bad(file, `${where}.level`, `应为 department、government 或 township，实际为 "${level}"`, `must be department, government or township, got "${level}"`);
  return {
    url,
    ...(typeof e.name === 'string' && e.name.trim() ? { name: e.name.trim() } : {}),
    ...(level ? { level: level as AgencyLevel } : {}),
    ...(typeof e.region === 'string' && e.region.trim() ? { region: e.region.trim() } : {}),
  };
}

/** Splits one CSV line, honouring double quotes (names with commas, as Excel writes them). */
function csvCells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '，') (out.push(cur), (cur = ''));
    else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

export function readSitesFile(file: string): SiteEntry[] {
  if (!existsSync(file)) throw new GongkaiError('cli/not-found', messagePair('cli.notFound', { path: file }));
  const bytes = readFileSync(file);
  // Excel on Chinese Windows saves CSV as GBK; fall back to it when the bytes are not UTF-8.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  text = text.replace(/^\ufeff/, '');
  if (/\.csv$/i.test(file)) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    if (!lines.length) throw bad(file, '1', '文件为空', 'file is empty');
    const header = csvCells(lines[0]).map((h) => HEADER_ALIASES[h.toLowerCase()] ?? HEADER_ALIASES[h]);
    if (!header.includes('url')) throw bad(file, 'line 1', '表头缺少 url 列', 'the header has no url column');
    return lines.slice(1).map((line, i) => {
      const cells = csvCells(line);
      const row: Record<string, unknown> = {};
      header.forEach((key, j) => key && (row[key] = cells[j]));
      return checkEntry(file, `line ${i + 2}`, row);
    });
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw bad(file, '1', `YAML 无法解析：${(e as Error).message.split('\n')[0]}`, `invalid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const list = Array.isArray(data) ? data : (data as { sites?: unknown })?.sites;
  if (!Array.isArray(list)) throw bad(file, 'sites', '应为站点列表', 'must be a list of sites');
  return list.map((e, i) => checkEntry(file, `sites[${i}]`, (typeof e === 'string' ? { url: e } : e) as Record<string, unknown>));
}
