import type { Finding, Locale, RuleMeta, Severity, TargetResult } from '../types.js';
import { t } from '../i18n/catalog.js';
import { pick } from '../i18n/format.js';
import { docsUrlFor } from '../docs-url.js';
import type { FormatContext } from './context.js';
import './messages.js';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** Suppressed findings were accepted by a baseline or directive; they are reported nowhere but JSON and SARIF. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppressed);
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.suppressed) counts[f.severity]++;
  return counts;
}

export function addCounts(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info };
}

/** Most frequent rule ids among the unsuppressed findings; ties go to the more severe, then alphabetical. */
export function topRules(findings: readonly Finding[], n: number): Array<{ ruleId: string; count: number }> {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const byRule = new Map<string, { count: number; worst: number }>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const entry = byRule.get(f.ruleId) ?? { count: 0, worst: 3 };
    entry.count++;
    entry.worst = Math.min(entry.worst, rank[f.severity]);
    byRule.set(f.ruleId, entry);
  }
  return [...byRule.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].worst - b[1].worst || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([ruleId, { count }]) => ({ ruleId, count }));
}

export interface FlatTarget {
  result: TargetResult;
  depth: number;
  parent?: TargetResult;
}

/** Targets with their attachments (the annual report found on a site …) listed right after their parent. */
export function flattenTargets(results: readonly TargetResult[], depth = 0, parent?: TargetResult): FlatTarget[] {
  const out: FlatTarget[] = [];
  for (const result of results) {
    out.push(parent ? { result, depth, parent } : { result, depth });
    if (result.attachments?.length) out.push(...flattenTargets(result.attachments, depth + 1, result));
  }
  return out;
}

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/**
 * A file target relative to `cwd` when it lies inside it. String-based on purpose: core does no I/O and must not
 * depend on the platform's path module to print a path.
 */
/** The target as shown in tables: the agency's name before the URL or path when the run knows it. */
export function targetLabel(r: { target: string; name?: string }, cwd?: string): string {
  const shown = displayTarget(r.target, cwd);
  return r.name ? `${r.name} ${shown}` : shown;
}

export function displayTarget(target: string, cwd?: string): string {
  if (!cwd || isUrl(target)) return target;
  const norm = (p: string) => p.replace(/\\/g, '/');
  const base = norm(cwd).replace(/\/+$/, '');
  const path = norm(target);
  if (path.startsWith(base + '/')) return path.slice(base.length + 1);
  return target;
}

/** Score as printed: integers as is, otherwise one decimal. */
/** The score to show for a result: none for a target that could not be checked (its score means nothing). */
export function shownScore(result: TargetResult): number | null {
  return result.error ? null : result.score;
}

export function formatScore(score: number | null, locale: Locale): string {
  if (score === null || !Number.isFinite(score)) return t('fmt.noScore', locale);
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function severityLabel(severity: Severity, locale: Locale): string {
  return t(`severity.${severity}`, locale);
}

export function passedLabel(result: TargetResult, locale: Locale): string {
  if (result.error) return t('fmt.error', locale);
  return t(result.passed ? 'result.passed' : 'result.failed', locale);
}

export function categoryLabel(id: string, locale: Locale): string {
  const key = `fmt.category.${id}`;
  const label = t(key, locale);
  return label === key ? id : label;
}

/**
 * Where a finding is, in the units the source has: line:column for text, page and paragraph for PDF and Word,
 * the pointer path for tables, the URL (shortened against the target's origin) for sites.
 */
export function formatLocation(f: Finding, locale: Locale, target?: string): string {
  const parts: string[] = [];
  if (f.page !== undefined) parts.push(t('fmt.location.page', locale, { page: f.page }));
  if (f.paragraph !== undefined) parts.push(t('fmt.location.paragraph', locale, { paragraph: f.paragraph }));
  if (f.line !== undefined) parts.push(f.column !== undefined ? `${f.line}:${f.column}` : String(f.line));
  if (f.path !== undefined) parts.push(f.path);
  if (f.url !== undefined) parts.push(shortenUrl(f.url, target));
  return parts.join(' ');
}

export function shortenUrl(url: string, target?: string): string {
  if (!target || !isUrl(target)) return url;
  try {
    const u = new URL(url);
    const base = new URL(target);
    if (u.origin !== base.origin) return url;
    const rest = u.pathname + u.search + u.hash || '/';
    // Percent-encoded CJK paths are unreadable in a terminal; show them as the site wrote them.
    try {
      return decodeURI(rest);
    } catch {
      return rest;
    }
  } catch {
    return url;
  }
}

export function ruleMeta(ruleId: string, ctx: FormatContext): RuleMeta | undefined {
  return ctx.rules.get(ruleId);
}

export function ruleDescription(ruleId: string, ctx: FormatContext): string | undefined {
  const meta = ctx.rules.get(ruleId);
  return meta ? pick(meta.description, ctx.locale) : undefined;
}

/** Finding's own docs link, then the rule's, then the conventional page; internal ids (`gongkai/…`) have none. */
export function docsLink(ruleId: string, ctx: FormatContext, finding?: Finding): string | undefined {
  if (finding?.docsUrl) return finding.docsUrl;
  const meta = ctx.rules.get(ruleId);
  if (meta?.docs) return meta.docs;
  if (meta) return docsUrlFor(ruleId);
  if (/^(report|site)\//.test(ruleId)) return docsUrlFor(ruleId);
  return undefined;
}
