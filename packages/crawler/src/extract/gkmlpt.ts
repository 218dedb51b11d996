/**
 * Guangdong 政府信息公开平台 (gkmlpt): the column page `/gkmlpt/index#COL` is rendered in the browser from the JSON
 * API `/gkmlpt/api/all/COL?page=N&sid=SID` → `{ total, articles: [{ title, url, publish_time … }] }`.
 */
import type { ExtractedList, ListItem } from '../snapshot.js';
import { dateFromValue } from './dates.js';
import { normalizeUrl } from '../frontier/normalize.js';
import { jsonList } from './script-data.js';

const DATE_FIELDS = ['display_publish_time', 'publish_time', 'first_publish_time', 'pub_time', 'date', 'created_at', 'create_time'];

/** `/gkmlpt/index#2791` (or `/sub/gkmlpt/index#2791`) → API URL of page `page`. */
export function gkmlptApiUrl(columnPageUrl: string, page: number, sid?: string): string | undefined {
  let u: URL;
  try {
    u = new URL(columnPageUrl);
  } catch {
    return undefined;
  }
  const m = /^(.*?\/gkmlpt)\/(?:index|policy)/i.exec(u.pathname);
  const col = /^#(\d+)$/.exec(u.hash)?.[1];
  if (!m || !col) return undefined;
  const api = new URL(`${m[1]}/api/all/${col}`, u.origin);
  api.searchParams.set('page', String(page));
  if (sid) api.searchParams.set('sid', sid);
  return api.href;
}

export function isGkmlptApiUrl(url: string): boolean {
  return /\/gkmlpt\/api\/all\/\d+/i.test(url);
}

/** SID of a gkmlpt site, from the column page's inline configuration (`SID: '2'`, `sid = "755031"`). */
export function gkmlptSid(scripts: string): string | undefined {
  // `SID: '2'`, `sid = "755031"`, and JSON-style `"SID":"755031"`.
  return /\bSID['"]?\s*[:=]\s*['"]?(\d+)/i.exec(scripts)?.[1];
}

const MAX_CATEGORIES = 200;

/**
 * The category tree the gkmlpt front end draws from its inline configuration (`{ "id": 2791, "name": "政策文件" }`,
 * `{ id: 2792, name: '工作动态', … }`). Each category is a column page `index#ID` whose list comes from the API;
 * as links they are the page's navigation, as the browser would show them.
 */
export function gkmlptCategories(scripts: string, pageUrl: string): { url: string; text: string }[] {
  let base: URL;
  try {
    base = new URL(pageUrl);
  } catch {
    return [];
  }
  const root = /^(.*?\/gkmlpt)\//i.exec(base.pathname)?.[1];
  if (!root) return [];
  const out = new Map<string, string>();
  // Either order of the two keys in one object: `{ id: 2791, name: '政策文件' }` or `{ "name": "政策文件", "id": 2791 }`.
  const idFirst = /['"]?\bid['"]?\s*:\s*['"]?(\d{1,9})['"]?\s*,\s*['"]?(?:name|title|text|label)['"]?\s*:\s*(['"])([^'"]{1,40})\2/gi;
  const nameFirst = /['"]?\b(?:name|title|text|label)['"]?\s*:\s*(['"])([^'"]{1,40})\1\s*,\s*['"]?id['"]?\s*:\s*['"]?(\d{1,9})\b/gi;
  for (const m of scripts.matchAll(idFirst)) if (out.size < MAX_CATEGORIES && !out.has(m[1])) out.set(m[1], m[3].trim());
  for (const m of scripts.matchAll(nameFirst)) if (out.size < MAX_CATEGORIES && !out.has(m[3])) out.set(m[3], m[2].trim());
  return [...out].map(([id, text]) => ({ url: `${base.origin}${root}/index#${id}`, text }));
}

export function gkmlptList(jsonText: string, url: string): ExtractedList | undefined {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const obj = data as Record<string, unknown>;
  const articles = Array.isArray(obj.articles) ? obj.articles : Array.isArray(obj.data) ? obj.data : undefined;
  // Other shapes of the answer ({ data: { articles, total } } …): read as any list endpoint.
  if (!articles) return jsonList(jsonText, url, 'gkmlpt');
  const items: ListItem[] = [];
  for (const a of articles) {
    if (!a || typeof a !== 'object') continue;
    const rec = a as Record<string, unknown>;
    const title = typeof rec.title === 'string' ? rec.title.trim() : '';
    const href = typeof rec.url === 'string' ? rec.url : typeof rec.post_url === 'string' ? rec.post_url : undefined;
    if (!title) continue;
    const item: ListItem = { title };
    const abs = href ? normalizeUrl(href, url) : undefined;
    if (abs) item.url = abs;
    for (const f of DATE_FIELDS) {
      const d = dateFromValue(rec[f]);
      if (d) {
        item.date = d;
        item.dateSource = 'markup';
        break;
      }
    }
    items.push(item);
  }
  const list: ExtractedList = { source: 'gkmlpt', items, from: url };
  const total = typeof obj.total === 'number' ? obj.total : typeof obj.total === 'string' ? Number(obj.total) : NaN;
  if (Number.isFinite(total)) {
    list.total = total;
    const per = articles.length || 1;
    list.pages = Math.max(1, Math.ceil(total / per));
  }
  return list;
}
