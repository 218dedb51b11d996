import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCreditCode, creditCodeCheckChar, normalizeCreditCode } from '../../src/analysis/credit-code.js';
import { fieldValue, hasValue, readLabeledText, readPageFields } from '../../src/analysis/labeled-fields.js';
import { page } from './site-fixtures.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes and the fixture codes', () => {
    for (const c of ['91350100M000100Y43', '91110000600037341L', '91330106MA2H3K5L7J', '91330110MA27WQ8X22', '913301021438562074']) {
      expect(checkCreditCode(c), c).toEqual({ code: c, valid: true });
    }
  });
  it('reads full-width, lower-case and spaced codes', () => {
    expect(normalizeCreditCode('９１３５ ０１００ｍ０００-１００ｙ４３')).toBe('91350100M000100Y43');
    expect(checkCreditCode('91350100m000100y43').valid).toBe(true);
  });
  it('says what is wrong', () => {
    expect(checkCreditCode('91330108MA2B0PR95N')).toMatchObject({ valid: false, problem: 'check', expected: 'M' });
    expect(checkCreditCode('9133010814385620')).toMatchObject({ valid: false, problem: 'length', length: 16 });
    // I, O, S, V and Z are not in the code alphabet.
    expect(checkCreditCode('91330108MA2B0PRI5M')).toMatchObject({ valid: false, problem: 'characters' });
  });
  it('maps a check value of 31 to 0', () => {
    // Find a 17-character body whose weighted sum is 0 mod 31 and check the rule on it.
    const body = '00000000000000000';
    expect(creditCodeCheckChar(body)).toBe('0');
    expect(checkCreditCode(`${body}0`).valid).toBe(true);
  });
  it('every body gets exactly one valid check character', () => {
    const char = fc.constantFrom(...ALPHABET);
    fc.assert(
      fc.property(fc.array(char, { minLength: 17, maxLength: 17 }), char, (chars, last) => {
        const body = chars.join('');
        const check = creditCodeCheckChar(body)!;
        expect(checkCreditCode(body + check).valid).toBe(true);
        if (last !== check) expect(checkCreditCode(body + last)).toMatchObject({ valid: false, problem: 'check', expected: check });
      }),
      { numRuns: 300 },
    );
  });
});

describe('label：value fields', () => {
  const labels = ['行政相对人名称', '统一社会信用代码', '行政处罚决定书文号', '处罚依据', '处罚机关', '地址', '来信时间', '回复时间', '回复内容'];

  it('cuts a table row collapsed into one line at the next known label', () => {
    const f = readLabeledText('处罚决定 行政相对人名称 统一社会信用代码 / 行政处罚决定书文号 某环罚〔2026〕52号 处罚机关 某市生态环境局', labels);
    expect(f.get('行政相对人名称')).toBe('');
    expect(f.get('统一社会信用代码')).toBe('/');
    expect(hasValue(f.get('统一社会信用代码'))).toBe(false);
    expect(f.get('行政处罚决定书文号')).toBe('某环罚〔2026〕52号');
    expect(fieldValue(f, ['处罚决定书文号', '行政处罚决定书文号'])).toEqual({ label: '行政处罚决定书文号', value: '某环罚〔2026〕52号' });
  });
  it('reads "标签：值" lines with full-width colons and spaced-out labels', () => {
    const f = readLabeledText('来 信 时 间：2026-06-10 15:32:10 信件内容：请答复 回复时间： 回复内容：', [...labels, '信件内容']);
    expect(f.get('来信时间')).toBe('2026-06-10 15:32:10');
    expect(f.get('回复时间')).toBe('');
    expect(f.has('回复内容')).toBe(true);
  });
  it('does not read a label inside a longer word or inside prose', () => {
    const f = readLabeledText('办公地址：某市人民路1号。本机关依据处罚依据的规定', labels);
    expect(f.has('地址')).toBe(false);
    expect(f.has('处罚依据')).toBe(false);
  });
  it('prefers table cells over the text, even an empty cell, and falls back to the text for other labels', () => {
    const p = page('/sgs/b.html', {
      fields: { '处罚依据：': '', 行政相对人名称: '某公司', 无关: 'x' },
      mainText: '行政相对人名称 某公司 处罚依据 根据工作安排，现将有关情况公布如下 来信时间：2026-06-10',
    });
    const f = readPageFields(p, labels);
    expect(f.get('处罚依据')).toBe('');
    expect(hasValue(f.get('处罚依据'))).toBe(false);
    expect(f.get('行政相对人名称')).toBe('某公司');
    expect(f.get('来信时间')).toBe('2026-06-10');
    expect(f.has('无关')).toBe(false);
    // The same page without cells (an older snapshot) reads the prose as the value.
    expect(readPageFields({ ...p, fields: undefined }, labels).get('处罚依据')).toMatch(/^根据工作安排/);
  });
  it('prefers the info block of the page', () => {
    const p = page('/sgs/a.html', { pageInfo: { '处罚机关：': '某市生态环境局' }, mainText: '处罚机关 —' });
    expect(readPageFields(p, labels).get('处罚机关')).toBe('某市生态环境局');
  });
});
