import { describe, expect, test } from 'vitest';
import { dateFromUrl, dateFromValue, findAllDates, findDate } from '../../src/extract/dates.js';

describe('findDate', () => {
  test.each([
    ['2026-02-14', '2026-02-14'],
    ['[2026-2-4]', '2026-02-04'],
    ['发布时间：2026/02/14 17:32', '2026-02-14'],
    ['2026.02.14', '2026-02-14'],
    ['2026年2月14日', '2026-02-14'],
    ['2026 年 2 月 14 日', '2026-02-14'],
    ['二〇二四年三月五日', '2024-03-05'],
    ['二〇二四年十二月三十一日印发', '2024-12-31'],
  ])('%s → %s', (text, date) => {
    expect(findDate(text)?.date).toBe(date);
  });

  test('rejects impossible dates', () => {
    expect(findDate('2026-02-30')).toBeUndefined();
    expect(findDate('2026-13-01')).toBeUndefined();
  });

  test('month precision only when allowed', () => {
    expect(findDate('2026-02')).toBeUndefined();
    expect(findDate('2026-02', { allowMonth: true })?.date).toBe('2026-02');
    expect(findDate('二〇二四年三月', { allowMonth: true })?.date).toBe('2024-03');
  });

  test('MM-DD infers the year from the reference date (Asia/Shanghai) and says so', () => {
    const now = new Date('2026-01-10T02:00:00Z');
    expect(findDate('[01-05]', { allowMonthDay: true, now })).toMatchObject({ date: '2026-01-05', yearInferred: true });
    // A December date seen in January belongs to the previous year.
    expect(findDate('12-28', { allowMonthDay: true, now })).toMatchObject({ date: '2025-12-28', yearInferred: true });
    expect(findDate('12-28', { now })).toBeUndefined();
  });

  test('compact dates only when allowed', () => {
    expect(findDate('20260214')).toBeUndefined();
    expect(findDate('20260214', { allowCompact: true })?.date).toBe('2026-02-14');
  });

  test('findAllDates keeps text order', () => {
    expect(findAllDates('成文日期：2026年1月5日 发布日期：2026-01-08').map((d) => d.date)).toEqual(['2026-01-05', '2026-01-08']);
  });
});

describe('dateFromUrl', () => {
  test.each([
    ['https://www.jiangsu.gov.cn/art/2026/9/11/art_33718_11828204.html', '2026-09-11'],
    ['https://www.mee.gov.cn/xxgk/202204/t20220417_974894.shtml', '2022-04-17'],
    ['http://x.gov.cn/zwgk/202602/abc.html', '2026-02'],
    ['http://x.gov.cn/news/2026-02/14/content_1.htm', '2026-02-14'],
    ['http://x.gov.cn/about.html', undefined],
  ])('%s', (url, date) => {
    expect(dateFromUrl(url)).toBe(date);
  });
});

describe('dateFromValue', () => {
  test('unix seconds and milliseconds are read in Asia/Shanghai', () => {
    // 2026-02-13T16:30:00Z is already 2026-02-14 in Beijing.
    const sec = Date.UTC(2026, 1, 13, 16, 30) / 1000;
    expect(dateFromValue(sec)).toBe('2026-02-14');
    expect(dateFromValue(sec * 1000)).toBe('2026-02-14');
    expect(dateFromValue(String(sec))).toBe('2026-02-14');
    expect(dateFromValue('2026-02-14 10:00:00')).toBe('2026-02-14');
    expect(dateFromValue(null)).toBeUndefined();
  });
});
