/**
 * TRS WCM pages: pagination written by `createPageHTML(...)` (static files index.shtml, index_1.shtml …) and lists
 * written by inline JS (`var url = "./202602/t…shtml"` … `document.writeln("2026-02-14")`).
 */
import type { ListItem } from '../snapshot.js';
import { findDate, dateFromUrl } from './dates.js';
import { normalizeUrl } from '../frontier/normalize.js';

export interface TrsPaging {
  pages: number;
  /** 0-based index of the current page. */
  current: number;
  total?: number;
  nextPages: string[];
}

function numericVars(scripts: string): Map<string, number> {
  const vars = new Map<string, number>();
  for (const m of scripts.matchAll(/(?:var|let|const)?\s*\b([A-Za-z_$][\w$]*)\s*=\s*['"]?(\d{1,7})['"]?\s*[;,\n]/g)) {
    vars.set(m[1], Number(m[2]));
  }
  return vars;
}

function splitArgs(s: string): string[] {
  return s.split(',').map((a) => a.trim().replace(/^['"]|['"]$/g, ''));
}

/**
 * Pagination from `createPageHTML(total, cur, "index", "shtml")`, the div-first variant
 * `createPageHTML('page_div', 5, 1, 'fg', 'shtml', 89)` (current page 1-based) or a lone `var countPage = N`.
 */
export function trsPaging(scripts: string, pageUrl: string, maxNext = 50): TrsPaging | undefined {
  const vars = numericVars(scripts);
  const num = (a: string | undefined) => {
    if (a === undefined) return undefined;
    if (/^\d+$/.test(a)) return Number(a);
    return vars.get(a);
  };
  const call = /createPageHTML\s*\(([^)]*)\)/.exec(scripts);
  let pages: number | undefined;
  let current = 0;
  let prefix = 'index';
  let ext: string | undefined;
  let total: number | undefined;
  if (call) {
    const raw = call[1];
    const args = splitArgs(raw);
    const firstQuoted = /^\s*['"]/.test(raw) && !/^\d+$/.test(args[0]);
    if (firstQuoted) {
      pages = num(args[1]);
      current = Math.max(0, (num(args[2]) ?? 1) - 1);
      prefix = args[3] || prefix;
      ext = args[4];
      total = num(args[5]);
    } else {
      pages = num(args[0]);
      current = num(args[1]) ?? 0;
      prefix = args[2] || prefix;
      ext = args[3];
    }
  } else {
    pages = vars.get('countPage');
    current = vars.get('currentPage') ?? 0;
  }
  if (!pages || pages < 1 || pages > 100_000) return undefined;
  if (!ext) {
    const m = /\.(s?html?)$/i.exec(new URL(pageUrl).pathname);
    ext = m ? m[1] : 'html';
  }
  const nextPages: string[] = [];
  for (let n = current + 1; n < pages && nextPages.length < maxNext; n++) {
    const u = normalizeUrl(`${prefix}_${n}.${ext}`, pageUrl);
    if (u) nextPages.push(u);
  }
  const out: TrsPaging = { pages, current, nextPages };
  if (total !== undefined) out.total = total;
  return out;
}

/** Items written by inline JS: a `url = "…"` assignment with a nearby title and `document.write(ln)` date. */
export function inlineJsItems(scripts: string, pageUrl: string): ListItem[] {
  const urlRe = /\b(?:var\s+)?(?:str_?)?url\s*=\s*["']([^"']+\.(?:s?html?|jsp|htm))["']/gi;
  const matches = [...scripts.matchAll(urlRe)];
  const items: ListItem[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    const start = m.index ?? 0;
    const end = i + 1 < matches.length ? (matches[i + 1].index ?? scripts.length) : Math.min(scripts.length, start + 1500);
    const prevEnd = i > 0 ? (matches[i - 1].index ?? 0) + matches[i - 1][0].length : Math.max(0, start - 600);
    const after = scripts.slice(start, end);
    const around = scripts.slice(prevEnd, end);
    const url = normalizeUrl(m[1], pageUrl);
    if (!url || seen.has(url)) continue;
    const t = /\b(?:var\s+)?(?:str_?)?title\s*=\s*["']([^"']{2,300})["']/i.exec(around);
    const w = /document\.writeln?\(\s*["']([^"']*)["']\s*\)/g;
    let date: string | undefined;
    for (const dm of after.matchAll(w)) {
      const found = findDate(dm[1]);
      if (found) {
        date = found.date;
        break;
      }
    }
    if (!date) date = findDate(after.replace(urlRe, ''))?.date;
    seen.add(url);
    const item: ListItem = { title: t ? t[1].trim() : url, url };
    if (date) {
      item.date = date;
      item.dateSource = 'markup';
    } else {
      const ud = dateFromUrl(url);
      if (ud) {
        item.date = ud;
        item.dateSource = 'url';
      }
    }
    items.push(item);
  }
  return items;
}
