import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../src/text/index.js';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['二十三', 23], ['一百', 100], ['一百零五', 105],
    ['三百五十', 350], ['一千二百三十四', 1234], ['两千', 2000], ['两千三', 2300], ['三百五', 350], ['一千零一', 1001],
    ['万', 10000], ['一万', 10000], ['十万', 100000], ['三万五千', 35000], ['一亿二千万', 120000000], ['一万亿', 1e12],
    ['零', 0], ['两', 2], ['壹佰贰拾', 120], ['拾', 10],
  ])('%s → %d', (s, v) => {
    expect(parseChineseNumber(s)).toBe(v);
  });

  it('reads years digit by digit', () => {
    expect(parseChineseNumber('二〇二四')).toBe(2024);
    expect(parseChineseNumber('二零二一')).toBe(2021);
    expect(parseChineseNumber('一九九八')).toBe(1998);
    expect(parseChineseNumber('二○一二')).toBe(2012);
  });

  it('rejects non-numerals', () => {
    expect(parseChineseNumber('')).toBeNull();
    expect(parseChineseNumber('一是')).toBeNull();
    expect(parseChineseNumber('23')).toBeNull();
    expect(parseChineseNumber('统一')).toBeNull();
  });
});
