/**
 * Text normalisation for matching column names: sites write the same column as "政策 解读", "【政策解读】",
 * "政策解读>>", "ZHENGCE 政策解读" or with full-width characters.
 */

const DECORATION = /[\s\u00a0\u3000【】\[\]「」『』《》〈〉<>()（）·•・>»›:：|｜\-—_.,，、。!！?？"'“”‘’#*~]+/g;

/** No column name is this long; page titles and link texts are cut here before any pattern sees them. */
const MAX_NAME = 1000;

const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export function normalizeName(text: string): string {
  const t = text.slice(0, MAX_NAME).normalize('NFKC').replace(DECORATION, '');
  // Latin letters at either end ("ZHENGCE 政策解读") are cut by index: `/[A-Za-z]+$/` retries from every letter of
  // a run that does not reach the end, which is quadratic (minutes for a megabyte of letters before one 字).
  let start = 0;
  let end = t.length;
  while (end > 0 && isLatin(t.charCodeAt(end - 1))) end--;
  while (start < end && isLatin(t.charCodeAt(start))) start++;
  return t.slice(start, end);
}

export type NameMatch = 'exact' | 'near';

/**
 * Whether a link text / column name denotes the given name. `near` allows a short prefix or suffix ("本局工作动态",
 * "政策解读专栏") but not an article title that merely contains the words.
 */
export function matchName(text: string, variants: readonly string[]): NameMatch | undefined {
  const t = normalizeName(text);
  if (!t) return undefined;
  let near = false;
  for (const v of variants) {
    const n = normalizeName(v);
    if (!n) continue;
    if (t === n) return 'exact';
    if (t.length <= n.length + 4 && t.includes(n) && !/\d{4}/.test(t)) near = true;
  }
  return near ? 'near' : undefined;
}

export function containsAny(text: string, words: readonly string[] | undefined): boolean {
  if (!words || !words.length) return true;
  const t = text.normalize('NFKC');
  return words.some((w) => t.includes(w.normalize('NFKC')));
}

const HASH_ROUTED = /\/gkmlpt\/(?:index|policy)/i;

/** The URL a page stands for: its final URL, except for a hash-routed page, whose fragment names the page. */
export function pageUrl(p: { url: string; finalUrl?: string }): string {
  return p.url.includes('#') && urlKey(p.url).includes('#') ? p.url : p.finalUrl || p.url;
}

/** Same URL for matching purposes: no fragment, no trailing index page, no trailing slash. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    // Hash-routed column pages (gkmlpt index#2791) are distinct pages of one document; other fragments are positions.
    if (!(HASH_ROUTED.test(u.pathname) && /^#[\w-]+$/.test(u.hash))) u.hash = '';
    let path = u.pathname.replace(/\/(index|default)\.(s?html?|jsp|php|aspx?)$/i, '/');
    if (path.length > 1) path = path.replace(/\/+$/, '');
    return `${u.protocol}//${u.host.toLowerCase()}${path}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A URL on the audited site: the same host or one of its subdomains (www.x.gov.cn and x.gov.cn count as one). */
export function isInternal(url: string, siteUrl: string): boolean {
  const h = hostOf(url);
  const s = hostOf(siteUrl);
  if (!h || !s) return false;
  const base = s.replace(/^www\./, '');
  return h === s || h === base || h.endsWith(`.${base}`);
}

const CN_YEAR_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', '○': '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

/** The year a title is about: "2025年", "2025年度", "二〇二五年". */
export function yearInTitle(title: string): number | undefined {
  const t = title.normalize('NFKC');
  const m = /(?<!\d)((?:19|20)\d{2})\s*(?:年|年度)?/.exec(t);
  if (m) return Number(m[1]);
  const c = /([〇零○Ｏ一二三四五六七八九]{4})\s*年/.exec(t);
  if (c) {
    const digits = [...c[1]].map((ch) => CN_YEAR_DIGITS[ch] ?? '').join('');
    if (digits.length === 4) return Number(digits);
  }
  return undefined;
}
