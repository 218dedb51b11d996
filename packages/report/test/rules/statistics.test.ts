import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check, fixturesDir, ids, md, txt } from './helpers.js';
import { sumMismatch } from '../../src/rules/sum-mismatch.js';
import { percentMismatch } from '../../src/rules/percent-mismatch.js';
import { placeholder } from '../../src/rules/placeholder.js';
import { tableMissing } from '../../src/rules/table-missing.js';
import { tableFormat } from '../../src/rules/table-format.js';
import { tableArithmetic } from '../../src/rules/table-arithmetic.js';
import { proseTableMismatch } from '../../src/rules/prose-table-mismatch.js';
import { timeliness } from '../../src/rules/timeliness.js';

const cleanPath = path.join(fixturesDir, 'report-2024-clean.md');
const d = existsSync(cleanPath) ? describe : describe.skip;
const clean = existsSync(cleanPath) ? readFileSync(cleanPath, 'utf8') : '';
const errorsMd = existsSync(path.join(fixturesDir, 'report-2024-errors.md')) ? readFileSync(path.join(fixturesDir, 'report-2024-errors.md'), 'utf8') : '';

const para = (s: string) => txt(`2024年政府信息公开工作年度报告\n一、主动公开政府信息情况\n${s}\n`);

describe('report/sum-mismatch', () => {
  it('passes parts that add up', async () => {
    expect(await check(sumMismatch, await para('全年主动公开政府信息共658条，其中，规范性文件21条、规划计划22条，公共资金2条，机构类1条，其他信息612条。'))).toEqual([]);
  });
  it('reports parts that fall short', async () => {
    const f = await check(sumMismatch, await para('全年主动公开政府信息120条，其中政策文件32条、工作动态56条、通知公告21条、人事信息9条。'));
    expect(ids(f)).toEqual(['under']);
    expect(f[0].data).toMatchObject({ total: 120, sumRange: [118, 118] });
    expect(f[0].message).toContain('118');
  });
  it('reports parts that exceed the total', async () => {
    expect(ids(await check(sumMismatch, await para('共受理申请10件，其中予以公开8件、不予公开5件。')))).toEqual(['over']);
  });
  it('tolerates approximations whose ranges overlap, with 其中 opening the next sentence', async () => {
    expect(await check(sumMismatch, await para('主动公开政府信息350余条。其中：工作信息240余条，通知通告50余条，其他信息50条。'))).toEqual([]);
  });
  it('still reports approximations that cannot overlap', async () => {
    expect(ids(await check(sumMismatch, await para('主动公开政府信息150余条。其中：工作信息100余条，通知通告70余条。')))).toEqual(['over']);
  });
  // Issue 8: real reports list only the notable items under 其中; a far smaller sum is not an error.
  it('accepts a 其中 list that names only some of the items', async () => {
    expect(await check(sumMismatch, await para('累计主动公开政府信息251条。其中，项目审批信息191条；行政规范性文件3条。'))).toEqual([]);
  });
  it('reports a near miss of a full category list opened by 在…中', async () => {
    const f = await check(sumMismatch, await para('在公开的74条信息中，工作动态类信息12条，公示公告类7条，财政资金类10条，安全生产类29条，应急管理类12条，综合执法类1条，扶贫类2条。'));
    expect(ids(f)).toEqual(['under']);
    expect(f[0].data).toMatchObject({ total: 74, sumRange: [73, 73] });
  });
  it('takes the total marked 共计 when 其中 opens the next sentence', async () => {
    const text = '共收到申请共计8件，涉及政策法规信息1件、机构设置信息1件、小区备案信息6件。其中，同意公开3件，无法提供4件，区分处理1件。';
    expect(await check(sumMismatch, await para(text))).toEqual([]);
    expect(await check(percentMismatch, await para(text.replace('3件，', '3件，占比37.5%；').replace('4件，', '4件，占比50%；')))).toEqual([]);
  });
  it('does not take a list that reaches the total part-way for extra information', async () => {
    const f = await check(sumMismatch, await para('共主动公开政府信息46条，其中，机构职责类5条；工作动态类37条；政府信息公开类3条；行政性收费类1条；其他类别信息29条。'));
    expect(ids(f)).toEqual(['over']);
  });
  it('does not count the total said again as a part', async () => {
    const f = await check(sumMismatch, await para('在主动公开的90条政府信息中，全文电子化的共90条，机构类信息共1条；规范性文件10条；财政资金52条；预决算5条；其他25条。'));
    expect(f[0]?.data).toMatchObject({ total: 90, sumRange: [93, 93] });
  });
  it('reads shares of a sub-count as a nested list, not as parts of the total', async () => {
    const text = '发布的事项共有89项，其中行政许可57项，实现“一趟不用跑”的有45项，占比78.9%；实现“全程网办”的有41项，占比71.9%；即办件有36项，占比63.2%。';
    expect(await check(sumMismatch, await para(text))).toEqual([]);
    expect(await check(percentMismatch, await para(text))).toEqual([]);
    expect(ids(await check(percentMismatch, await para(text.replace('78.9%', '88.9%'))))).toEqual(['mismatch']);
  });
  it('ignores trailing figures after a list that already adds up', async () => {
    expect(await check(sumMismatch, await para('本年度共办结38件，其中予以公开18件、部分公开4件、不予公开16件，结转下年度继续办理2件。'))).toEqual([]);
  });
});

describe('report/percent-mismatch', () => {
  it('passes a correct share', async () => {
    expect(await check(percentMismatch, await para('主动公开1458条。其中工作信息1450条，占公开信息的99.45%；其他信息8条。'))).toEqual([]);
  });
  it('reports a wrong share', async () => {
    const f = await check(percentMismatch, await para('主动公开1458条。其中工作信息1450条，占99.45%；其他信息8条，占1.6%。'));
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ stated: 1.6, expected: 0.5 });
    expect(f[0].message).toContain('1.6%');
  });
  it('accepts a truncated figure within its last digit', async () => {
    expect(await check(percentMismatch, await para('新收申请38件，其中自然人申请28件，占73.6%；法人10件。'))).toEqual([]);
  });
});

describe('report/placeholder', () => {
  it('finds template leftovers', async () => {
    const f = await check(placeholder, await para('请与（单位名称）联系，电话【】，XX局于20XX年组织培训____次。'));
    expect(f.map((x) => x.data?.text)).toEqual(['（单位名称）', '【】', 'XX', '20XX年', '____']);
  });
  it('leaves real text alone', async () => {
    expect(await check(placeholder, await para('我局在CNBC等媒体发布信息，3×4个栏目。'))).toEqual([]);
  });
});

d('table rules on the 2021-format fixture', () => {
  it('clean fixture: no table findings', async () => {
    const doc = await md(clean);
    for (const rule of [tableMissing, tableFormat, tableArithmetic, proseTableMismatch, placeholder]) {
      expect(await check(rule, doc), rule.meta.id).toEqual([]);
    }
  });
  it('table-missing: a report without the reconsideration table', async () => {
    const cut = clean.replace(/## 四、[^\n]*\n[\s\S]*?(?=## 五、)/, '## 四、政府信息公开行政复议、行政诉讼情况\n\n本年度未发生行政复议。\n\n');
    const f = await check(tableMissing, await md(cut));
    expect(f.map((x) => x.data?.table ?? x.messageId)).toHaveLength(1);
    expect(f[0].messageId).toBe('missing');
  });
  it('table-missing: not applicable to a 2008-regime report', async () => {
    expect(await check(tableMissing, await md('# 2012年政府信息公开工作年度报告\n\n## 一、概述\n\n内容。\n'))).toEqual([]);
  });
  it('table-format: 2019 trial columns in a 2024 report', async () => {
    const f = await check(tableFormat, await md(errorsMd));
    expect(ids(f)).toEqual(['trialColumns']);
    expect(f[0].line).toBe(37);
  });
  it('table-format: a missing row', async () => {
    const cut = clean.replace(/\n\| 三、本年度办理结果 \| （三）不予公开 \| 8\.[^\n]*/, '');
    const f = await check(tableFormat, await md(cut));
    expect(f.map((x) => x.messageId)).toEqual(['missingRow']);
    expect(f[0].message).toContain('不予公开第8项');
  });
  it('table-arithmetic: balance and reconsideration totals', async () => {
    const f = await check(tableArithmetic, await md(errorsMd));
    expect(ids(f).sort()).toEqual(['balance', 'balance', 'reviewTotal']);
    const rv = f.find((x) => x.messageId === 'reviewTotal')!;
    expect(rv.data).toMatchObject({ expected: 1, actual: 2 });
    expect(rv.line).toBe(89);
    expect(f.filter((x) => x.messageId === 'balance').every((x) => x.line === 81)).toBe(true);
  });
  it('table-arithmetic: a row total that is not the sum of applicants', async () => {
    const bad = clean.replace(/(\| 一、本年新收政府信息公开申请数量[^\n]*\| )(\d+)( \|)$/m, (_m, a, n, b) => `${a}${Number(n) + 5}${b}`);
    expect(bad).not.toBe(clean);
    const f = await check(tableArithmetic, await md(bad));
    expect(ids(f)).toContain('rowTotal');
  });
  it('prose-table-mismatch: text quotes a figure the table contradicts', async () => {
    const f = await check(proseTableMismatch, await md(clean.replace('被申请行政复议1件', '被申请行政复议3件')));
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ figure: 'reviews', prose: 3, table: 1 });
  });
  it('prose-table-mismatch: stays quiet when the table itself is wrong (table-arithmetic reports it)', async () => {
    expect(await check(proseTableMismatch, await md(errorsMd))).toEqual([]);
  });
});

describe('report/timeliness', () => {
  const report2024 = '# 示例局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2024年，我局……\n\n## 二、主动公开政府信息情况\n\n内容。\n\n## 三、收到和处理政府信息公开申请情况\n\n内容。\n';
  it('a department report published after 31 January is late', async () => {
    const f = await check(timeliness, await md(report2024), {}, { published: '2025-02-10', agency: { level: 'department' } });
    expect(ids(f)).toEqual(['late']);
    expect(f[0].data).toMatchObject({ deadline: '2025-01-31', days: 10 });
  });
  it('a government report has until 31 March', async () => {
    expect(await check(timeliness, await md(report2024), {}, { published: '2025-02-10', agency: { level: 'government' } })).toEqual([]);
  });
  it('2008 regime: 31 March for everyone', async () => {
    const doc = await md(report2024.replace(/2024年/g, '2012年'));
    expect(await check(timeliness, doc, {}, { published: '2013-03-30', agency: { level: 'department' } })).toEqual([]);
    expect(ids(await check(timeliness, doc, {}, { published: '2013-04-01', agency: { level: 'department' } }))).toEqual(['late']);
  });
  it('unknown date: tells the user how to give it', async () => {
    const f = await check(timeliness, await md(report2024), {}, { agency: { level: 'department' } });
    expect(f[0]).toMatchObject({ messageId: 'unknownDate', severity: 'info' });
    expect(f[0].message).toContain('--published');
  });
  it('configurable deadline from options', async () => {
    const f = await check(timeliness, await md(report2024), { deadlines: [{ id: 'township', regimes: ['2021'], levels: ['township'], deadline: '02-15' }] }, { published: '2025-02-20', agency: { level: 'township' } });
    expect(f[0].data).toMatchObject({ deadline: '2025-02-15' });
  });
  it('drafts: warns when fewer than 10 working days remain, counting the 调休', async () => {
    const doc = await md(report2024);
    const lvl = { agency: { level: 'department' as const }, draft: true };
    expect(await check(timeliness, doc, {}, { ...lvl, asOf: '2024-12-02' })).toEqual([]);
    const near = await check(timeliness, doc, {}, { ...lvl, asOf: '2025-01-20' });
    expect(near[0]).toMatchObject({ messageId: 'draftNear', severity: 'warning' });
    // 2025-01-26 (Sunday) is a make-up working day before the Spring Festival; 01-28..01-31 are holidays.
    expect(near[0].data).toMatchObject({ workdays: 6 });
    expect(ids(await check(timeliness, doc, {}, { ...lvl, asOf: '2025-02-03' }))).toEqual(['draftPast']);
  });
  it('an explicit --as-of on an undated document is a draft check; a dated one is checked as published', async () => {
    const doc = await md(report2024);
    const dep = { agency: { level: 'department' as const }, asOfExplicit: true };
    expect(ids(await check(timeliness, doc, {}, { ...dep, asOf: '2025-01-22' }))).toEqual(['draftNear']);
    expect(ids(await check(timeliness, doc, {}, { ...dep, asOf: '2025-01-22', published: '2025-02-10' }))).toEqual(['late']);
  });
});
