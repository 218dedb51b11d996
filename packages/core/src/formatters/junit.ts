import type { Finding, RunResult, TargetResult } from '../types.js';
import { t } from '../i18n/catalog.js';
import type { FormatContext, Formatter } from './context.js';
import { displayTarget, flattenTargets, formatLocation, formatScore } from './shared.js';
import { escapeXml } from './xml.js';

/**
 * JUnit XML for CI dashboards: a target is a suite, a rule that ran is a test case, and each error or warning
 * finding is a failure of that case. Info findings go to system-out so they are visible without failing anything.
 */

interface Case {
  ruleId: string;
  applicable: boolean;
  failures: Finding[];
  infos: Finding[];
}

function attr(name: string, value: string | number): string {
  return `${name}="${escapeXml(String(value))}"`;
}

function casesFor(r: TargetResult): Case[] {
  const cases = new Map<string, Case>();
  const ensure = (ruleId: string, applicable = true) => {
    let c = cases.get(ruleId);
    if (!c) cases.set(ruleId, (c = { ruleId, applicable, failures: [], infos: [] }));
    return c;
  };
  for (const s of r.scoring?.rules ?? []) ensure(s.ruleId, s.applicable);
  for (const f of r.findings) {
    if (f.suppressed) continue;
    const c = ensure(f.ruleId);
    (f.severity === 'info' ? c.infos : c.failures).push(f);
  }
  return [...cases.values()];
}

function suite(r: TargetResult, ctx: FormatContext): { xml: string; tests: number; failures: number; errors: number } {
  const { locale } = ctx;
  const name = displayTarget(r.target, ctx.cwd);
  const props = [
    `      <property ${attr('name', 'kind')} ${attr('value', r.kind)}/>`,
    `      <property ${attr('name', 'score')} ${attr('value', r.score === null ? '' : formatScore(r.score, locale))}/>`,
    `      <property ${attr('name', 'passed')} ${attr('value', String(r.passed))}/>`,
  ];
  if (r.grade) props.push(`      <property ${attr('name', 'grade')} ${attr('value', r.grade)}/>`);
  if (r.scoring?.vetoed.length) props.push(`      <property ${attr('name', 'vetoed')} ${attr('value', r.scoring.vetoed.join(','))}/>`);

  const body: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  if (r.error) {
    tests++;
    errors++;
    body.push(
      `    <testcase ${attr('classname', name)} ${attr('name', t('fmt.junit.loadCase', locale))}>`,
      `      <error ${attr('type', r.error.code)} ${attr('message', r.error.message)}>${escapeXml(r.error.message)}</error>`,
      '    </testcase>',
    );
  }
  for (const c of casesFor(r)) {
    tests++;
    const open = `    <testcase ${attr('classname', name)} ${attr('name', c.ruleId)}`;
    const inner: string[] = [];
    if (!c.applicable && !c.failures.length) {
      skipped++;
      inner.push(`      <skipped ${attr('message', t('fmt.notApplicable', locale))}/>`);
    }
    if (c.failures.length) failures++;
    for (const f of c.failures) {
      const where = formatLocation(f, locale, r.target);
      const text = [where, f.message, f.docsUrl].filter(Boolean).join('\n');
      inner.push(`      <failure ${attr('type', f.severity)} ${attr('message', f.message)}>${escapeXml(text)}</failure>`);
    }
    if (c.infos.length) {
      const text = c.infos.map((f) => `${formatLocation(f, locale, r.target)} ${f.message}`.trim()).join('\n');
      inner.push(`      <system-out>${escapeXml(text)}</system-out>`);
    }
    if (inner.length === 0) body.push(`${open}/>`);
    else body.push(`${open}>`, ...inner, '    </testcase>');
  }
  const head = `  <testsuite ${attr('name', name)} ${attr('tests', tests)} ${attr('failures', failures)} ${attr('errors', errors)} ${attr('skipped', skipped)}>`;
  const xml = [head, '    <properties>', ...props, '    </properties>', ...body, '  </testsuite>'].join('\n');
  return { xml, tests, failures, errors };
}

export const junit: Formatter = (result: RunResult, ctx: FormatContext): string => {
  const suites = flattenTargets(result.results).map(({ result: r }) => suite(r, ctx));
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((n, s) => n + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attr('name', `gongkai ${result.tool.version}`)} ${attr('tests', sum('tests'))} ${attr('failures', sum('failures'))} ${attr('errors', sum('errors'))}>`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};
