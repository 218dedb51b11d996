/**
 * URL normalisation, crawl scope and "never follow" rules. The normalised form is what the snapshot records; the
 * dedup key additionally folds aliases (http/https, trailing index.html) that must not change what is reported.
 */

const TRACKING_PARAMS = new Set([
  'spm', 'from', 'fbclid', 'gclid', 'msclkid', 'isappinstalled', 'scene', 'clicktime', 'enterid', 'wfr',
  'share_token', 'sharer', 'sharesource', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'yclid', 'ref_src',
]);

/** Fragments that address content rather than a position (hash-routed CMS pages); they are kept. */
const MEANINGFUL_FRAGMENT = /\/gkmlpt\/(?:index|policy)/i;

const SKIP_SCHEMES = /^\s*(?:javascript|mailto|tel|sms|data|about|file|ftp|weixin|vbscript):/i;

/**
 * Resolve `href` against `base` and normalise. Returns undefined for non-http(s) links, empty hrefs and URLs the
 * WHATWG parser rejects.
 */
export function normalizeUrl(href: string, base?: string): string | undefined {
  let raw = href.trim();
  if (!raw || raw === '#' || SKIP_SCHEMES.test(raw)) return undefined;
  // Full-width and stray whitespace inside hrefs are common copy-paste artefacts in CMS templates.
  raw = raw.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
  let u: URL;
  try {
    u = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password) {
    u.username = '';
    u.password = '';
  }
  // WHATWG URL already lower-cases the host, drops the default port and resolves dot segments.
  u.pathname = u.pathname.replace(/;jsessionid=[^/?#]*/gi, '');
  if (u.search) {
    const params = new URLSearchParams(u.search);
    let changed = false;
    for (const key of [...params.keys()]) {
      const k = key.toLowerCase();
      if (k.startsWith('utm_') || TRACKING_PARAMS.has(k) || k === 'jsessionid') {
        params.delete(key);
        changed = true;
      }
    }
    if (changed) u.search = params.toString();
  }
  if (u.hash && !(MEANINGFUL_FRAGMENT.test(u.pathname) && /^#[\w-]+$/.test(u.hash))) u.hash = '';
  return u.href;
}

/** The URL actually requested: fragments never go on the wire. */
export function wireUrl(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** Key for "have we seen this": folds http/https and `/index.html` ≡ `/` (aliases for dedup only). */
export function dedupKey(url: string): string {
  let key = url.replace(/^https?:\/\//i, '//');
  key = key.replace(/\/(?:index|default)\.(?:s?html?|jsp|php|aspx?)(?=$|[?#])/i, '/');
  return key;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const stripWww = (h: string) => (h.startsWith('www.') ? h.slice(4) : h);

/**
 * Crawl scope: the site's host (with or without `www.`), plus explicitly allowed hosts. Subdomains are not in scope
 * unless allowed, because many agencies share a parent domain with unrelated sites.
 */
export class Scope {
  private readonly hosts = new Set<string>();

  constructor(siteUrl: string, allowed: string[] = []) {
    this.add(hostOf(siteUrl));
    for (const h of allowed) this.add(h);
  }

  add(host: string): void {
    const h = host.trim().toLowerCase();
    if (h) this.hosts.add(stripWww(h));
  }

  contains(url: string): boolean {
    const h = hostOf(url);
    return h !== '' && this.hosts.has(stripWww(h));
  }

  list(): string[] {
    return [...this.hosts];
  }
}

const SEARCH_PATH = /(?:^|\/)(?:was5\/web\/search|was\/web\/search|search\.(?:jsp|do|aspx?|php|html?)|jrobot|s\.jsp|fulltextsearch|searchresult)/i;
const SEARCH_SEGMENT = /(?:^|\/)(?:search|so|jsearch|zhsearch|solr)(?:\/|$)/i;
const SEARCH_PARAMS = new Set(['q', 'keyword', 'keywords', 'searchword', 'wd', 'query', 'kw', 'searchkey']);
const LOGOUT = /(?:logout|log_out|signout|sign_out|loginout|exitsys|tuichu|dologout)/i;

export type NeverFollowReason = 'search' | 'logout';

/** Site-search result pages and logout links are never crawled: they are unbounded or have side effects. */
export function neverFollow(url: string): NeverFollowReason | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const path = u.pathname;
  if (LOGOUT.test(path)) return 'logout';
  if (SEARCH_PATH.test(path) || SEARCH_SEGMENT.test(path)) return 'search';
  for (const key of u.searchParams.keys()) {
    if (SEARCH_PARAMS.has(key.toLowerCase())) return 'search';
  }
  return undefined;
}

const ATTACHMENT_EXT = /\.(pdf|docx?|xlsx?|wps|ofd|zip|rar|7z|pptx?|et|dps|ceb|caj|txt|csv)$/i;

/** File extension of an attachment link, or undefined for pages. */
export function attachmentExt(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = ATTACHMENT_EXT.exec(path);
  return m ? m[1].toLowerCase() : undefined;
}

const ASSET_EXT = /\.(css|js|mjs|png|jpe?g|gif|bmp|svg|ico|webp|woff2?|ttf|eot|mp4|mp3|avi|flv|wmv|swf|apk|exe|iso)$/i;

/** Images, scripts, media: not pages and not attachments an auditor checks. */
export function isAsset(url: string): boolean {
  try {
    return ASSET_EXT.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
