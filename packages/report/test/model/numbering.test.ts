import { describe, expect, it } from 'vitest';
import { matchEnumeration, matchNumbering } from '../../src/model/index.js';
import { normalizeWidth } from '../../src/text/index.js';

const m = (s: string) => matchNumbering(normalizeWidth(s), s);

describe('matchNumbering', () => {
  it.each([
    ['第一部分 总体情况', 'part', 1, '第一部分'],
    ['第三章　附则', 'part', 3, '第三章'],
    ['一、总体情况', 'chinese', 1, '一、'],
    ['十一、其他', 'chinese', 11, '十一、'],
    ['二．主动公开', 'chinese', 2, '二．'],
    ['（一）加强领导', 'paren-chinese', 1, '（一）'],
    ['(三)强化平台', 'paren-chinese', 3, '(三)'],
    ['（四）、提高', 'paren-chinese', 4, '（四）、'],
    ['1.属于国家秘密', 'arabic', 1, '1.'],
    ['2、落实规章制度', 'arabic', 2, '2、'],
    ['3．加强', 'arabic', 3, '3．'],
    ['１２、加强', 'arabic', 12, '１２、'],
    ['4,加强', 'arabic', 4, '4,'],
    ['（1）自然人', 'paren-arabic', 1, '（1）'],
    ['(2)法人', 'paren-arabic', 2, '(2)'],
    ['1）其他', 'paren-arabic', 1, '1）'],
    ['③重复申请', 'circled', 3, '③'],
  ])('%s', (text, style, value, raw) => {
    const r = m(text);
    expect(r).not.toBeNull();
    expect(r).toMatchObject({ style, value, raw });
  });

  it('skips leading whitespace including U+3000 and reports where the text starts', () => {
    const text = '　　一、 总体情况';
    const r = m(text)!;
    expect(r.start).toBe(2);
    expect(text.slice(r.end)).toBe('总体情况');
  });

  it.each(['2012年，在市委', '2024.3.31前', '1.5万元', '3.31日', '1,234件', '一是加强政策信息公开', '二是数据来源单一', '统一部署', '第一时间公开', '20个工作日', '(注)', '一.5'])(
    'no marker in %s',
    (text) => {
      expect(m(text)).toBeNull();
    },
  );

  it('matchEnumeration reads 一是/二是', () => {
    expect(matchEnumeration('　　三是信息表现形式')).toMatchObject({ value: 3, raw: '三是' });
    expect(matchEnumeration('一、总体情况')).toBeNull();
  });
});
