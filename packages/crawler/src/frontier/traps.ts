/**
 * Crawler-trap detection. No rule catches every trap, so this combines cheap patterns (URL length, repeated path
 * segments, calendars) with a per-site memory of how many distinct values each query parameter took under one
 * path. The page and depth caps remain the final backstop.
 */

export type TrapKind = 'long-url' | 'repeated-segments' | 'calendar' | 'exploding-query';

export interface TrapOptions {
  maxUrlLength?: number;
  /** Distinct values of one parameter under one path before further values are refused. */
  maxParamValues?: number;
  /** Same for date-like parameters (calendars iterate them). */
  maxDateParamValues?: number;
}

const DATE_PARAM = /^(?:date|day|month|year|ym|ymd|yyyymm|y|m|d|time|rq|riqi|caldate|curdate|selectdate)$/i;
const ID_PARAM = /(?:^id$|id$|^doc|^art|^info|^news|^content|^guid$|^uuid$|^uid$)/i;
const PAGE_PARAM = /^(?:page|pageno|pagenum|pageindex|currpage|curpage|pn|p|startrecord|endrecord|perpage|pagesize)$/i;
const CALENDAR = /calendar|rili|richeng|日历/i;

function repeatedSegments(segments: string[]): boolean {
  const counts = new Map<string, number>();
  for (const s of segments) {
    const n = (counts.get(s) ?? 0) + 1;
    if (n >= 4) return true;
    counts.set(s, n);
  }
  // A block of one or more segments repeated back to back (/a/a/a/, /a/b/a/b/).
  for (let len = 1; len <= segments.length / 2; len++) {
    for (let i = 0; i + 2 * len <= segments.length; i++) {
      let same = true;
      for (let k = 0; k < len && same; k++) same = segments[i + k] === segments[i + len + k];
      if (!same) continue;
      // Two identical single segments (/news/news/) occur on real sites; demand three, or a longer block twice.
      if (len >= 2) return true;
      if (i + 3 * len <= segments.length && segments[i + 2 * len] === segments[i]) return true;
    }
  }
  return false;
}

export class TrapDetector {
  private readonly maxUrlLength: number;
  private readonly maxParamValues: number;
  private readonly maxDateParamValues: number;
  private readonly values = new Map<string, Set<string>>();

  constructor(options: TrapOptions = {}) {
    this.maxUrlLength = options.maxUrlLength ?? 2000;
    this.maxParamValues = options.maxParamValues ?? 40;
    this.maxDateParamValues = options.maxDateParamValues ?? 6;
  }

  /** Returns the trap kind when the URL must not be crawled. Records parameter values as a side effect. */
  check(url: string): TrapKind | undefined {
    if (url.length > this.maxUrlLength) return 'long-url';
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return undefined;
    }
    const segments = u.pathname.split('/').filter(Boolean);
    if (segments.length >= 3 && repeatedSegments(segments)) return 'repeated-segments';
    const params = [...u.searchParams.entries()];
    const dateParams = params.filter(([k, v]) => DATE_PARAM.test(k) && /^[\d\-/.]+$/.test(v));
    if (CALENDAR.test(u.pathname + u.search) && dateParams.length > 0) return 'calendar';
    let verdict: TrapKind | undefined;
    for (const [key, value] of params) {
      if (PAGE_PARAM.test(key)) continue;
      if (ID_PARAM.test(key) && /^[\w-]{1,64}$/.test(value)) continue;
      const isDate = DATE_PARAM.test(key) && /^[\d\-/.]+$/.test(value);
      const slot = `${u.pathname}\u0000${key}`;
      let seen = this.values.get(slot);
      if (!seen) {
        seen = new Set();
        this.values.set(slot, seen);
      }
      const limit = isDate ? this.maxDateParamValues : this.maxParamValues;
      if (!seen.has(value)) {
        if (seen.size >= limit) verdict ??= isDate ? 'calendar' : 'exploding-query';
        else seen.add(value);
      }
    }
    return verdict;
  }
}
