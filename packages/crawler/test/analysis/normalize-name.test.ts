import { describe, expect, it } from 'vitest';
import { normalizeName, matchName } from '../../src/analysis/text.js';

describe('normalizeName', () => {
  it('drops decoration, full-width forms and Latin letters at either end', () => {
    expect(normalizeName('【政策 解读】>>')).toBe('政策解读');
    expect(normalizeName('ZHENGCE 政策解读')).toBe('政策解读');
    expect(normalizeName('政策解读 Policy')).toBe('政策解读');
    expect(normalizeName('ＡＢＣ政务公开ｘｙｚ')).toBe('政务公开');
    expect(normalizeName('政务A公开')).toBe('政务A公开');
    expect(normalizeName('OnlyLatin')).toBe('');
    expect(matchName('ZHENGCE 政策解读', ['政策解读'])).toBe('exact');
  });

  // With /[A-Za-z]+$/ the first of these ran for minutes; the test timeout is what catches a return of that.
  it('a megabyte of letters followed by one Chinese character is no name (only its first 1000 characters count)', () => {
    expect(normalizeName('a'.repeat(1 << 20) + '字')).toBe('');
    expect(normalizeName('字' + 'b'.repeat(1 << 20))).toBe('字');
    expect(normalizeName('a'.repeat(900) + '字')).toBe('字');
  });
});
