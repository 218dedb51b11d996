/**
 * Hanweb (大汉 jcms/jpage) lists. The column page carries its first records as CDATA inside
 * `<script type="text/xml"><datastore>`; further records come from `/module/web/jpage/dataproxy.jsp`, whose
 * response is the same XML with `<totalrecord>`/`<totalpage>`. Records are HTML fragments, parsed as a second
 * document so the usual item logic (link, date span) applies.
 */
import type { ExtractedList, ListItem } from '../snapshot.js';
import { parseHtml } from './dom.js';
import { toListItem, type BuildOptions } from './lists.js';
import { walkDocument } from './walk.js';
import { normalizeUrl } from '../frontier/normalize.js';

const RECORD = /<record\b[^>]*>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/record>/gi;
const RECORD_TAGS = new Set(['gkrecord']);

export function recordsOf(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(RECORD)) {
    const html = m[1] ?? m[2] ?? '';
    if (html.trim()) out.push(html);
  }
  return out;
}

/** Items of record fragments: one item per record, wrapped so nested markup cannot merge records. */
export function itemsOfRecords(records: string[], baseUrl: string, options: BuildOptions): ListItem[] {
  if (records.length === 0) return [];
  const html = records.map((r) => `<gkrecord>${r}</gkrecord>`).join('');
  const walked = walkDocument(parseHtml(html), { baseUrl, itemTags: RECORD_TAGS, recordRows: true });
  const items: ListItem[] = [];
  for (const raw of walked.items) {
    const item = toListItem(raw, options);
    if (item) items.push(item);
  }
  return items;
}

function intTag(xml: string, tag: string): number | undefined {
  const m = new RegExp(`<${tag}>\\s*(?:<!\\[CDATA\\[)?\\s*(\\d+)`, 'i').exec(xml);
  return m ? Number(m[1]) : undefined;
}

/** `$('#212860').jpage({ totalRecord: 4895, perPage: 19, … })` for one unit (or the first call when no id). */
export function jpageParams(scripts: string, unitId?: string): { totalRecord?: number; perPage?: number } {
  const calls = [...scripts.matchAll(/\$\(\s*['"]#?([\w-]*)['"]\s*\)\s*\.jpage\(\s*\{([\s\S]*?)\}\s*\)/g)];
  const call = calls.find((c) => unitId && c[1] === unitId) ?? calls[0];
  const text = call ? call[2] : scripts;
  const total = /totalRecord\s*:\s*['"]?(\d+)/i.exec(text);
  const per = /perPage\s*:\s*['"]?(\d+)/i.exec(text);
  return { totalRecord: total ? Number(total[1]) : undefined, perPage: per ? Number(per[1]) : undefined };
}

function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.href;
}

/** A `<datastore>` block of a column page, with the URLs of the next record groups. */
export function datastoreList(
  xml: string,
  pageUrl: string,
  scripts: string,
  unitId: string | undefined,
  options: BuildOptions,
  maxNext = 10,
): ExtractedList {
  const records = recordsOf(xml);
  const items = itemsOfRecords(records, pageUrl, options);
  const { totalRecord, perPage } = jpageParams(scripts, unitId);
  const total = totalRecord ?? intTag(xml, 'totalrecord');
  const list: ExtractedList = { source: 'hanweb-datastore', items };
  if (total !== undefined) list.total = total;
  const per = perPage ?? (records.length || 15);
  if (total !== undefined) list.pages = Math.max(1, Math.ceil(total / per));
  const ng = /<nextgroup>\s*<!\[CDATA\[[\s\S]*?href\s*=\s*['"]([^'"]+)['"]/i.exec(xml);
  const proxy = ng ? normalizeUrl(ng[1].replace(/&amp;/g, '&'), pageUrl) : undefined;
  if (proxy) {
    // The datastore holds the first group of records; dataproxy serves the following ranges.
    const group = Math.max(records.length, per);
    const next: string[] = [];
    for (let start = records.length + 1; next.length < maxNext; start += group) {
      if (total !== undefined && start > total) break;
      next.push(withParams(proxy, {
        startrecord: String(start), endrecord: String(start + group - 1), perpage: String(per),
      }));
      if (total === undefined) break;
    }
    if (next.length) list.nextPages = next;
  }
  return list;
}

/** A dataproxy.jsp XML response. */
export function dataproxyList(xml: string, url: string, options: BuildOptions): ExtractedList {
  const items = itemsOfRecords(recordsOf(xml), url, options);
  const list: ExtractedList = { source: 'hanweb-dataproxy', items };
  const total = intTag(xml, 'totalrecord');
  const pages = intTag(xml, 'totalpage');
  if (total !== undefined) list.total = total;
  if (pages !== undefined) list.pages = pages;
  return list;
}

export function isDataproxyUrl(url: string): boolean {
  return /\/dataproxy\.jsp(?:$|\?)/i.test(url);
}
