import { describe, expect, it } from 'vitest';
import { findDates, firstIsoDate } from '../../src/text/index.js';

const one = (s: string) => {
  const found = findDates(s);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('findDates', () => {
  it.each(['2024-03-31', '2024年3月31日', '2024.3.31', '2024/3/31', '二〇二四年三月三十一日', '2024 年 3 月 31 日', '２０２４年３月３１日'])(
    '%s is 2024-03-31',
    (s) => {
      const d = one(`于${s}前`);
      expect(d.iso).toBe('2024-03-31');
      expect(d.value).toEqual({ year: 2024, month: 3, day: 31 });
      expect(d.raw).toBe(s);
      expect(d.start).toBe(1);
    },
  );

  it('reads month-only and year-only mentions', () => {
    expect(one('2024年3月下旬')).toMatchObject({ value: { year: 2024, month: 3 }, raw: '2024年3月' });
    expect(one('2024年3月下旬').iso).toBeUndefined();
    expect(one('2024年度报告')).toMatchObject({ value: { year: 2024 }, yearOfReport: true, raw: '2024年度' });
    expect(one('2012年，在市委')).toMatchObject({ value: { year: 2012 }, raw: '2012年' });
    expect(one('二〇二一年度')).toMatchObject({ value: { year: 2021 }, yearOfReport: true });
    expect(one('二〇二一年十二月')).toMatchObject({ value: { year: 2021, month: 12 } });
  });

  it('reads both ends of a year range', () => {
    expect(findDates('2006～2008年政务公开工作总结').map((d) => d.value.year)).toEqual([2006, 2008]);
  });

  it('rejects impossible dates and numbers that only look like dates', () => {
    expect(findDates('2023-02-30')).toEqual([]);
    expect(findDates('编号12024-03-31x').length).toBe(0);
    expect(findDates('增长3.5.')).toEqual([]);
    expect(findDates('共1458条')).toEqual([]);
  });

  it('firstIsoDate takes the first complete date', () => {
    expect(firstIsoDate('2017-12-13 14:32:53')).toBe('2017-12-13');
    expect(firstIsoDate('2017年12月')).toBeUndefined();
  });

  it('handles many mentions in one pass with correct offsets', () => {
    const text = '统计期限自2011年1月1日起至2011年12月31日止。';
    const ds = findDates(text);
    expect(ds.map((d) => d.iso)).toEqual(['2011-01-01', '2011-12-31']);
    for (const d of ds) expect(text.slice(d.start, d.end)).toBe(d.raw);
  });
});
