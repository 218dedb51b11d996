import { describe, expect, it } from 'vitest';
import {
  classifyDocument,
  detectRegime,
  findBreakdowns,
  interval,
  matchSections,
  reportFacts,
  scanYears,
  workdaysBetween,
  classifyHeading,
  DEFAULT_SECTION_DEFS,
  sectionDefsFrom,
} from '../../src/analysis/index.js';
import { renumberMarker, toChineseNumeral } from '../../src/fix/index.js';
import { md, txt } from '../rules/helpers.js';

describe('detectRegime', () => {
  it('splits at 2018/2019 and 2020/2021', () => {
    expect(detectRegime(2018)).toBe('2008');
    expect(detectRegime(2019)).toBe('2019');
    expect(detectRegime(2020)).toBe('2019');
    expect(detectRegime(2021)).toBe('2021');
    expect(detectRegime(undefined)).toBeUndefined();
    expect(detectRegime(2012, '2021')).toBe('2021');
    expect(detectRegime(2012, 'bogus')).toBe('2008');
  });
});

describe('classifyDocument', () => {
  it('uses the title first', async () => {
    expect(classifyDocument(await txt('市科委2012年政府信息公开工作年度报告\n一、加强领导\n内容。\n'))).toBe('annual-report');
    expect(classifyDocument(await txt('2017年省科技厅政务公开工作总结\n一、主动公开\n内容。\n'))).toBe('work-summary');
  });
  it('falls back to the statutory sections when there is no title', async () => {
    const doc = await txt('一、概述\n2010年，我局认真贯彻落实政府信息公开条例。\n二、主动公开政府信息情况\n内容。\n三、依申请公开政府信息情况\n内容。\n四、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n');
    expect(classifyDocument(doc)).toBe('annual-report');
    expect(reportFacts(doc)).toMatchObject({ kind: 'report', reportYear: 2010, regime: '2008', documentType: 'annual-report' });
  });
  it('calls anything else other', async () => {
    expect(classifyDocument(await txt('关于做好防汛工作的通知\n各单位：请做好防汛工作。\n'))).toBe('other');
  });
});

describe('section matching', () => {
  it('maps wording variants to canonical ids', () => {
    const id = (t: string) => classifyHeading(t, DEFAULT_SECTION_DEFS)?.id;
    expect(id('依申请公开政府信息情况')).toBe('requests');
    expect(id('收到和处理政府信息公开申请情况')).toBe('requests');
    expect(id('因政府信息公开申请行政复议、提起行政诉讼的情况')).toBe('reviews-litigation');
    expect(id('基本工作情况')).toBe('overview');
    expect(id('政府信息公开收费及减免情况')).toBe('fees');
    expect(id('存在问题及改进情况')).toBe('problems-improvements');
    expect(id('其它需要报告的事项')).toBe('other');
    expect(id('加强领导，严格落实责任')).toBeUndefined();
  });
  it('takes extra aliases from pack data', async () => {
    const defs = sectionDefsFrom({ sections: [...DEFAULT_SECTION_DEFS, { id: 'requests', aliases: ['依申请办理'] }].slice(0) });
    expect(classifyHeading('依申请办理情况', defs)?.id).toBe('requests');
  });
  it('skips a wrapping title heading in Markdown', async () => {
    const doc = await md('# 2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n内容。\n\n## 二、主动公开政府信息情况\n\n内容。\n');
    expect(matchSections(doc).matches.map((m) => m.id)).toEqual(['overview', 'active-disclosure']);
  });
});

describe('numbers and breakdowns', () => {
  it('turns approximations into ranges', () => {
    expect(interval({ value: 240, approx: 'over' })).toEqual([240, 250]);
    expect(interval({ value: 200, approx: 'near' })).toEqual([100, 200]);
    expect(interval({ value: 13, approx: 'about' })).toEqual([12, 14]);
    expect(interval({ value: 658 })).toEqual([658, 658]);
  });
  it('finds the total in the previous sentence when 其中 opens a sentence', () => {
    const [b] = findBreakdowns('主动公开政府信息350余条。其中：工作信息240余条，通知通告50余条，其他信息50条。');
    expect(b.total.value).toBe(350);
    expect(b.parts.map((p) => p.value)).toEqual([240, 50, 50]);
  });
  it('ties a share to the part of its clause', () => {
    const [b] = findBreakdowns('主动公开1458条，其中工作信息1450条，占99.45%；其他信息3条，主要包括财政信息等，占1.6%。');
    expect(b.shares.map((s) => [s.part?.value, s.percent.value])).toEqual([[1450, 99.45], [3, 1.6]]);
  });
  it('reads years written in Chinese numerals and ranges', () => {
    expect(scanYears('二〇二一年度').map((y) => y.year)).toEqual([2021]);
    expect(scanYears('2006～2008年政务公开工作总结')[0]).toMatchObject({ year: 2008, rangeStart: 2006 });
  });
});

describe('working days', () => {
  it('counts 调休 Sundays as working days and holidays as not', () => {
    // 2024-02-04 (Sunday) was a make-up day; 2024-02-10..17 the Spring Festival holiday.
    expect(workdaysBetween('2024-02-03', '2024-02-04')).toBe(1);
    expect(workdaysBetween('2024-02-09', '2024-02-17')).toBe(0);
    expect(workdaysBetween('2024-03-01', '2024-02-01')).toBe(0);
  });
});

describe('renumbering', () => {
  it('writes heading numerals', () => {
    expect([1, 10, 11, 20, 21, 105].map(toChineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十一', '一百零五']);
    expect(renumberMarker('三、', 'chinese', 2)).toBe('二、');
    expect(renumberMarker('（三）', 'paren-chinese', 12)).toBe('（十二）');
    expect(renumberMarker('３．', 'arabic', 2)).toBe('２．');
    expect(renumberMarker('(4)', 'paren-arabic', 3)).toBe('(3)');
  });
});
