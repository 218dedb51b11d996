/**
 * Date mentions in running text: 2024-03-31, 2024年3月31日, 2024.3.31, 2024/3/31, 二〇二四年三月三十一日,
 * 2024年3月 (month only), 2024年度 / 2012年 (year only), and the first year of a range (2006～2008年).
 * Offsets are into the text given; full-width input is normalised internally without moving offsets.
 */
import { normalizeWidth } from './normalize.js';
import { parseChineseNumber } from './chinese-number.js';
import type { DateValue } from '../model/types.js';

export interface FoundDate {
  value: DateValue;
  /** YYYY-MM-DD when year, month and day are all known. */
  iso?: string;
  /** True when written as a fiscal/report year (2024年度). */
  yearOfReport?: boolean;
  raw: string;
  /** 0-based [start, end) into the text passed in. */
  start: number;
  end: number;
}

const CN_DIGIT = '〇零○一二三四五六七八九';
const CN_MONTH = '(?:十[一二]?|[一二三四五六七八九])';
const CN_DAY = '(?:三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';

// One alternation scanned left to right; named groups say which form matched.
const DATE_RE = new RegExp(
  [
    // 2024年3月31日 / 2024年3月 / 2024年度 / 2024年
    String.raw`(?<![\d.])(?<y1>(?:19|20)\d{2})[ ]*年(?:[ ]*(?<m1>\d{1,2})[ ]*月(?:[ ]*(?<d1>\d{1,2})[ ]*[日号])?|(?<du1>度))?`,
    // 2024-03-31 / 2024.3.31 / 2024/3/31 (same separator twice)
    String.raw`(?<![\d.])(?<y2>(?:19|20)\d{2})(?<sep>[-./])(?<m2>\d{1,2})\k<sep>(?<d2>\d{1,2})(?![\d])`,
    // 二〇二四年三月三十一日 / 二〇二四年三月 / 二〇二一年度
    `(?<y3>[${CN_DIGIT}]{4})[ ]*年(?:[ ]*(?<m3>${CN_MONTH})[ ]*月(?:[ ]*(?<d3>${CN_DAY})[ ]*[日号])?|(?<du3>度))?`,
    // the first year of 2006～2008年 / 2006-2008年度
    String.raw`(?<![\d.])(?<y4>(?:19|20)\d{2})[ ]*(?:[~\-—–－至到])[ ]*(?=(?:19|20)\d{2}[ ]*年)`,
  ].join('|'),
  'g',
);

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Builds the value for y/m/d; returns null when the month or day is impossible. */
export function makeDate(year: number, month?: number, day?: number): { value: DateValue; iso?: string } | null {
  if (month === undefined) return { value: { year } };
  if (month < 1 || month > 12) return null;
  if (day === undefined) return { value: { year, month } };
  if (!validDay(year, month, day)) return null;
  return { value: { year, month, day }, iso: `${year}-${pad2(month)}-${pad2(day)}` };
}

export function findDates(text: string): FoundDate[] {
  const norm = normalizeWidth(text);
  const out: FoundDate[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(norm)) !== null) {
    const g = m.groups!;
    let made: ReturnType<typeof makeDate> = null;
    let yearOfReport = false;
    let end = m.index + m[0].length;
    if (g.y1 !== undefined) {
      const y = +g.y1;
      if (g.m1 !== undefined) {
        made = makeDate(y, +g.m1, g.d1 !== undefined ? +g.d1 : undefined);
        // 2024年13月: keep the year rather than dropping the mention.
        if (!made) {
          made = makeDate(y);
          end = m.index + norm.slice(m.index).indexOf('年') + 1;
        }
      } else {
        made = makeDate(y);
        yearOfReport = g.du1 !== undefined;
      }
    } else if (g.y2 !== undefined) {
      made = makeDate(+g.y2, +g.m2!, +g.d2!);
    } else if (g.y3 !== undefined) {
      const y = parseChineseNumber(g.y3)!;
      if (y >= 1900 && y <= 2199) {
        const mo = g.m3 !== undefined ? parseChineseNumber(g.m3)! : undefined;
        const d = g.d3 !== undefined ? parseChineseNumber(g.d3)! : undefined;
        made = makeDate(y, mo, d);
        yearOfReport = g.du3 !== undefined;
      }
    } else if (g.y4 !== undefined) {
      made = makeDate(+g.y4);
      end = m.index + g.y4.length;
    }
    if (!made) continue;
    const found: FoundDate = { value: made.value, raw: text.slice(m.index, end), start: m.index, end };
    if (made.iso) found.iso = made.iso;
    if (yearOfReport) found.yearOfReport = true;
    out.push(found);
  }
  return out;
}

/** The first complete date (YYYY-MM-DD) in a string, e.g. a metadata value "2017-12-13 14:32:53". */
export function firstIsoDate(text: string): string | undefined {
  for (const d of findDates(text)) if (d.iso) return d.iso;
  return undefined;
}
