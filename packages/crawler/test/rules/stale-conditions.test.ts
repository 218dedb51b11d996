import { describe, expect, it } from 'vitest';
import { runRule, runRules, type Finding, type Rule } from '@gongkai/core';
import { auditSnapshot, type SiteSubject } from '../../src/analysis/index.js';
import { tooManyStaleColumns } from '../../src/rules/index.js';
import { AS_OF, ORIGIN, fixtureSnapshot, freshHome, page, snapshot } from '../analysis/site-fixtures.js';

type Name = Parameters<typeof fixtureSnapshot>[0];
const settings = { asOf: AS_OF };
async function on(name: Name, options: Record<string, unknown> = {}, locale?: 'en'): Promise<Finding[]> {
  return runRule(tooManyStaleColumns, auditSnapshot(await fixtureSnapshot(name)), options, { settings, ...(locale ? { locale } : {}) });
}

describe('site/too-many-stale-columns: 应更新但长期未更新 ≥ 10', () => {
  it('fails the abandoned site on the second condition only, listing the ten columns', async () => {
    const f = await on('abandoned');
    expect(f.map((x) => x.messageId)).toEqual(['longStale']);
    expect(f[0].severity).toBe('error');
    expect(f[0].data).toMatchObject({ condition: 'long-stale', count: 10, threshold: 10, window: '1y', cutoff: '2025-11-20' });
    const cols = f[0].data!.columns as { id: string; newest?: string; url: string }[];
    expect(cols.map((c) => c.id).sort()).toEqual(
      ['budget', 'personnel', 'plans', 'policy-interpretation', 'procurement', 'site:河湖长制工作资讯', 'site:污染防治攻坚资讯', 'site:生态文明建设资讯', 'statistics', 'suggestions-proposals'].sort(),
    );
    expect(cols.find((c) => c.id === 'budget')).toMatchObject({ newest: '2024-08-01' });
    expect(f[0].message).toContain('10个应更新栏目超过1年未更新');
  });
  it('respects the long threshold and window', async () => {
    expect(await on('abandoned', { longStaleThreshold: 11 })).toEqual([]);
    // Two years back only the 2024-08 budget column is that old.
    expect(await on('abandoned', { longStaleWindow: '2y' })).toEqual([]);
    const f = await on('abandoned', { longStaleWindow: '2y', longStaleThreshold: 1 });
    expect((f[0].data!.columns as { id: string }[]).map((c) => c.id)).toEqual(['budget']);
  });
  it('counts undated columns as not updated and says which condition fired', async () => {
    const f = await on('trsStale', { longStaleThreshold: 3 });
    expect(f.map((x) => x.data!.condition)).toEqual(['stale', 'long-stale']);
    const long = f.find((x) => x.messageId === 'longStale')!;
    const cols = long.data!.columns as { id: string; undated?: boolean }[];
    expect(cols.map((c) => c.id).sort()).toEqual(['policy-documents', 'policy-interpretation', 'site:乡镇动态']);
    expect(cols.find((c) => c.id === 'site:乡镇动态')!.undated).toBe(true);
    const empty = await on('trsStale', { staleThreshold: 99, emptyThreshold: 2 });
    expect(empty.map((x) => x.data!.condition)).toEqual(['empty']);
  });
  it('renders English and leaves the clean site alone', async () => {
    const f = await on('abandoned', {}, 'en');
    expect(f[0].message).toMatch(/^10 columns that should be updated have not been for more than 1 year \(10 or more fails the site; basis: website inspection indicators, 国办秘函〔2019〕19号, veto "columns not updated"\): /);
    expect(await on('clean')).toEqual([]);
  });
  it('does not count empty columns or columns without a window', async () => {
    const items = (date: string) => [{ source: 'markup' as const, items: [{ title: '某市生态环境局2024年部门预算公开', url: `${ORIGIN}/x/${date}.html`, date, dateSource: 'markup' as const }] }];
    const s = snapshot([
      freshHome(),
      page('/czyjs/', { meta: { ColumnName: '财政预决算' }, lists: items('2024-02-01') }),
      page('/jgzn/', { meta: { ColumnName: '机构职能' }, lists: items('2020-02-01') }),
      page('/ghjh/', { meta: { ColumnName: '规划计划' }, saysEmpty: true, textLength: 50 }),
    ]);
    const f = await runRule(tooManyStaleColumns, auditSnapshot(s), { longStaleThreshold: 1 }, { settings });
    expect(f.map((x) => (x.data!.columns as { id: string }[]).map((c) => c.id))).toEqual([['budget']]);
  });
  it('stays a veto', async () => {
    const run = await runRules(auditSnapshot(await fixtureSnapshot('abandoned')), [{ rule: tooManyStaleColumns as unknown as Rule, setting: { severity: 'error', options: {} } }], { settings });
    expect(run.findings).toHaveLength(1);
    expect((tooManyStaleColumns as Rule<SiteSubject>).meta.veto).toBe(true);
  });
});
