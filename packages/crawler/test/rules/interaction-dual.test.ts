import { describe, expect, it } from 'vitest';
import { runRule, runRules, type Finding, type Rule } from '@gongkai/core';
import { auditSnapshot } from '../../src/analysis/index.js';
import { snapshotFromJson, snapshotToJson } from '../../src/crawl.js';
import type { SiteSnapshot } from '../../src/snapshot.js';
import { crawlFixture } from '../analysis/crawl-fixture.js';
import * as sites from '../../../../fixtures/sites/index.js';
import { dualPublicityFields, dualPublicityLate, interactionUnanswered } from '../../src/rules/index.js';
import { AS_OF, ORIGIN, fixtureSnapshot, freshHome, page, snapshot } from '../analysis/site-fixtures.js';

type Name = Parameters<typeof fixtureSnapshot>[0];
const settings = { asOf: AS_OF };
async function on(rule: Rule<never>, name: Name, options: Record<string, unknown> = {}, locale?: 'en'): Promise<Finding[]> {
  return runRule(rule as unknown as Rule, auditSnapshot(await fixtureSnapshot(name)), options, { settings, ...(locale ? { locale } : {}) });
}
const byTitle = (fs: Finding[]) => Object.fromEntries(fs.map((f) => [String(f.message), f]));

describe('site/interaction-unanswered (互动回应差)', () => {
  it('reports a letter still pending after 3 months and one answered late, within the past year only', async () => {
    const f = (await on(interactionUnanswered, 'unanswered')).sort((a, b) => String(a.data!.asked).localeCompare(String(b.data!.asked)));
    expect(f.map((x) => `${x.messageId}:${x.data!.asked}`)).toEqual(['late:2026-03-02', 'unanswered:2026-06-10']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(f[0].data).toMatchObject({ answered: '2026-07-15', due: '2026-06-02', askedSource: 'detail' });
    expect(f[1].data).toMatchObject({ due: '2026-09-10', statusText: '办理中' });
    expect(f[1].url).toMatch(/\/jzxx\/detail_\d+\.html$/);
    expect(f[1].message).toBe('“局长信箱”中 2026-06-10 的留言“关于某工业园区夜间异味扰民问题的投诉”至检查日 2026-11-20 仍未答复，超过3个月（依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决“互动回应差”）');
    const en = await on(interactionUnanswered, 'unanswered', {}, 'en');
    expect(en.find((x) => x.messageId === 'late')!.message).toBe('"局长信箱": the letter "关于饮用水水源保护区范围调整的咨询" of 2026-03-02 was only answered on 2026-07-15, more than 3 months later (basis: website inspection indicators, 国办秘函〔2019〕19号, veto "poor interaction")');
  });
  it('uses the configured window and look-back', async () => {
    const five = await on(interactionUnanswered, 'unanswered', { responseWindow: '5m' });
    expect(five.map((x) => x.messageId)).toEqual(['unanswered']);
    const recent = await on(interactionUnanswered, 'unanswered', { lookback: '6m' });
    expect(recent.map((x) => x.data!.asked)).toEqual(['2026-06-10']);
    const twoYears = await on(interactionUnanswered, 'unanswered', { lookback: '2y' });
    expect(twoYears.map((x) => x.data!.asked).sort()).toEqual(['2025-06-10', '2026-03-02', '2026-06-10']);
    expect(await on(interactionUnanswered, 'clean', { lookback: '2y' })).toHaveLength(1);
    expect(await on(interactionUnanswered, 'clean')).toEqual([]);
  });
  it('fires when the only mailbox is a 纪检 one, as its own message', async () => {
    const f = await on(interactionUnanswered, 'noChannel');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'noChannel', severity: 'error', data: { excluded: [{ name: '纪委书记信箱' }] } });
    expect(f[0].message).toContain('未提供有效的网上咨询建言渠道');
    expect(await on(interactionUnanswered, 'noChannel', { excludeChannels: [] })).toEqual([]);
  });
  it('is a veto, needs a channel only where the catalogue requires one, and skips letters it cannot judge', async () => {
    expect(interactionUnanswered.meta.veto).toBe(true);
    const bare = snapshot([freshHome()], [], { level: 'township' });
    const run = await runRules(auditSnapshot(bare), [{ rule: interactionUnanswered as unknown as Rule, setting: { severity: 'error', options: {} } }], { settings });
    expect(run.findings).toEqual([]);
    expect(run.outcomes[0].applicable).toBe(false);
    const dept = await runRule(interactionUnanswered as unknown as Rule, auditSnapshot(snapshot([freshHome()])), {}, { settings });
    expect(dept.map((x) => x.messageId)).toEqual(['noChannel']);
    // An outside platform linked as 局长信箱 is a channel; with no letter to read there is nothing to judge.
    const outside = snapshot([freshHome({ links: [{ url: 'https://hd.example.gov.cn/mailbox?dept=12', text: '局长信箱', area: 'nav' }] })]);
    const o = await runRules(auditSnapshot(outside), [{ rule: interactionUnanswered as unknown as Rule, setting: { severity: 'error', options: {} } }], { settings });
    expect(o.findings).toEqual([]);
    expect(o.outcomes[0].applicable).toBe(false);
  });
  it('judges letters from their list rows when the letter pages were not crawled', async () => {
    // Depth 1 reaches the 局长信箱 list (in the navigation) but none of the letter pages behind it.
    const shallow: SiteSnapshot = await crawlFixture(sites.unanswered, 'department', '某市生态环境局', { maxDepth: 1 });
    const box = shallow.pages.find((p) => p.meta.ColumnName === '局长信箱' && p.lists.length)!;
    expect(box.lists[0].header).toEqual(['留言时间', '回复时间', '状态']);
    expect(shallow.pages.some((p) => /\/jzxx\/detail_/.test(p.url))).toBe(false);
    const f = (await runRule(interactionUnanswered as unknown as Rule, auditSnapshot(shallow), {}, { settings })).sort((a, b) =>
      String(a.data!.asked).localeCompare(String(b.data!.asked)),
    );
    expect(f.map((x) => `${x.messageId}:${x.data!.asked}:${x.data!.askedSource}`)).toEqual(['late:2026-03-02:list', 'unanswered:2026-06-10:list']);
    expect(f[0].data).toMatchObject({ answered: '2026-07-15', answeredSource: 'list' });
    expect(f[1].data).toMatchObject({ statusText: '办理中' });
  });
  it('judges list rows that carry their status in the title', async () => {
    const s = snapshot([
      freshHome({ links: [{ url: `${ORIGIN}/ldxx/`, text: '领导信箱', area: 'nav' }] }),
      page('/ldxx/', {
        meta: { ColumnName: '领导信箱' },
        lists: [{ source: 'markup', items: [
          { title: '【未回复】关于公交站台设置的建议', url: `${ORIGIN}/ldxx/9.html`, date: '2026-02-01', dateSource: 'markup' },
          { title: '【已回复】关于停车收费的咨询', url: `${ORIGIN}/ldxx/8.html`, date: '2026-01-20', dateSource: 'markup' },
        ] }],
      }),
    ]);
    const f = await runRule(interactionUnanswered as unknown as Rule, auditSnapshot(s), {}, { settings });
    expect(f.map((x) => `${x.messageId}:${x.data!.asked}:${x.data!.askedSource}`)).toEqual(['unanswered:2026-02-01:list']);
  });
});

describe('site/dual-publicity-fields', () => {
  it('lists missing fields per record and checks credit codes', async () => {
    const f = await on(dualPublicityFields, 'dualFields');
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    const missing = f.filter((x) => x.messageId === 'missing').map((x) => `${x.data!.recordType}:${(x.data!.missing as string[]).join(',')}`);
    expect(missing.sort()).toEqual(['licensing:decision-date', 'penalty:party-name,penalty-basis', 'penalty:penalty-content']);
    const codes = f.filter((x) => x.messageId === 'invalidCode').map((x) => x.data);
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '91330108MA2B0PR95N', problem: 'check', expected: 'M' }),
        expect.objectContaining({ code: '9133010814385620', problem: 'length' }),
      ]),
    );
    expect(codes).toHaveLength(2);
    const m = byTitle(f);
    expect(Object.keys(m)).toContain('行政处罚信息“某市某金属制品有限公司未按规定设置危险废物识别标志行政处罚决定”缺少必填项：行政相对人名称、处罚依据');
    expect(Object.keys(m)).toContain('行政许可信息“某市某纸业有限公司排污许可证重新申请行政许可决定”的统一社会信用代码“91330108MA2B0PR95N”无效（校验码应为 M）');
  });
  it('takes the field list from options (merged by id in packs)', async () => {
    const f = await on(dualPublicityFields, 'dualFields', { fields: [{ id: 'penalty-basis', remove: true }, { id: 'party-name' }, { id: 'decision-date' }], checkCreditCode: false });
    expect(f.map((x) => (x.data!.missing as string[]).join(',')).sort()).toEqual(['decision-date', 'party-name', 'penalty-content']);
    const extra = await on(dualPublicityFields, 'clean', { fields: [{ id: 'validity', name: '有效期至', labels: ['有效期至'], types: ['licensing'] }] });
    expect(extra).toEqual([]);
    const penaltyOnly = await on(dualPublicityFields, 'clean', { fields: [{ id: 'facts', name: '违法事实', labels: ['违法事实'], types: ['licensing'] }] });
    expect(penaltyOnly.map((x) => x.data!.missing)).toEqual([['facts']]);
  });
  it('reads "标签：值" text, skips masked codes, and is not applicable without records', async () => {
    const s = snapshot([
      freshHome(),
      page('/xzcf/202611/t20261110_7.html', {
        title: '张某某未批先建行政处罚决定书',
        mainText: '当事人名称：张** 统一社会信用代码：3301**********1234 处罚决定书文号：某环罚〔2026〕60号 处罚依据：《中华人民共和国环境影响评价法》第三十一条 处罚内容：罚款人民币伍万元 处罚决定日期：2026年11月6日',
        pageInfo: { 发布日期: '2026-11-10' },
      }),
    ]);
    expect(await runRule(dualPublicityFields as unknown as Rule, auditSnapshot(s), {}, { settings })).toEqual([]);
    expect(await runRule(dualPublicityLate as unknown as Rule, auditSnapshot(s), {}, { settings })).toEqual([]);
    const run = await runRules(auditSnapshot(snapshot([freshHome()])), [{ rule: dualPublicityFields as unknown as Rule, setting: { severity: 'warning', options: {} } }], { settings });
    expect(run.outcomes[0].applicable).toBe(false);
  });
  it('reads the record table cell by cell: an empty 处罚内容 cell is missing although the page text goes on', async () => {
    const snap = await fixtureSnapshot('dualFields');
    const rec = snap.pages.find((p) => p.title?.startsWith('某市某化工有限公司未按规定公开自行监测信息'))!;
    expect(rec.fields).toMatchObject({ 处罚内容: '', 处罚依据: '《中华人民共和国环境保护法》第六十二条', 处罚决定日期: '2026-11-10' });
    // In the page text the empty cell is followed by the article's prose, which used to read as its value.
    expect(rec.mainText).toMatch(/处罚内容 某市某化工有限公司未按规定公开自行监测信息行政处罚决定。根据工作安排/);
    const f = (await on(dualPublicityFields, 'dualFields')).filter((x) => x.url === rec.url);
    expect(f.map((x) => x.data!.missing)).toEqual([['penalty-content']]);
    expect(f[0].message).toBe('行政处罚信息“某市某化工有限公司未按规定公开自行监测信息行政处罚决定”缺少必填项：处罚内容');
  });
  it('still reads a snapshot written before table cells were kept (from its text)', async () => {
    const snap = await fixtureSnapshot('dualFields');
    const old = JSON.parse(snapshotToJson(snap)) as SiteSnapshot;
    for (const p of old.pages) {
      delete p.fields;
      for (const l of p.lists) {
        delete l.header;
        for (const i of l.items) delete i.cells;
      }
    }
    const replayed = snapshotFromJson(JSON.stringify(old));
    const f = await runRule(dualPublicityFields as unknown as Rule, auditSnapshot(replayed), {}, { settings });
    const missing = f.filter((x) => x.messageId === 'missing').map((x) => `${x.data!.recordType}:${(x.data!.missing as string[]).join(',')}`);
    // Without cells the prose after the empty cell is taken for its value: the gap the cells close.
    expect(missing.sort()).toEqual(['licensing:decision-date', 'penalty:party-name,penalty-basis']);
  });
  it('the record without a decision date does not confuse the 7-working-day check', async () => {
    expect(await on(dualPublicityLate, 'dualFields')).toEqual([]);
    expect(await on(dualPublicityFields, 'dualLate')).toEqual([]);
  });
});
