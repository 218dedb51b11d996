/**
 * Lists that inline scripts render in the browser: the crawler never runs page scripts, so it reads them instead.
 * - data URLs an inline script loads (a synchronous XHR, `fetch`, `$.ajax` / `$.get` / `$.getJSON`, `.load()`) when
 *   they are plain string literals: the crawl fetches them (same politeness and budgets as list pagination) and reads
 *   a JSON answer with `jsonList` or an HTML fragment with the page extractor;
 * - arrays of records written into the script itself (`var list = [{ title: …, url: …, date: … }]` followed by
 *   `document.write`), read without evaluating anything.
 */
import type { ExtractedList, ListItem } from '../snapshot.js';
import { dateFromValue } from './dates.js';
import { normalizeUrl } from '../frontier/normalize.js';

const MAX_DATA_URLS = 4;
const MAX_ARRAY_CHARS = 200_000;
const MAX_RECORDS = 500;
const MAX_ARRAYS = 20;

/** `xhr.open('GET', '/a/list.json', false)`, `fetch("/a/list.json")`, `$.getJSON('…')`, `$('#l').load('…')`. */
const CALLS = [
  /\.open\(\s*['"](?:GET|POST)['"]\s*,\s*(['"])([^'"]+)\1\s*[,)]/gi,
  /\bfetch\(\s*(['"])([^'"]+)\1\s*[,)]/g,
  /\$\.(?:get|post|getJSON)\(\s*(['"])([^'"]+)\1\s*[,)]/g,
  /\.load\(\s*(['"])([^'"]+)\1\s*[,)]/g,
  // `$.ajax({ url: '/a/list.json', … })`: only inside an ajax call, where `url:` names the request.
  /\$\.ajax\(\s*\{[^}]{0,400}?\burl\s*:\s*(['"])([^'"]+)\1/g,
];

/** The same calls with a variable for the URL: `xhr.open('GET', listUrl, false)`, `fetch(dataUrl)`. */
const CALLS_BY_NAME = [
  /\.open\(\s*['"](?:GET|POST)['"]\s*,\s*([A-Za-z_$][\w$]*)\s*[,)]/gi,
  /\bfetch\(\s*([A-Za-z_$][\w$]*)\s*[,)]/g,
  /\$\.(?:get|post|getJSON)\(\s*([A-Za-z_$][\w$]*)\s*[,)]/g,
];

/** `var listUrl = '/gzdt/list.json';`: a variable given one literal URL and nothing appended to it. */
function literalVariable(scripts: string, name: string): string | undefined {
  const re = new RegExp(`(?:var|let|const)\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*(['"])([^'"]+)\\1\\s*[;\\n]`, 'g');
  const hits = [...scripts.matchAll(re)];
  if (hits.length !== 1) return undefined;
  if (new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*(?:\\+=|=(?!=))`, 'g').exec(scripts.slice((hits[0].index ?? 0) + hits[0][0].length))) return undefined;
  return hits[0][2];
}

/** URLs of list data the page's inline scripts load, resolved against the page; string literals only. */
export function scriptDataUrls(scripts: string, pageUrl: string): string[] {
  const out: string[] = [];
  const add = (raw: string | undefined) => {
    if (!raw || /^\s*(?:javascript:|#)|\{\{|\$\{/.test(raw)) return;
    const url = normalizeUrl(raw, pageUrl);
    if (url && !out.includes(url)) out.push(url);
  };
  for (const re of CALLS_BY_NAME) {
    for (const m of scripts.matchAll(re)) if (out.length < MAX_DATA_URLS) add(literalVariable(scripts, m[1]));
  }
  for (const re of CALLS) {
    for (const m of scripts.matchAll(re)) {
      // `'/list?page=' + n`: a URL built at run time is not the list's address.
      const close = (m.index ?? 0) + m[0].lastIndexOf(m[1]) + 1;
      if (/^\s*\+/.test(scripts.slice(close, close + 8))) continue;
      add(m[2]);
      if (out.length >= MAX_DATA_URLS) return out.slice(0, MAX_DATA_URLS);
    }
  }
  return out;
}

const TITLE_KEYS = ['title', 'doctitle', 'name', 'infotitle', 'subject', 'bt', 'wzbt', 'articletitle', 'headline', 'linktitle'];
const URL_KEYS = ['url', 'link', 'href', 'docurl', 'docpuburl', 'post_url', 'path', 'linkurl', 'detailurl', 'pageurl', 'puburl'];
const DATE_KEYS = [
  'display_publish_time', 'publish_time', 'publishtime', 'pubdate', 'pub_date', 'publishdate', 'date', 'docreltime', 'releasetime',
  'fbrq', 'fbsj', 'createtime', 'create_time', 'first_publish_time', 'time', 'updatetime', 'created_at',
];
const TOTAL_KEYS = ['total', 'totalcount', 'totalrecord', 'totalrecords', 'recordcount', 'count', 'totalnum', 'totalelements', 'totalsize'];

function field(rec: Record<string, unknown>, keys: readonly string[]): unknown {
  const lower = new Map(Object.keys(rec).map((k) => [k.toLowerCase(), k]));
  for (const k of keys) {
    const real = lower.get(k);
    if (real !== undefined && rec[real] !== undefined && rec[real] !== null && rec[real] !== '') return rec[real];
  }
  return undefined;
}

/** One record of a data array as a list item, when it has a title. */
function recordItem(rec: Record<string, unknown>, baseUrl: string): ListItem | undefined {
  const title = field(rec, TITLE_KEYS);
  if (typeof title !== 'string' || !title.trim()) return undefined;
  const item: ListItem = { title: title.replace(/<[^>]*>/g, '').trim() };
  const href = field(rec, URL_KEYS);
  const url = typeof href === 'string' ? normalizeUrl(href, baseUrl) : undefined;
  if (url) item.url = url;
  const date = dateFromValue(field(rec, DATE_KEYS));
  if (date) {
    item.date = date;
    item.dateSource = 'markup';
  }
  return item;
}

function isRecordArray(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && !Array.isArray(x)) && v.some((x) => typeof field(x as Record<string, unknown>, TITLE_KEYS) === 'string');
}

/** The first array of titled records in a JSON value (breadth first, a few levels down) and the object holding it. */
interface Found {
  records: Record<string, unknown>[];
  holder?: Record<string, unknown>;
}

function findRecords(root: unknown): Found | undefined {
  let level: { value: unknown; holder?: Record<string, unknown> }[] = [{ value: root }];
  let firstEmpty: Found | undefined;
  for (let depth = 0; depth < 5 && level.length; depth++) {
    const next: typeof level = [];
    for (const { value, holder } of level) {
      if (isRecordArray(value)) return { records: value, holder };
      if (Array.isArray(value) && value.length === 0 && holder && !firstEmpty) firstEmpty = { records: [], holder };
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const v of Object.values(value as Record<string, unknown>)) next.push({ value: v, holder: value as Record<string, unknown> });
      }
    }
    level = next;
  }
  return firstEmpty;
}

function totalOf(holder: Record<string, unknown> | undefined, root: unknown): number | undefined {
  for (const obj of [holder, root]) {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) continue;
    const t = field(obj as Record<string, unknown>, TOTAL_KEYS);
    const n = typeof t === 'number' ? t : typeof t === 'string' && /^\d+$/.test(t) ? Number(t) : NaN;
    if (Number.isFinite(n) && n >= 0) return n;
  }
  return undefined;
}

/**
 * A list endpoint's JSON answer as a list: `{ total, list: [...] }`, `{ data: { records: [...], totalCount } }`,
 * a bare array … Records need a title; url and date are read from the usual field names. A zero total with an
 * empty array is an empty list (not a failure).
 */
export function jsonList(text: string, url: string, source: ExtractedList['source'] = 'script-json'): ExtractedList | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '').replace(/^[\w$.]+\(([\s\S]*)\)\s*;?\s*$/, '$1'));
  } catch {
    return undefined;
  }
  // Without an array of records (even an empty one) the answer is not a list: a visit counter's `{ count: 0 }` must
  // not make a column look empty.
  const found = findRecords(data);
  if (!found) return undefined;
  const total = totalOf(found.holder, data);
  const items = found.records.slice(0, MAX_RECORDS).map((r) => recordItem(r, url)).filter((i): i is ListItem => !!i);
  const list: ExtractedList = { source, items, from: url };
  if (total !== undefined) {
    list.total = total;
    list.pages = Math.max(1, Math.ceil(total / (items.length || 1)));
  }
  return list;
}

/** The bracket-balanced array literal starting at `start` (strings respected), or undefined. */
function arrayLiteral(s: string, start: number): string | undefined {
  let depth = 0;
  let quote = '';
  for (let i = start; i < s.length && i - start < MAX_ARRAY_CHARS; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return s.slice(start, i + 1);
    }
  }
  return undefined;
}

/** A JS object/array literal as JSON: single-quoted strings, unquoted keys and trailing commas are rewritten. */
function looseJson(literal: string): unknown {
  const json = literal
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, s: string) => JSON.stringify(s.replace(/\\'/g, "'")))
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
    .replace(/,\s*([}\]])/g, '$1');
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** Records an inline script writes out (`var list = [{ title: '…', url: '…', date: '…' }]; … document.write(…)`). */
export function scriptArrayItems(scripts: string, pageUrl: string): ListItem[] {
  if (!/document\.write|innerHTML|\.append\(|\.html\(/.test(scripts)) return [];
  const items: ListItem[] = [];
  let tried = 0;
  for (const m of scripts.matchAll(/=\s*\[\s*\{/g)) {
    // Bounded work per page: each try scans up to MAX_ARRAY_CHARS.
    if (++tried > MAX_ARRAYS) break;
    const literal = arrayLiteral(scripts, (m.index ?? 0) + m[0].indexOf('['));
    const value = literal ? looseJson(literal) : undefined;
    if (!isRecordArray(value)) continue;
    for (const r of value.slice(0, MAX_RECORDS)) {
      const item = recordItem(r, pageUrl);
      if (item) items.push(item);
    }
  }
  return items;
}
