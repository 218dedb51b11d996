import type { Locale, Rule, RunSettings, Severity, Subject, TargetResult } from './types.js';
import type { RuleRegistry } from './rule-registry.js';
import { configForSubject, type ResolvedConfig, type SubjectConfig } from './pack/resolve.js';
import { runRules } from './runner.js';
import { applyDirectives } from './suppress/directives.js';
import { applyBaseline, type Baseline } from './suppress/baseline.js';
import { scoreTarget } from './scoring.js';

export interface CheckOptions {
  config: ResolvedConfig;
  registry: RuleRegistry;
  locale?: Locale;
  settings?: Partial<RunSettings>;
  baseline?: Baseline;
  /** Key of this subject in the baseline (a path relative to the baseline file, or a URL). */
  baselineKey?: string;
  timing?: Map<string, number>;
}

/** Runs the applicable rules on one subject and scores it. */
export async function checkSubject(subject: Subject, options: CheckOptions): Promise<TargetResult> {
  const facts = subject.facts();
  const subjectConfig: SubjectConfig = configForSubject(options.config, facts, options.registry);
  const selected: Array<{ rule: Rule; setting: { severity: Severity | 'off'; options: Record<string, unknown> } }> = [];
  for (const [id, setting] of subjectConfig.rules) {
    const rule = options.registry.get(id);
    if (rule && setting.severity !== 'off') selected.push({ rule, setting });
  }
  const locale = options.locale ?? 'zh-CN';
  const run = await runRules(subject, selected, {
    locale,
    settings: { ...options.settings, data: subjectConfig.data } as Partial<RunSettings>,
    timing: options.timing,
  });
  let findings = applyDirectives(run.findings, subject.directives, locale);
  findings = applyBaseline(findings, options.baseline, options.baselineKey ?? subject.target);
  const scoring = scoreTarget(findings, run.outcomes, options.registry.metas(), subjectConfig.scoring);
  return {
    target: subject.target,
    kind: subject.kind,
    score: scoring.score,
    passed: scoring.passed,
    ...(scoring.grade ? { grade: scoring.grade } : {}),
    categories: scoring.categories,
    scoring,
    findings: findings.filter((f) => !f.suppressed),
    stats: { packs: subjectConfig.packs, suppressed: findings.filter((f) => f.suppressed).length },
  };
}

/** A target that could not be checked at all: no score, not passed, one error. */
export function failedTarget(target: string, kind: TargetResult['kind'], code: string, message: string): TargetResult {
  return { target, kind, score: null, passed: false, findings: [], error: { code, message } };
}

export interface ExitPolicy {
  failOn?: Severity;
  maxWarnings?: number;
  minScore?: number;
}

const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** 0 = clean, 1 = findings at or above the fail level (or a threshold broken), 2 = a target could not be checked. */
export function exitCodeFor(results: TargetResult[], policy: ExitPolicy = {}): 0 | 1 | 2 {
  if (results.some((r) => r.error)) return 2;
  const failOn = rank[policy.failOn ?? 'error'];
  let warnings = 0;
  let failed = false;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'warning') warnings++;
      if (rank[f.severity] >= failOn) failed = true;
    }
    if (policy.minScore !== undefined && r.score !== null && r.score < policy.minScore) failed = true;
  }
  if (policy.maxWarnings !== undefined && warnings > policy.maxWarnings) failed = true;
  return failed ? 1 : 0;
}
