import { describe, expect, it } from 'vitest';
import { findNumbers, parseCellNumber } from '../../src/text/index.js';

const one = (s: string) => {
  const found = findNumbers(s);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('findNumbers', () => {
  it('reads plain counts with units and offsets', () => {
    const text = '本年度主动公开政府信息1458条。';
    const n = one(text);
    expect(n).toMatchObject({ value: 1458, unit: '条', raw: '1458条' });
    expect(n.approx).toBeUndefined();
    expect(text.slice(n.start, n.end)).toBe('1458条');
  });

  it('reads approximation markers', () => {
    expect(one('新增350余条')).toMatchObject({ value: 350, unit: '条', approx: 'over', raw: '350余条' });
    expect(one('信息量近万条')).toMatchObject({ value: 10000, unit: '条', approx: 'near', raw: '近万条' });
    expect(one('受理约300件')).toMatchObject({ value: 300, unit: '件', approx: 'about', raw: '约300件' });
    expect(one('办理300件左右')).toMatchObject({ value: 300, unit: '件', approx: 'about' });
    expect(one('共800多则报道')).toMatchObject({ value: 800, unit: '则', approx: 'over' });
    expect(one('投入100余万元')).toMatchObject({ value: 100, unit: '万元', approx: 'over' });
  });

  it('reads money, percentages, separators and full-width digits', () => {
    expect(one('收费1700万元')).toMatchObject({ value: 1700, unit: '万元' });
    expect(one('按时答复率99.45%')).toMatchObject({ value: 99.45, unit: '%' });
    expect(one('占６５％')).toMatchObject({ value: 65, unit: '%', raw: '６５％' });
    expect(one('共1,234件')).toMatchObject({ value: 1234, unit: '件', raw: '1,234件' });
    expect(one('共１２３件')).toMatchObject({ value: 123, unit: '件', raw: '１２３件' });
    expect(one('达到百分之九十')).toMatchObject({ value: 90, unit: '%', raw: '百分之九十' });
    expect(one('百分之九十九点五以上')).toMatchObject({ value: 99.5, unit: '%', approx: 'over' });
    expect(one('3万条')).toMatchObject({ value: 30000, unit: '条' });
    expect(one('三万元')).toMatchObject({ value: 3, unit: '万元' });
  });

  it('does not treat a full-width comma as a thousands separator', () => {
    const found = findNumbers('分别为12，345件');
    expect(found.map((n) => n.value)).toEqual([12, 345]);
  });

  it('reads Chinese numerals only with a unit', () => {
    expect(one('收到申请五件')).toMatchObject({ value: 5, unit: '件' });
    expect(one('二十个工作日内')).toMatchObject({ value: 20, unit: '个工作日' });
    expect(findNumbers('一是统一部署，进一步加强')).toEqual([]);
  });

  it('skips dates and ordinals', () => {
    expect(findNumbers('2012年3月31日前，依据第三十一条')).toEqual([]);
    const n = findNumbers('2010年，公民申请5件');
    expect(n.map((x) => x.value)).toEqual([5]);
  });
});

describe('parseCellNumber', () => {
  it.each([
    ['12', 12], [' 0 ', 0], ['1,234', 1234], ['5件', 5], ['99.45%', 99.45], ['１２', 12], ['三', 3], ['12.5', 12.5],
  ])('%s → %d', (s, v) => expect(parseCellNumber(s)).toBe(v));
  it.each(['', '  ', '无', '—', '-', '--', '/', '属于国家秘密', '12（含）'])('%s → null', (s) => {
    expect(parseCellNumber(s)).toBeNull();
  });
});
