/**
 * Date arithmetic on YYYY-MM-DD strings. All dates are Asia/Shanghai calendar days, so plain UTC arithmetic on the
 * calendar date is exact (no DST in China).
 */
import chineseDaysModule from 'chinese-days';

const DURATION = /^(\d+)([dwmy])$/;

export function isDuration(value: string): boolean {
  return DURATION.test(value);
}

function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
}

function fromUtc(t: Date): string {
  return t.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = toUtc(date);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** Calendar-month step that clamps to the month's end (03-31 minus one month is 02-28, not 03-03). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(ny, nm, Math.min(d, last))));
}

/** asOf minus a duration such as 14d, 2w, 6m, 1y. */
export function subtractDuration(date: string, duration: string): string {
  const m = DURATION.exec(duration);
  if (!m) throw new Error(`bad duration "${duration}" (expected e.g. 14d, 2w, 6m, 1y)`);
  const n = Number(m[1]);
  switch (m[2]) {
    case 'd':
      return addDays(date, -n);
    case 'w':
      return addDays(date, -7 * n);
    case 'm':
      return addMonths(date, -n);
    default:
      return addMonths(date, -12 * n);
  }
}

/** A date plus a duration such as 3m or 1y (calendar months clamp to the month's end, as in subtractDuration). */
export function addDuration(date: string, duration: string): string {
  const m = DURATION.exec(duration);
  if (!m) throw new Error(`bad duration "${duration}" (expected e.g. 14d, 2w, 6m, 1y)`);
  const n = Number(m[1]);
  switch (m[2]) {
    case 'd':
      return addDays(date, n);
    case 'w':
      return addDays(date, 7 * n);
    case 'm':
      return addMonths(date, n);
    default:
      return addMonths(date, 12 * n);
  }
}

/**
 * A comparable full date for a YYYY-MM or YYYY-MM-DD value. Month-precision dates are read as the month's last
 * day (but never after `cap`): a list that only shows months must not be called stale on a guess.
 */
export function comparableDate(date: string, cap?: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, m] = date.split('-').map(Number);
    const last = fromUtc(new Date(Date.UTC(y, m, 0)));
    return cap && last > cap ? cap : last;
  }
  return date;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** `MM-DD` in a given year. */
export function dateInYear(year: number, monthDay: string): string {
  return `${year}-${monthDay}`;
}

interface ChineseDays {
  isWorkday(date: string): boolean;
}

// chinese-days is CommonJS: depending on the loader (Node, vitest) the API sits on the namespace, on `default`, or
// one level deeper.
const chineseDays: ChineseDays = (() => {
  const mod = chineseDaysModule as unknown as Record<string, unknown> & { default?: Record<string, unknown> };
  for (const candidate of [mod, mod.default, mod.default?.default as Record<string, unknown> | undefined]) {
    if (candidate && typeof candidate.isWorkday === 'function') return candidate as unknown as ChineseDays;
  }
  throw new Error('chinese-days: isWorkday not found');
})();

function isWeekday(date: string): boolean {
  const day = toUtc(date).getUTCDay();
  return day !== 0 && day !== 6;
}

export type WorkdayCalendar = 'chinese' | 'weekdays';

/** Whether a day is a working day: the State Council holiday calendar with 调休 days, or plain Mon–Fri. */
export function isWorkday(date: string, calendar: WorkdayCalendar = 'chinese'): boolean {
  if (calendar === 'weekdays') return isWeekday(date);
  try {
    return chineseDays.isWorkday(date);
  } catch {
    // Outside the library's years: weekdays are the best available answer.
    return isWeekday(date);
  }
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workdaysBetween(from: string, to: string, calendar: WorkdayCalendar = 'chinese'): number {
  if (to <= from) return 0;
  let n = 0;
  // Bounded so that a wrong year (2062 for 2026) cannot loop for long.
  for (let d = addDays(from, 1), i = 0; d <= to && i < 3660; d = addDays(d, 1), i++) {
    if (isWorkday(d, calendar)) n++;
  }
  return n;
}

/** The `n`th working day after `from`: the last day something due "within n working days" may happen. */
export function nthWorkdayAfter(from: string, n: number, calendar: WorkdayCalendar = 'chinese'): string {
  let d = from;
  let left = n;
  for (let i = 0; left > 0 && i < 3660; i++) {
    d = addDays(d, 1);
    if (isWorkday(d, calendar)) left--;
  }
  return d;
}
