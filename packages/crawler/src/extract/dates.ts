/**
 * Date recognition for list items and article pages. Gov pages write dates in many ways (2026-02-14, 2026/2/14,
 * 2026.02.14, 2026年2月14日, 二〇二六年二月十四日, [02-14]); everything is returned as YYYY-MM-DD (or YYYY-MM when
 * only a month is shown), interpreted in Asia/Shanghai.
 */

export interface FoundDate {
  date: string;
  /** The year was not written and was inferred from the reference date. */
  yearInferred?: boolean;
  /** Offset of the match in the searched text, for callers that prefer the first/last date. */
  index: number;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, Ｏ: 0, O: 0, o: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const pad = (n: number) => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function fmt(y: number, m: number, d?: number): string {
  return d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
}

/** 二〇二四 → 2024 (digit by digit), 十二 → 12, 二十三 → 23, 三十一 → 31. */
function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) {
    let n = 0;
    for (const ch of s) {
      const v = CN_DIGITS[ch];
      if (v === undefined) return undefined;
      n = n * 10 + v;
    }
    return n;
  }
  const [tens, ones] = s.split('十');
  const t = tens === '' ? 1 : CN_DIGITS[tens];
  const o = ones === '' ? 0 : CN_DIGITS[ones];
  if (t === undefined || o === undefined) return undefined;
  return t * 10 + o;
}

/** Year, month and day in Asia/Shanghai for a reference instant. */
export function shanghaiYmd(now: Date): { y: number; m: number; d: number } {
  const t = new Date(now.getTime() + 8 * 3600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const FULL_NUMERIC = /(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?/g;
const FULL_CN = /([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?/g;
const COMPACT = /(?<![\d_])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/g;
const YEAR_MONTH = /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})(?!\d)\s*(?:月)?/g;
const MONTH_DAY = /(?<![\d\-/.年])(\d{1,2})\s*[-/月]\s*(\d{1,2})(?![\d\-/.])\s*日?/g;

export interface FindDateOptions {
  /** Reference date for year inference of MM-DD dates. */
  now?: Date;
  /** Accept YYYY-MM (month precision) when no full date is present. */
  allowMonth?: boolean;
  /** Accept MM-DD without a year. Only safe on short date-only strings. */
  allowMonthDay?: boolean;
  /** Accept 20260214 (8 digits); off for free text where such numbers are often IDs. */
  allowCompact?: boolean;
}

/** Every full date in a text, in order. */
export function findAllDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(FULL_NUMERIC)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (validYmd(y, mo, d)) out.push({ date: fmt(y, mo, d), index: m.index ?? 0 });
  }
  if (/[〇零○Ｏ]|[一二三四五六七八九]{4}/.test(text)) {
    for (const m of text.matchAll(FULL_CN)) {
      const y = cnNumber(m[1]);
      const mo = cnNumber(m[2]);
      const d = m[3] ? cnNumber(m[3]) : undefined;
      if (y === undefined || mo === undefined) continue;
      if (d !== undefined && validYmd(y, mo, d)) out.push({ date: fmt(y, mo, d), index: m.index ?? 0 });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first date in a text; falls back to month precision and yearless dates when the options allow. */
export function findDate(text: string, options: FindDateOptions = {}): FoundDate | undefined {
  if (!text) return undefined;
  const full = findAllDates(text);
  if (full.length) return full[0];
  if (options.allowCompact) {
    for (const m of text.matchAll(COMPACT)) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (validYmd(y, mo, d)) return { date: fmt(y, mo, d), index: m.index ?? 0 };
    }
  }
  if (options.allowMonth) {
    for (const m of text.matchAll(YEAR_MONTH)) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      if (mo >= 1 && mo <= 12 && y >= 1990 && y <= 2100) return { date: fmt(y, mo), index: m.index ?? 0 };
    }
    for (const m of text.matchAll(FULL_CN)) {
      const y = cnNumber(m[1]);
      const mo = cnNumber(m[2]);
      if (y !== undefined && mo !== undefined && mo >= 1 && mo <= 12 && y >= 1990 && y <= 2100) {
        return { date: fmt(y, mo), index: m.index ?? 0 };
      }
    }
  }
  if (options.allowMonthDay) {
    for (const m of text.matchAll(MONTH_DAY)) {
      const mo = Number(m[1]);
      const d = Number(m[2]);
      const ref = shanghaiYmd(options.now ?? new Date());
      // A list shows recent items: a month-day later than today belongs to last year.
      const y = mo > ref.m || (mo === ref.m && d > ref.d) ? ref.y - 1 : ref.y;
      if (validYmd(y, mo, d)) return { date: fmt(y, mo, d), yearInferred: true, index: m.index ?? 0 };
    }
  }
  return undefined;
}

/**
 * Date encoded in a CMS URL: Hanweb `/art/2026/9/11/`, TRS `t20260214_123.shtml`, `/202602/` directories,
 * `/2026-02/14/` and `/2026/0214/` archives. Lower confidence than anything shown on the page.
 */
export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  let m = /\/art\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(path);
  if (m && validYmd(+m[1], +m[2], +m[3])) return fmt(+m[1], +m[2], +m[3]);
  m = /[/_]t((?:19|20)\d{2})(\d{2})(\d{2})_\d+/.exec(path);
  if (m && validYmd(+m[1], +m[2], +m[3])) return fmt(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})-?(\d{2})\/(\d{2})\//.exec(path);
  if (m && validYmd(+m[1], +m[2], +m[3])) return fmt(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})\/(\d{2})(\d{2})\//.exec(path);
  if (m && validYmd(+m[1], +m[2], +m[3])) return fmt(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})(0[1-9]|1[0-2])\//.exec(path);
  if (m) return fmt(+m[1], +m[2]);
  return undefined;
}

/** Normalise a date-like value from JSON (unix seconds or ms, ISO string, "2026-02-14 10:00"). */
export function dateFromValue(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const ms = value < 1e11 ? value * 1000 : value;
    const { y, m, d } = shanghaiYmd(new Date(ms));
    return validYmd(y, m, d) ? fmt(y, m, d) : undefined;
  }
  if (typeof value === 'string') {
    const s = value.trim();
    if (/^\d{9,13}$/.test(s)) return dateFromValue(Number(s));
    return findDate(s, { allowCompact: true })?.date;
  }
  return undefined;
}
