import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes } from '@gongkai/core';
import { check, fixturesDir, ids, md, txt } from './helpers.js';
import { documentType } from '../../src/rules/document-type.js';
import { requiredSection } from '../../src/rules/required-section.js';
import { sectionOrder } from '../../src/rules/section-order.js';
import { headingSequence } from '../../src/rules/heading-sequence.js';
import { emptySection } from '../../src/rules/empty-section.js';
import { reportYear } from '../../src/rules/report-year.js';
import { governmentItems } from '../../src/rules/government-items.js';
import { feeStatement } from '../../src/rules/fee-statement.js';

const cleanPath = path.join(fixturesDir, 'report-2024-clean.md');
const hasClean = existsSync(cleanPath);
const clean = hasClean ? readFileSync(cleanPath, 'utf8') : '';
const withClean = hasClean ? it : it.skip;

const MINI_2021 = `# 示例局2024年政府信息公开工作年度报告

## 一、总体情况

2024年，我局认真贯彻《条例》。

## 二、主动公开政府信息情况

全年主动公开政府信息100条。

## 三、收到和处理政府信息公开申请情况

全年新收申请2件。

## 四、政府信息公开行政复议、行政诉讼情况

未发生行政复议和行政诉讼。

## 五、存在的主要问题及改进情况

一是解读形式单一。

## 六、其他需要报告的事项

本年度未收取信息处理费。
`;

describe('report/document-type', () => {
  it('accepts an annual report', async () => {
    expect(await check(documentType, await md(MINI_2021))).toEqual([]);
  });
  it('flags a work summary by its title', async () => {
    const f = await check(documentType, await txt('2024年政务公开工作总结\n\n一、主要做法\n我局做了很多工作。\n'));
    expect(ids(f)).toEqual(['workSummary']);
    expect(f[0].data).toMatchObject({ documentType: 'work-summary' });
  });
  it('flags an unrelated document', async () => {
    expect(ids(await check(documentType, await txt('关于开展安全检查的情况说明\n\n近期我局开展了安全检查。\n')))).toEqual(['other']);
  });
});

describe('report/required-section', () => {
  it('passes a report with all six parts', async () => {
    expect(await check(requiredSection, await md(MINI_2021))).toEqual([]);
  });
  it('reports a missing part with its canonical id', async () => {
    const text = MINI_2021.replace('## 五、存在的主要问题及改进情况\n\n一是解读形式单一。\n\n', '');
    const f = await check(requiredSection, await md(text));
    expect(f.map((x) => x.data?.section)).toEqual(['problems-improvements']);
    expect(f[0].severity).toBe('error');
  });
  it('downgrades to a warning when the content is in the text without a heading', async () => {
    const text = MINI_2021.replace('## 四、政府信息公开行政复议、行政诉讼情况\n\n', '');
    const f = await check(requiredSection, await md(text));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', messageId: 'noHeading' });
    expect(f[0].data).toMatchObject({ section: 'reviews-litigation' });
  });
  it('uses the 2008 list (with fees) for an old report', async () => {
    const f = await check(requiredSection, await md(MINI_2021.replace('2024年政府', '2012年政府').replace('2024年，', '2012年，')));
    expect(f.map((x) => x.data?.section)).toEqual(['fees']);
  });
  it('is not applicable to a work summary', async () => {
    expect(await check(requiredSection, await txt('2024年政务公开工作总结\n\n一、主要做法\n内容。\n'))).toEqual([]);
  });
});

describe('report/section-order', () => {
  it('passes the statutory order', async () => {
    expect(await check(sectionOrder, await md(MINI_2021))).toEqual([]);
  });
  it('reports a part that comes too late', async () => {
    const text = `# 2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n内容。\n\n## 二、收到和处理政府信息公开申请情况\n\n内容。\n\n## 三、主动公开政府信息情况\n\n内容。\n\n## 四、其他需要报告的事项\n\n无。\n`;
    const f = await check(sectionOrder, await md(text));
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ section: 'requests' });
  });
});

describe('report/heading-sequence', () => {
  it('passes consecutive numbers', async () => {
    expect(await check(headingSequence, await txt('一、总体情况\n内容。\n二、主动公开\n内容。\n（一）规章\n内容。\n（二）规范性文件\n内容。\n'))).toEqual([]);
  });
  it('reports a gap and a duplicate and fixes both with one renumbering', async () => {
    const src = '一、总体情况\n内容。\n三、主动公开\n内容。\n三、依申请公开\n内容。\n四、其他\n无。\n';
    const doc = await txt(src);
    const f = await check(headingSequence, doc);
    expect(ids(f)).toEqual(['gap', 'duplicate']);
    expect(f[0].message).toContain('二、');
    const fixed = applyFixes(src, f);
    expect(fixed.output).toBe('一、总体情况\n内容。\n二、主动公开\n内容。\n三、依申请公开\n内容。\n四、其他\n无。\n');
  });
  it('reports a sub-heading run that does not start at one', async () => {
    const f = await check(headingSequence, await txt('一、总体情况\n（二）主动公开\n内容。\n（三）依申请\n内容。\n'));
    expect(ids(f)).toEqual(['gap']);
  });
});

describe('report/empty-section', () => {
  it('accepts a bare 无 under 其他需要报告的事项', async () => {
    expect(await check(emptySection, await md(MINI_2021.replace('本年度未收取信息处理费。', '无。')))).toEqual([]);
  });
  it('reports a heading with nothing under it', async () => {
    const f = await check(emptySection, await md(MINI_2021.replace('一是解读形式单一。\n', '')));
    expect(ids(f)).toEqual(['empty']);
  });
  it('reports a bare 无 where the part must describe something', async () => {
    const f = await check(emptySection, await md(MINI_2021.replace('一是解读形式单一。', '无。')));
    expect(ids(f)).toEqual(['none']);
  });
});

describe('report/report-year', () => {
  it('passes when title and text agree', async () => {
    expect(await check(reportYear, await md(MINI_2021))).toEqual([]);
  });
  it('reports an opening sentence from another year', async () => {
    const f = await check(reportYear, await md(MINI_2021.replace('2024年，我局', '2023年，我局')));
    expect(ids(f)).toEqual(['opening']);
  });
  it('reports a document without any year', async () => {
    const f = await check(reportYear, await md(MINI_2021.replace('示例局2024年', '示例局').replace('2024年，', '')));
    expect(ids(f)).toEqual(['missing']);
  });
  it('reports a statistical period that disagrees with the title', async () => {
    const text = MINI_2021.replace('2024年，我局认真贯彻《条例》。', '2024年，我局认真贯彻《条例》。本报告所列数据的统计期限为2023年1月1日至2023年12月31日。');
    expect(ids(await check(reportYear, await md(text)))).toContain('titlePeriod');
  });
});

describe('report/government-items', () => {
  const gov = { agency: { level: 'government' as const } };
  it('is not applicable to a department', async () => {
    expect(await check(governmentItems, await md(MINI_2021), {}, { agency: { level: 'department' } })).toEqual([]);
  });
  it('reports a government report without 考核/评议/追究', async () => {
    const f = await check(governmentItems, await md(MINI_2021), {}, gov);
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ items: ['assessment', 'evaluation', 'accountability'] });
  });
  it('passes when all three are covered', async () => {
    const text = MINI_2021.replace('一是解读形式单一。', '将政务公开纳入工作考核，开展社会评议，本年度未发生责任追究。');
    expect(await check(governmentItems, await md(text), {}, gov)).toEqual([]);
  });
});

describe('report/fee-statement', () => {
  it('passes when 其他需要报告的事项 states the fee', async () => {
    expect(await check(feeStatement, await md(MINI_2021))).toEqual([]);
  });
  it('reports a 2021+ report that says nothing about the fee', async () => {
    const f = await check(feeStatement, await md(MINI_2021.replace('本年度未收取信息处理费。', '无。')));
    expect(ids(f)).toEqual(['missing']);
  });
  it('does not apply before 2021', async () => {
    const text = MINI_2021.replace('2024年政府', '2020年政府').replace('2024年，', '2020年，').replace('本年度未收取信息处理费。', '无。');
    expect(await check(feeStatement, await md(text))).toEqual([]);
  });
  withClean('passes the clean fixture', async () => {
    expect(await check(feeStatement, await md(clean))).toEqual([]);
  });
});
