/**
 * Reading "label：value" fields from a page. Record pages (双公示 decisions, 留言 letters) show their fields either as
 * a table (<td>行政相对人名称</td><td>某公司</td>) or as lines "来信时间：2026-08-01". Tables reach the snapshot cell by
 * cell in `fields`, which is exact: an empty cell is empty. Lines (and snapshots made before `fields` existed) are
 * read from `mainText`, where the only reliable way to cut a value is at the next known label, so the reader is
 * always given the whole vocabulary of labels the page may use.
 */
import type { FetchedPage } from '../snapshot.js';

/** Empty cells that sites fill with a dash or 无 instead of leaving them blank. */
const PLACEHOLDER = /^(?:[-—–_/\\*.。·…、]+|无|暂无|空|null|undefined|none|n\/a|nan|待定|未填写|未知)$/i;
const MAX_VALUE = 300;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function norm(s: string): string {
  return s.normalize('NFKC');
}

/** Label without spaces and trailing colon, NFKC, for comparing a written label with a vocabulary entry. */
export function labelKey(label: string): string {
  return norm(label).replace(/\s+/g, '').replace(/[:：]$/, '');
}

const cache = new Map<string, RegExp>();

function labelPattern(labels: readonly string[]): RegExp {
  const keys = [...new Set(labels.map(labelKey).filter(Boolean))].sort((a, b) => b.length - a.length);
  const id = keys.join('\u0000');
  let re = cache.get(id);
  if (!re) {
    // Letters of a label may be spaced out ("来 信 时 间"). A label must start the text or follow a separator, and
    // be followed by a colon or a space: that keeps "办公地址" from reading as 地址 and prose from reading as labels.
    const alt = keys.map((k) => [...k].map(escapeRegExp).join('\\s*')).join('|');
    re = new RegExp(`(?<=^|[\\s;；。,，|｜])(${alt})(?:\\s*[:：]\\s*|\\s+|$)`, 'g');
    if (cache.size > 50) cache.clear();
    cache.set(id, re);
  }
  return re;
}

/** Whether a field value is a real value, not an empty cell or a dash. */
export function hasValue(value: string | undefined): value is string {
  if (value === undefined) return false;
  // Judged on the first token: a cell holding only "/" reads as "/ 处罚机关 …" when the next label is unknown.
  const v = firstToken(norm(value));
  return v.length > 0 && !PLACEHOLDER.test(v);
}

/**
 * Fields found in a text: written label key → value (the text up to the next known label, trimmed, capped).
 * The first occurrence of a label wins, as the record's own table comes before any related-links block.
 */
export function readLabeledText(text: string, labels: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const t = norm(text);
  if (!t || !labels.length) return out;
  const re = labelPattern(labels);
  const hits = [...t.matchAll(re)];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    const key = labelKey(h[1]);
    if (out.has(key)) continue;
    const start = (h.index ?? 0) + h[0].length;
    const end = i + 1 < hits.length ? hits[i + 1].index ?? t.length : t.length;
    out.set(key, t.slice(start, Math.max(start, Math.min(end, start + MAX_VALUE))).trim());
  }
  return out;
}

/**
 * The page's cell-by-cell `fields` for the given labels: written label key → the cell's text (possibly empty).
 * The first cell of a label wins.
 */
export function readTableFields(page: FetchedPage, labels: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!page.fields) return out;
  const wanted = new Set(labels.map(labelKey));
  for (const [k, v] of Object.entries(page.fields)) {
    const key = labelKey(k);
    if (wanted.has(key) && !out.has(key)) out.set(key, norm(v).trim());
  }
  return out;
}

/**
 * Fields of a page from its 信息 block (`pageInfo`), its table cells (`fields`) and its main text. A table cell
 * beats the main text, even when empty: the text after an empty cell is the next cell or the page's prose, not a
 * value. The info block wins over both when it has a value.
 */
export function readPageFields(page: FetchedPage, labels: readonly string[]): Map<string, string> {
  const out = readLabeledText(page.mainText ?? '', labels);
  for (const [k, v] of readTableFields(page, labels)) out.set(k, v);
  const wanted = new Set(labels.map(labelKey));
  for (const [k, v] of Object.entries(page.pageInfo ?? {})) {
    const key = labelKey(k);
    if (wanted.has(key) && hasValue(v)) out.set(key, norm(v).trim());
  }
  return out;
}

/** The value of the first of `labels` (in the given order) that the fields hold with a real value. */
export function fieldValue(fields: Map<string, string>, labels: readonly string[]): { label: string; value: string } | undefined {
  for (const l of labels) {
    const key = labelKey(l);
    const v = fields.get(key);
    if (hasValue(v)) return { label: key, value: v };
  }
  return undefined;
}

/** The first whitespace-free run of a value: a name, number or date cell followed by the page's prose. */
export function firstToken(value: string): string {
  return value.trim().split(/\s+/)[0] ?? '';
}
