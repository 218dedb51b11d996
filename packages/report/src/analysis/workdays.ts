/** Working days in China (调休 included) via chinese-days; plain Monday–Friday outside the years it knows. */
import chineseDays from 'chinese-days';

const KNOWN_FROM = 2004;

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function isWeekday(iso: string): boolean {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

export function isWorkday(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  if (year < KNOWN_FROM) return isWeekday(iso);
  try {
    return chineseDays.isWorkday(iso);
  } catch {
    return isWeekday(iso);
  }
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workdaysBetween(from: string, to: string): number {
  if (to <= from) return 0;
  let n = 0;
  // Deadlines are at most a few months away; a day-by-day walk is cheap and handles 调休 exactly.
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(d)) n++;
  return n;
}

export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}
