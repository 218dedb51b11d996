/**
 * Guangdong 政府信息公开平台 (gkmlpt): the column page `/gkmlpt/index#COL` is rendered in the browser from the JSON
 * API `/gkmlpt/api/all/COL?page=N&sid=SID` → `{ total, articles: [{ title, url, publish_time … }] }`.
 */
import type { ExtractedList, ListItem } from '../snapshot.js';
import { dateFromValue } from './dates.js';
import { normalizeUrl } from '../frontier/normalize.js';

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
  return /\bSID\s*[:=]\s*['"]?(\d+)/i.exec(scripts)?.[1];
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
  if (!articles) return undefined;
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
  const list: ExtractedList = { source: 'gkmlpt', items };
  const total = typeof obj.total === 'number' ? obj.total : typeof obj.total === 'string' ? Number(obj.total) : NaN;
  if (Number.isFinite(total)) {
    list.total = total;
    const per = articles.length || 1;
    list.pages = Math.max(1, Math.ceil(total / per));
  }
  return list;
}
