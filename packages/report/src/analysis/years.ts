/** Year mentions in running text: 2012年, 二〇二一年, 2006～2008年 (range: both ends). */

export interface YearMention {
  year: number;
  index: number;
  length: number;
  /** True for the end of a range such as 2006～2008年. */
  rangeEnd?: boolean;
  rangeStart?: number;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const YEAR_RE = /(?:((?:19|20)[0-9]{2})\s*[-—–~～至到]\s*)?((?:19|20)[0-9]{2}|[一二][〇零Ｏ九][〇零Ｏ一二三四五六七八九]{2})\s*年(?!代)/g;

export function cnYear(s: string): number | null {
  if (/^[0-9]{4}$/.test(s)) return Number(s);
  let n = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

export function scanYears(text: string): YearMention[] {
  const out: YearMention[] = [];
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    const before = m.index > 0 ? text[m.index - 1] : '';
    if (/[0-9]/.test(before)) continue;
    const y = cnYear(m[2]);
    if (y === null) continue;
    const mention: YearMention = { year: y, index: m.index, length: m[0].length };
    if (m[1]) {
      mention.rangeEnd = true;
      mention.rangeStart = Number(m[1]);
    }
    out.push(mention);
  }
  return out;
}
