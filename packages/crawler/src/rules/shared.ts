/**
 * Helpers every site rule uses: getting the cached analysis, skipping when the site could not be audited, and
 * rendering durations and reasons in the run's locale.
 */
import type { Locale, RuleContext, Severity } from '@gongkai/core';
import { defaultWindows } from '../analysis/catalogue.js';
import type { SiteSubject } from '../analysis/subject.js';
import type { Basis, SiteAnalysis, Windows } from '../analysis/types.js';

export const noOptionsSchema = { type: 'object', properties: {}, additionalProperties: false } as const;

export const monthDaySchema = {
  type: 'string',
  pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  errorMessage: 'must be MM-DD',
} as const;

export const columnIdsSchema = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;

export function analysisOf(subject: SiteSubject, context: RuleContext): SiteAnalysis {
  return subject.analysis(context.settings);
}

/**
 * The analysis, or undefined (and the rule marked not applicable) when the home page could not be opened: then
 * every column would look missing, and `site/unreachable` already says what is wrong.
 */
export function reachableAnalysis(subject: SiteSubject, context: RuleContext): SiteAnalysis | undefined {
  const a = analysisOf(subject, context);
  if (!a.home.reachable) {
    context.notApplicable('home page unreachable');
    return undefined;
  }
  return a;
}

const UNITS: Record<string, { zh: string; en: [string, string] }> = {
  d: { zh: '天', en: ['day', 'days'] },
  w: { zh: '周', en: ['week', 'weeks'] },
  m: { zh: '个月', en: ['month', 'months'] },
  y: { zh: '年', en: ['year', 'years'] },
};

/** "6个月" / "6 months" for a window name or duration. */
export function durationLabel(freshness: string, windows: Windows | undefined, locale: Locale): string {
  const d = (windows ?? {})[freshness] ?? defaultWindows[freshness] ?? freshness;
  const m = /^(\d+)([dwmy])$/.exec(d);
  if (!m) return d;
  const n = Number(m[1]);
  const u = UNITS[m[2]];
  return locale === 'en' ? `${n} ${u.en[n === 1 ? 0 : 1]}` : `${n}${u.zh}`;
}

export function joinNames(names: string[], locale: Locale, max = 8): string {
  const shown = names.slice(0, max);
  const more = names.length - shown.length;
  const sep = locale === 'en' ? ', ' : '、';
  const tail = more > 0 ? (locale === 'en' ? ` and ${more} more` : `等${names.length}个`) : '';
  return shown.join(sep) + tail;
}

export function compileIgnore(patterns: readonly string[] | undefined): (url: string) => boolean {
  const res = (patterns ?? []).map((p) => new RegExp(p));
  return (url) => res.some((r) => r.test(url));
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The milder of two severities: a configured `warning` is never raised to an error by a finding's own level. */
export function weaker(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

/** A column's basis in the run's locale; a pack column without one points at the pack that asks for it. */
export function basisText(basis: Basis | undefined, locale: Locale): string {
  if (!basis) return locale === 'en' ? 'the column catalogue of the rule pack' : '规则包栏目目录';
  return locale === 'en' ? basis.en ?? basis.zh : basis.zh;
}
