import { describe, expect, it } from 'vitest';
import {
  PackSet,
  RuleRegistry,
  checkSubject,
  exitCodeFor,
  resolveConfig,
  runRule,
  validateConfig,
  configForSubject,
  createBaseline,
  INTERNAL_ERROR_RULE,
  UNUSED_DIRECTIVE_RULE,
  GongkaiError,
} from '@gongkai/core';
import { LinesSubject, crashing, forbiddenWord, notForSummaries, vetoRule } from './helpers.js';

const registry = new RuleRegistry([forbiddenWord, crashing, vetoRule, notForSummaries] as never[]);

function setup(packs: Array<Record<string, unknown>>, user: Record<string, unknown>) {
  const set = new PackSet(registry);
  for (const p of packs) set.add(p, `${p.id}.yaml`);
  return resolveConfig(validateConfig(user, 'gongkai.config.yaml', registry), set);
}

function thrown(fn: () => unknown): GongkaiError {
  try {
    fn();
  } catch (e) {
    return e as GongkaiError;
  }
  throw new Error('did not throw');
}

describe('runner', () => {
  it('renders messages with positions and docs urls', async () => {
    const f = await runRule(forbiddenWord, new LinesSubject('a.txt', ['ok', 'has XX here']));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'report/forbidden-word', line: 2, column: 5, message: '出现禁用词“XX”' });
    expect(f[0].docsUrl).toMatch(/docs\/rules\/report\/forbidden-word\.md$/);
    const en = await runRule(forbiddenWord, new LinesSubject('a.txt', ['XX']), {}, { locale: 'en' });
    expect(en[0].message).toBe('forbidden word "XX"');
  });

  it('isolates a crashing rule', async () => {
    const cfg = setup([{ id: 'p', rules: { 'report/crashing': 'error', 'report/forbidden-word': 'error' } }], { extends: ['p'] });
    const r = await checkSubject(new LinesSubject('a.txt', ['XX']), { config: cfg, registry });
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual([INTERNAL_ERROR_RULE, 'report/forbidden-word']);
    expect(r.findings.find((f) => f.ruleId === INTERNAL_ERROR_RULE)?.message).toContain('boom');
  });
});

describe('packs and config', () => {
  it('rejects a typo in a rule id with a suggestion', () => {
    const set = new PackSet(registry);
    const e = thrown(() => set.add({ id: 'p', rules: { 'report/forbiden-word': 'error' } }, 'rules/packs/p.yaml'));
    expect(e.code).toBe('config/unknown-rule');
    expect(e.render('en')).toBe('rules/packs/p.yaml: rules.report/forbiden-word: unknown rule, did you mean "report/forbidden-word"?');
    expect(e.render('zh-CN')).toContain('是否应为 "report/forbidden-word"');
  });

  it('names the file, the path and the expectation for a bad option value', () => {
    const e = thrown(() =>
      validateConfig({ rules: { 'report/forbidden-word': ['error', { deadline: '1月31日' }] } }, 'gongkai.config.yaml', registry),
    );
    expect(e.render('en')).toBe('gongkai.config.yaml: rules.report/forbidden-word[1].deadline: must be MM-DD, got "1月31日"');
    expect(e.render('en')).not.toContain('\n');
  });

  it('rejects unknown option keys with did-you-mean', () => {
    const e = thrown(() =>
      validateConfig({ rules: { 'report/forbidden-word': ['error', { word: ['x'] }] } }, 'c.yaml', registry),
    );
    expect(e.render('en')).toBe('c.yaml: rules.report/forbidden-word[1].word: unknown key "word", did you mean "words"?');
  });

  it('rejects unknown top-level config keys and bad severities', () => {
    expect(thrown(() => validateConfig({ rulez: {} }, 'c.yaml', registry)).render('en')).toContain('unknown key "rulez", did you mean "rules"?');
    expect(thrown(() => validateConfig({ rules: { 'report/empty': 'fatal' } }, 'c.yaml', registry)).render('en')).toContain(
      'c.yaml: rules.report/empty: must be one of error, warning, info, off, got "fatal"',
    );
  });

  it('reports unknown packs and extends cycles', () => {
    expect(thrown(() => setup([{ id: 'report-2019' }], { extends: ['report-2091'] })).render('en')).toContain('did you mean "report-2019"');
    expect(thrown(() => setup([{ id: 'a', extends: ['b'] }, { id: 'b', extends: ['a'] }], { extends: ['a'] })).code).toBe('config/extends-cycle');
  });

  it('merges extends, appliesTo and user overrides in order', () => {
    const cfg = setup(
      [
        { id: 'base', rules: { 'report/forbidden-word': ['warning', { words: ['XX'] }] } },
        { id: 'y2021', extends: ['base'], appliesTo: { kind: 'report', regime: ['2021'] }, rules: { 'report/forbidden-word': ['error', { words: ['××'] }] } },
      ],
      { extends: ['y2021'], rules: { 'report/empty': 'error' } },
    );
    const old = configForSubject(cfg, { kind: 'report', regime: '2008' }, registry);
    expect(old.rules.get('report/forbidden-word')).toEqual({ severity: 'warning', options: { words: ['XX'] } });
    const now = configForSubject(cfg, { kind: 'report', regime: '2021' }, registry);
    expect(now.rules.get('report/forbidden-word')).toEqual({ severity: 'error', options: { words: ['××'] } });
    expect(now.rules.get('report/empty')?.severity).toBe('error');
    expect(now.packs).toEqual(['base', 'y2021']);
  });

  it('merges arrays of objects by id in pack data', () => {
    const cfg = setup(
      [{ id: 'site', data: { columns: [{ id: 'budget', window: '1y' }, { id: 'news', window: '2w' }] } }],
      { extends: ['site'], data: { columns: [{ id: 'budget', window: '6m' }, { id: 'news', remove: true }, { id: 'extra', window: '1y' }] } },
    );
    expect(configForSubject(cfg, { kind: 'site' }, registry).data).toEqual({
      columns: [{ id: 'budget', window: '6m' }, { id: 'extra', window: '1y' }],
    });
  });
});

describe('scoring', () => {
  const cfg = setup(
    [
      {
        id: 'p',
        rules: { 'report/forbidden-word': 'error', 'report/empty': 'error', 'report/only-reports': 'warning' },
        scoring: { passLine: 60, weights: { 'report/forbidden-word': { weight: 4, max: 10 } } },
      },
    ],
    { extends: ['p'] },
  );

  it('deducts severity × weight, capped per rule, and excludes rules that do not apply', async () => {
    const r = await checkSubject(new LinesSubject('a.txt', ['XX', 'XX', 'XX', 'XX'], { documentType: 'work-summary' }), { config: cfg, registry });
    expect(r.findings).toHaveLength(4);
    expect(r.score).toBe(90); // 4 × 4 = 16, capped at 10
    expect(r.passed).toBe(true);
    const only = r.scoring!.rules.find((x) => x.ruleId === 'report/only-reports');
    expect(only?.applicable).toBe(false);
    expect(r.categories?.find((c) => c.id === 'structure')?.rules).toBe(1);
  });

  it('fails a vetoed target whatever its score', async () => {
    const r = await checkSubject(new LinesSubject('a.txt', ['  ']), { config: cfg, registry });
    expect(r.score).toBe(90);
    expect(r.passed).toBe(false);
    expect(r.scoring?.vetoed).toEqual(['report/empty']);
  });

  it('fails below the pass line', async () => {
    const low = setup([{ id: 'q', rules: { 'report/forbidden-word': ['error', { words: ['a', 'b', 'c', 'd', 'e'] }] }, scoring: { passLine: 95 } }], { extends: ['q'] });
    const r = await checkSubject(new LinesSubject('a.txt', ['abcde']), { config: low, registry });
    expect(r.score).toBe(85);
    expect(r.passed).toBe(false);
  });
});

describe('suppressions', () => {
  const cfg = setup([{ id: 'p', rules: { 'report/forbidden-word': 'error' } }], { extends: ['p'] });

  it('honours disable-next-line and disable/enable, and reports unused directives', async () => {
    const subject = new LinesSubject('a.md', ['<!-- x -->', 'XX', 'XX', 'XX', 'XX', 'ok'], {}, [
      { kind: 'disable-next-line', rules: ['report/forbidden-word'], line: 1, column: 1, reason: 'quoted' },
      { kind: 'disable', rules: [], line: 3, column: 1 },
      { kind: 'enable', rules: [], line: 4, column: 1 },
      { kind: 'disable-next-line', rules: ['report/forbidden-word'], line: 5, column: 1 },
    ]);
    const r = await checkSubject(subject, { config: cfg, registry });
    expect(r.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['report/forbidden-word', 5],
      [UNUSED_DIRECTIVE_RULE, 5],
    ]);
  });

  it('baseline accepts existing findings so only new ones fail', async () => {
    const before = await checkSubject(new LinesSubject('a.txt', ['XX']), { config: cfg, registry });
    const baseline = createBaseline([before]);
    const same = await checkSubject(new LinesSubject('a.txt', ['XX']), { config: cfg, registry, baseline });
    expect(same.findings).toHaveLength(0);
    expect(exitCodeFor([same])).toBe(0);
    const more = await checkSubject(new LinesSubject('a.txt', ['XX', 'XX']), { config: cfg, registry, baseline });
    expect(more.findings).toHaveLength(1);
    expect(exitCodeFor([more])).toBe(1);
  });
});

describe('exit codes', () => {
  const f = (severity: 'error' | 'warning' | 'info') => ({ ruleId: 'x', severity, message: 'm' });
  it('applies fail level, max warnings and min score', () => {
    const warn = [{ target: 't', kind: 'report' as const, score: 95, passed: true, findings: [f('warning')] }];
    expect(exitCodeFor(warn)).toBe(0);
    expect(exitCodeFor(warn, { failOn: 'warning' })).toBe(1);
    expect(exitCodeFor(warn, { maxWarnings: 0 })).toBe(1);
    expect(exitCodeFor(warn, { minScore: 96 })).toBe(1);
    expect(exitCodeFor([{ ...warn[0], error: { code: 'load/empty', message: 'x' } }])).toBe(2);
  });
});
