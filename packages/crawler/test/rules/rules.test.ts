import { describe, expect, it } from 'vitest';
import { runRule, runRules, type Finding, type Rule } from '@gongkai/core';
import { auditSnapshot, defaultColumns, type SiteSubject } from '../../src/analysis/index.js';
import * as r from '../../src/rules/index.js';
import { AS_OF, CLEAN_FIXTURES, ORIGIN, fixtureSnapshot, freshHome, page, snapshot } from '../analysis/site-fixtures.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../../../../', import.meta.url);
const sitePack = createRequire(new URL('rules/package.json', root))('yaml').parse(readFileSync(new URL('rules/packs/site.yaml', root), 'utf8'));

/** A rule's options as the built-in site pack sets them. */
function packOptions(id: string): Record<string, unknown> {
  const setting = sitePack.rules[id];
  return Array.isArray(setting) ? (setting[1] ?? {}) : {};
}

const settings = { asOf: AS_OF };
type Name = Parameters<typeof fixtureSnapshot>[0];

async function on(name: Name, rule: Rule<SiteSubject>, options: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<Finding[]> {
  return runRule(rule, auditSnapshot(await fixtureSnapshot(name)), options, { settings: { ...settings, ...extra } });
}

const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

// The clean fixtures (plain static, variant names without ColumnName, GBK Hanweb, a gkmlpt county government, a
// department whose lists are drawn by scripts) meet every national requirement of their level: each site rule, with
// the options of the built-in pack, must stay silent on each of them.
describe.each(CLEAN_FIXTURES)('the clean fixture %s is a false-positive control', (name) => {
  it.each(r.siteRules.map((rule) => [rule.meta.id, rule] as const))('%s stays silent', async (_id, rule) => {
    const subject = auditSnapshot(await fixtureSnapshot(name));
    const options = packOptions(rule.meta.id);
    const run = await runRules(subject, [{ rule: rule as unknown as Rule, setting: { severity: rule.meta.defaultSeverity, options } }], { settings });
    expect(run.outcomes.every((o) => !o.crashed)).toBe(true);
    expect(run.findings.map((f) => `${f.severity} ${f.message}`)).toEqual([]);
  });
});

describe('the clean fixtures are audited, not skipped', () => {
  it.each(CLEAN_FIXTURES)('%s: the home page opens and every column of its level is found with items', async (name) => {
    const subject = auditSnapshot(await fixtureSnapshot(name));
    const a = subject.analysis({ asOf: AS_OF });
    expect(a.home.reachable).toBe(true);
    const asked = a.columns.filter((c) => c.requirement);
    expect(asked.length).toBeGreaterThan(15);
    const singlePage = new Set(defaultColumns.filter((c) => c.form === 'article').map((c) => c.id));
    for (const c of asked) {
      expect(c.found, `${name} ${c.id}`).toBe(true);
      expect(c.empty, `${name} ${c.id}`).toBe(false);
      // List columns were read, whatever drew them (gkmlpt API, XHR JSON, fetched fragment, written-out array).
      if (!singlePage.has(c.id)) expect(c.itemCount, `${name} ${c.id}`).toBeGreaterThan(0);
    }
  });
});

describe('site/unreachable', () => {
  it('fires (veto) when the home page cannot be opened, and other rules stand down', async () => {
    const s = snapshot([page('/', { status: 503, depth: 0 })]);
    const f = await runRule(r.unreachable, auditSnapshot(s), {}, { settings });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', url: `${ORIGIN}/`, data: { reason: 'http-status', status: 503 } });
    expect(f[0].message).toContain('503');
    expect(r.unreachable.meta.veto).toBe(true);
    const run = await runRules(auditSnapshot(s), [{ rule: r.missingColumn as unknown as Rule, setting: { severity: 'error', options: {} } }], { settings });
    expect(run.findings).toEqual([]);
    expect(run.outcomes[0].applicable).toBe(false);
  });
  it('renders English messages', async () => {
    const s = snapshot([page('/', { status: 0, depth: 0, error: { code: 'dns', message: 'ENOTFOUND' } })]);
    const f = await runRule(r.unreachable, auditSnapshot(s), {}, { settings, locale: 'en' });
    expect(f[0].message).toBe(`home page ${ORIGIN}/ cannot be opened: network error (dns) (basis: website inspection indicators, 国办秘函〔2019〕19号, veto "site cannot be opened")`);
  });
});

describe('column rules on trs-stale', () => {
  it('site/home-stale', async () => {
    const f = await on('trsStale', r.homeStale);
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ newest: '2026-08-20', cutoff: '2026-11-06' });
  });
  it('site/stale-column names each stale column with its newest date and window', async () => {
    const f = await on('trsStale', r.staleColumn);
    const byCol = Object.fromEntries(f.map((x) => [x.data!.column, x.data]));
    expect(Object.keys(byCol).sort()).toEqual(['news', 'notices', 'policy-documents', 'policy-interpretation', 'site:乡镇动态'].sort());
    expect(byCol.news).toMatchObject({ newest: '2026-08-20', freshness: '2w', cutoff: '2026-11-06' });
    expect(f.find((x) => x.data!.column === 'site:乡镇动态')!.messageId).toBe('undated');
    const only = await on('trsStale', r.staleColumn, { kinds: ['notice'] });
    expect(only.map((x) => x.data!.column)).toEqual(['notices']);
  });
  it('site/too-many-stale-columns vetoes at 5 and respects the threshold option', async () => {
    const f = await on('trsStale', r.tooManyStaleColumns);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'stale', data: { count: 5, threshold: 5 } });
    expect(await on('trsStale', r.tooManyStaleColumns, { staleThreshold: 6 })).toEqual([]);
    const empty = await on('trsStale', r.tooManyStaleColumns, { staleThreshold: 99, emptyThreshold: 2 });
    expect(empty.map((x) => x.messageId)).toEqual(['empty']);
    expect(r.tooManyStaleColumns.meta.veto).toBe(true);
  });
  it('site/empty-column', async () => {
    const f = await on('trsStale', r.emptyColumn);
    expect(f.map((x) => x.data!.column).sort()).toEqual(['personnel', 'plans']);
    expect(await on('trsStale', r.emptyColumn, { ignore: ['plans', 'personnel'] })).toEqual([]);
  });
  it('site/undated-items', async () => {
    const f = await on('trsStale', r.undatedItems);
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ column: 'site:乡镇动态' });
    expect(f[0].message).toContain('4条');
  });
  it('site/policy-interpretation-unlinked', async () => {
    const f = await on('trsStale', r.policyInterpretationUnlinked);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('入河排污口');
  });
});

/** The 2025 决算 page of the budget tests, with the given text. */
function decision(text: string, extra: Partial<Parameters<typeof page>[1]> = {}) {
  return page('/js/2025.html', { title: '2025年度部门决算公开', meta: { ArticleTitle: '2025年度部门决算公开' }, mainText: text.padEnd(220, '。'), ...extra });
}

describe('site/missing-column', () => {
  it('reports each missing required column with data.column', async () => {
    const s = snapshot([freshHome({ links: [{ url: `${ORIGIN}/gzdt/`, text: '工作动态', area: 'nav' }, { url: `${ORIGIN}/zcjd/`, text: '政策解读', area: 'nav' }] }), page('/zcjd/', { status: 404 })]);
    const f = await runRule(r.missingColumn, auditSnapshot(s), {}, { settings });
    const missing = f.filter((x) => x.messageId === 'missing').map((x) => x.data!.column);
    expect(missing).toContain('disclosure-guide');
    expect(missing).toContain('annual-reports');
    expect(missing).not.toContain('news'); // linked but not fetched: cannot be judged missing
    expect(f.find((x) => x.messageId === 'unreachable')).toMatchObject({ data: { column: 'policy-interpretation', status: 404 } });
    const narrowed = await runRule(r.missingColumn, auditSnapshot(s), { columns: ['budget'] }, { settings });
    expect(narrowed.map((x) => x.data!.column)).toEqual(['budget']);
  });
  it('uses the level: 政策解读 is only good practice for a township (info), 工作动态 is required (error)', async () => {
    const s = snapshot([freshHome()], [], { level: 'township' });
    const f = await runRule(r.missingColumn, auditSnapshot(s), {}, { settings });
    const by = new Map(f.map((x) => [x.data!.column, x]));
    expect(by.get('policy-interpretation')).toMatchObject({ severity: 'info', messageId: 'missingRecommended' });
    expect(by.get('news')).toMatchObject({ severity: 'error', messageId: 'missing' });
  });
  it('a column required where applicable (建议提案办理) is a warning that says how to mark it not applicable', async () => {
    const s = snapshot([freshHome()]);
    const f = await runRule(r.missingColumn, auditSnapshot(s), {}, { settings });
    const jyta = f.find((x) => x.data!.column === 'suggestions-proposals')!;
    expect(jyta).toMatchObject({ severity: 'warning', messageId: 'missingApplicable', data: { requirement: 'applicable' } });
    expect(jyta.message).toContain('notApplicable: [suggestions-proposals]');
    expect(jyta.message).toContain('《政府信息公开条例》第二十条第（十五）项');
    const en = await runRule(r.missingColumn, auditSnapshot(s), {}, { settings, locale: 'en' });
    expect(en.find((x) => x.data!.column === 'suggestions-proposals')!.message).toMatch(/mark it not applicable.*notApplicable: \[suggestions-proposals\]/);
    // Every error names its basis; no where-applicable or good-practice column is an error.
    for (const x of f.filter((y) => y.severity === 'error')) {
      expect(x.data!.requirement).toBe('required');
      expect(x.message).toMatch(/依据：.*(条例|国办|检查指标|预算法)/);
    }
    expect(f.filter((x) => x.severity === 'error').map((x) => x.data!.column)).not.toContain('suggestions-proposals');
    const marked = await runRule(r.missingColumn, auditSnapshot(s), { notApplicable: ['suggestions-proposals', 'fees'] }, { settings });
    expect(marked.map((x) => x.data!.column)).not.toContain('suggestions-proposals');
    expect(marked.map((x) => x.data!.column)).not.toContain('fees');
    expect(marked.map((x) => x.data!.column)).toContain('major-projects');
  });
  it('a configured warning is never raised to an error, and a pack can make any column required with its own basis', async () => {
    const s = snapshot([freshHome()]);
    const f = await runRule(r.missingColumn, auditSnapshot(s), {}, { settings });
    const warned = await runRules(auditSnapshot(s), [{ rule: r.missingColumn as unknown as Rule, setting: { severity: 'warning', options: {} } }], { settings });
    expect(warned.findings.some((x) => x.severity === 'error')).toBe(false);
    expect(warned.findings.length).toBe(f.length);
    const columns = defaultColumns.map((c) =>
      c.id === 'suggestions-proposals' ? { ...c, requiredFor: ['department' as const], basis: { zh: '某省政务公开考核细则第5条', en: 'provincial rules art. 5' } } : c,
    );
    const strict = await runRule(r.missingColumn, auditSnapshot(s, { columns }), {}, { settings });
    expect(strict.find((x) => x.data!.column === 'suggestions-proposals')).toMatchObject({ severity: 'error', messageId: 'missing' });
    expect(strict.find((x) => x.data!.column === 'suggestions-proposals')!.message).toContain('某省政务公开考核细则第5条');
  });
});

describe('document rules', () => {
  it('site/annual-report-late on late-report (department deadline 01-31)', async () => {
    const f = await on('lateReport', r.annualReportLate);
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ year: 2025, published: '2026-02-15', deadline: '2026-01-31', days: 15 });
    expect(await on('lateReport', r.annualReportLate, { deadlines: { department: '03-31' } })).toEqual([]);
    const gov = runRule(r.annualReportLate, auditSnapshot(await fixtureSnapshot('lateReport'), { level: 'government' }), {}, { settings });
    expect(await gov).toEqual([]);
  });
  it('site/annual-report-missing after the deadline, not before', async () => {
    const s = snapshot([
      freshHome({ lists: [{ source: 'markup', items: [{ title: '2024年政府信息公开工作年度报告', url: `${ORIGIN}/nb/2024.html`, date: '2025-01-20', dateSource: 'markup' }] }] }),
    ]);
    const f = await runRule(r.annualReportMissing, auditSnapshot(s), {}, { settings });
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ year: 2025, deadline: '2026-01-31' });
    expect(await runRule(r.annualReportMissing, auditSnapshot(s), {}, { settings: { asOf: '2026-01-25' } })).toEqual([]);
    expect(await on('clean', r.annualReportMissing)).toEqual([]);
  });
  it('site/budget-missing on missing-budget', async () => {
    const f = await on('missingBudget', r.budgetMissing);
    expect(f.map((x) => `${x.messageId}:${x.data!.year}`).sort()).toEqual(['budget:2026', 'final:2025']);
    // Before 04-30 the 2025 budget is the one expected; before 09-30 the 2024 决算 — which lacks its 三公 statement.
    const early = await on('missingBudget', r.budgetMissing, {}, { asOf: '2026-03-01' });
    expect(early.map((x) => `${x.messageId}:${x.data!.year}`)).toEqual(['threePublic:2024']);
  });
  it('site/budget-missing asks for the 三公 statement with the 决算', async () => {
    const s = snapshot([
      freshHome({
        lists: [{ source: 'markup', items: [
          { title: '2026年部门预算公开', url: `${ORIGIN}/ys/2026.html`, date: '2026-02-01', dateSource: 'markup' },
          { title: '2025年度部门决算公开', url: `${ORIGIN}/js/2025.html`, date: '2026-08-01', dateSource: 'markup' },
        ] }],
      }),
      decision('本部门2025年度收入支出决算总体情况、财政拨款收入支出决算情况、一般公共预算财政拨款基本支出决算情况说明如下。'),
    ]);
    const f = await runRule(r.budgetMissing, auditSnapshot(s), {}, { settings });
    expect(f.map((x) => x.messageId)).toEqual(['threePublic']);
    expect(f[0].message).toContain('依据：《预算法》第十四条');
    expect(await runRule(r.budgetMissing, auditSnapshot(s), { requireThreePublic: false }, { settings })).toEqual([]);
  });
  it('site/budget-missing accepts the 三公 breakdown inside the 决算 document: text, text past the kept part, attachment names', async () => {
    const home = freshHome({
      lists: [{ source: 'markup', items: [
        { title: '2026年部门预算公开', url: `${ORIGIN}/ys/2026.html`, date: '2026-02-01', dateSource: 'markup' },
        { title: '2025年度部门决算公开', url: `${ORIGIN}/js/2025.html`, date: '2026-08-01', dateSource: 'markup' },
      ] }],
    });
    const body = '本部门2025年度收入支出决算总体情况、财政拨款收入支出决算情况、一般公共预算财政拨款基本支出决算情况说明如下。';
    const variants = [
      decision(`${body}七、财政拨款“三公”经费支出决算情况说明：因公出国（境）费0万元，公务用车购置及运行费12.5万元。`),
      decision(body, { mentions: ['三公', '公务接待'] }),
      decision('详见附件。', { links: [{ url: `${ORIGIN}/js/2025-sgjf.xlsx`, text: '2025年度财政拨款“三公”经费支出决算表.xlsx', area: 'body' }] }),
    ];
    for (const detail of variants) {
      expect(await runRule(r.budgetMissing, auditSnapshot(snapshot([home, detail])), {}, { settings })).toEqual([]);
    }
    // The 决算 is a PDF we do not read, or a page whose tables are attachments: no evidence either way, no finding.
    const pdfOnly = decision('详见附件。', { links: [{ url: `${ORIGIN}/js/2025.pdf`, text: '2025年度部门决算.pdf', area: 'body' }] });
    expect(await runRule(r.budgetMissing, auditSnapshot(snapshot([home, pdfOnly])), {}, { settings })).toEqual([]);
    expect(await runRule(r.budgetMissing, auditSnapshot(snapshot([home])), {}, { settings })).toEqual([]);
  });
  it('site/dual-publicity-late counts working days with the holiday calendar', async () => {
    const f = await on('dualLate', r.dualPublicityLate);
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ decision: '2026-09-25', published: '2026-10-15', deadline: '2026-10-12', workingDays: 10 });
    expect(await on('dualLate', r.dualPublicityLate, { workingDays: 10 })).toEqual([]);
  });
});

describe('link and crawl rules', () => {
  it('site/broken-link reports url = target and data.from = linking page', async () => {
    const f = await on('brokenLinks', r.brokenLink);
    expect(f).toHaveLength(3);
    const att = f.find((x) => x.messageId === 'attachment')!;
    expect(att.url).toMatch(/zdpwdw\.pdf$/);
    expect(att.data!.from).toMatch(/\/tzgg\/202611\/t20261110_\d+\.html$/);
    expect(await on('brokenLinks', r.brokenLink, { ignore: ['zdpwdw', 'sjcx', '9001'] })).toEqual([]);
  });
  it('site/broken-link leaves external links alone unless asked', async () => {
    const s = snapshot([freshHome({ links: [{ url: 'http://other.example.com/x', text: '外部', area: 'body' }] }), page('http://other.example.com/x', { status: 404 })]);
    expect(await runRule(r.brokenLink, auditSnapshot(s), {}, { settings })).toEqual([]);
    const f = await runRule(r.brokenLink, auditSnapshot(s, { checkExternal: true }), { checkExternal: true }, { settings });
    expect(f.map((x) => x.url)).toEqual(['http://other.example.com/x']);
  });
  it('site/soft-404', async () => {
    const s = snapshot([freshHome({ links: [{ url: `${ORIGIN}/gone.html`, text: '旧页面', area: 'body' }] }), page('/gone.html', { softNotFound: true })]);
    const f = await runRule(r.soft404, auditSnapshot(s), {}, { settings });
    expect(f).toMatchObject([{ url: `${ORIGIN}/gone.html`, data: { from: `${ORIGIN}/` } }]);
  });
  it('site/robots-blocked, site/tls-error, site/encoding-mismatch read crawl events', async () => {
    const at = '2026-11-20T02:00:00.000Z';
    const s = snapshot([freshHome()], [
      { type: 'blocked-by-robots', url: `${ORIGIN}/xxgk/`, at },
      { type: 'blocked-by-robots', url: `${ORIGIN}/xxgk/a.html`, at },
      { type: 'tls-error', url: `https://www.hbj.example.gov.cn/`, at, detail: { code: 'CERT_HAS_EXPIRED' } },
      { type: 'encoding-mismatch', url: `${ORIGIN}/a.html`, at, detail: { declared: 'utf-8', used: 'gb18030' } },
    ]);
    const sub = auditSnapshot(s);
    const robots = await runRule(r.robotsBlocked, sub, {}, { settings });
    expect(robots).toMatchObject([{ severity: 'info', data: { count: 2 } }]);
    const tls = await runRule(r.tlsError, sub, {}, { settings });
    expect(tls).toMatchObject([{ severity: 'warning' }]);
    expect(tls[0].message).toContain('CERT_HAS_EXPIRED');
    const enc = await runRule(r.encodingMismatch, sub, {}, { settings });
    expect(enc[0].message).toContain('utf-8 → gb18030');
    expect(ids(await runRule(r.robotsBlocked, auditSnapshot(snapshot([freshHome()])), {}, { settings }))).toEqual([]);
  });
});
