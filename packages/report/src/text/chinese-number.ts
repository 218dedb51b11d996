/**
 * Chinese numerals: 二十三, 一百零五, 三万五千, 一亿二千万, 两千三 (= 2300), financial forms (壹贰叁, 拾佰仟) and
 * digit-by-digit years (二〇二四). Returns null for anything that is not a numeral string.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 'Ｏ': 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};

const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters that may appear in a Chinese numeral (for building regexes elsewhere). */
export const CHINESE_NUMERAL_CHARS = '零〇○一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億';

export function isChineseDigit(ch: string): boolean {
  return ch in DIGITS;
}

export function parseChineseNumber(input: string): number | null {
  const s = input.trim();
  if (s === '') return null;
  let hasUnit = false;
  for (const ch of s) {
    if (ch in SMALL_UNITS || ch in BIG_UNITS) hasUnit = true;
    else if (!(ch in DIGITS)) return null;
  }
  if (!hasUnit) {
    // 二〇二四, 一九九八, 三: read digit by digit, the way years and codes are written.
    let v = 0;
    for (const ch of s) v = v * 10 + DIGITS[ch]!;
    return v;
  }

  let result = 0; // completed 亿/万 groups
  let section = 0; // value below the current 万 group
  let num = 0; // the pending digit
  let sawDigit = false;
  let lastUnit = 0; // small unit of the last "digit+unit" pair, for 两千三 = 2300
  let zeroSinceUnit = false;
  let pendingAfterUnit = false;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (d === 0) {
        zeroSinceUnit = true;
        num = 0;
      } else {
        num = d;
        pendingAfterUnit = lastUnit > 0;
      }
      sawDigit = true;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      // A bare leading 十 means 一十 (十二 = 12).
      section += (num === 0 && !sawDigit ? 1 : num) * small;
      num = 0;
      sawDigit = false;
      lastUnit = small;
      zeroSinceUnit = false;
      pendingAfterUnit = false;
      continue;
    }
    const big = BIG_UNITS[ch]!;
    let group = section + num;
    if (group === 0 && result === 0) group = 1; // 万 alone (近万条) is one 万
    if (big === 1e8) result = (result + group) * big;
    else result += group * big;
    section = 0;
    num = 0;
    sawDigit = false;
    lastUnit = 0;
    zeroSinceUnit = false;
    pendingAfterUnit = false;
  }
  if (pendingAfterUnit && !zeroSinceUnit && lastUnit >= 100) {
    // Colloquial omission of the trailing unit: 两千三 = 2300, 三百五 = 350.
    num = num * (lastUnit / 10);
  }
  return result + section + num;
}
