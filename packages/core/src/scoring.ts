import type { Finding, RuleMeta, RuleScore, ScoreResult, ScoringConfig, CategoryScore } from './types.js';
import type { RuleOutcome } from './runner.js';

/**
 * Deterministic scoring (docs/scoring.md):
 * - a target starts at 100;
 * - each unsuppressed finding takes off severityFactor[severity] × weight of its rule;
 * - one rule can take off at most its `max` (default 3 × weight), as the national rules cap each indicator;
 * - a veto rule with an error finding fails the target whatever the score;
 * - rules that did not apply are left out (they neither pass nor fail);
 * - a category's sub-score is 100 minus the deductions of its rules, capped at 0; null when no rule of it applied.
 */
export function scoreTarget(
  findings: Finding[],
  outcomes: RuleOutcome[],
  metas: Map<string, RuleMeta>,
  scoring: ScoringConfig,
): ScoreResult {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }

  const rules: RuleScore[] = [];
  const vetoed: string[] = [];
  const categories = new Map<string, CategoryScore>();
  let total = 0;

  for (const outcome of outcomes) {
    const meta = metas.get(outcome.ruleId);
    if (!meta) continue;
    const override = scoring.weights[meta.id];
    const weight = typeof override === 'number' ? override : (override?.weight ?? meta.weight);
    const max = typeof override === 'object' && override.max !== undefined ? override.max : weight * 3;
    const isVeto = (meta.veto === true || scoring.veto.includes(meta.id)) && !scoring.noVeto.includes(meta.id);
    const list = byRule.get(meta.id) ?? [];
    let deducted = 0;
    for (const f of list) deducted += (scoring.severityFactor[f.severity] ?? 0) * weight;
    deducted = round2(Math.min(deducted, max));
    const applicable = outcome.applicable && !outcome.crashed;
    if (!applicable) deducted = 0;
    if (applicable && isVeto && list.some((f) => f.severity === 'error')) vetoed.push(meta.id);
    rules.push({
      ruleId: meta.id,
      category: meta.category,
      weight,
      max,
      findings: list.length,
      deducted,
      veto: isVeto,
      applicable,
    });
    if (applicable) {
      total += deducted;
      const cat = categories.get(meta.category) ?? { id: meta.category, score: 100, deducted: 0, rules: 0 };
      cat.deducted = round2(cat.deducted + deducted);
      cat.rules += 1;
      cat.score = Math.max(0, round2(100 - cat.deducted));
      categories.set(meta.category, cat);
    }
  }

  const score = Math.max(0, round2(100 - total));
  const passed = vetoed.length === 0 && score >= scoring.passLine;
  const grade = [...scoring.grades].sort((a, b) => b.min - a.min).find((g) => score >= g.min)?.label;
  return {
    score,
    passed,
    passLine: scoring.passLine,
    ...(grade !== undefined ? { grade: vetoed.length ? scoring.grades.find((g) => g.min === 0)?.label ?? grade : grade } : {}),
    vetoed,
    categories: [...categories.values()].sort((a, b) => a.id.localeCompare(b.id)),
    rules: rules.sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
