import type { Finding, TargetResult } from '../types.js';

/**
 * A baseline accepts the findings that exist today so that only new ones fail, as ESLint's suppressions file does.
 * It stores counts per target and rule rather than positions: editing a report moves lines, and a count survives
 * that while still catching one more finding of the same rule.
 */
export interface Baseline {
  version: 1;
  targets: Record<string, Record<string, { count: number }>>;
}

export function createBaseline(results: TargetResult[], keyOf: (target: string) => string = (t) => t): Baseline {
  const targets: Baseline['targets'] = {};
  for (const r of results) {
    const counts: Record<string, { count: number }> = {};
    for (const f of r.findings) {
      if (f.suppressed) continue;
      counts[f.ruleId] = { count: (counts[f.ruleId]?.count ?? 0) + 1 };
    }
    if (Object.keys(counts).length) targets[keyOf(r.target)] = counts;
  }
  return { version: 1, targets };
}

/**
 * Suppresses up to the baseline's count of findings per rule for the target. When there are more findings than the
 * baseline accepted, the later ones (in output order) stay active: they are the new ones as far as we can tell.
 */
export function applyBaseline(findings: Finding[], baseline: Baseline | undefined, key: string): Finding[] {
  const entry = baseline?.targets[key];
  if (!entry) return findings;
  const left = new Map(Object.entries(entry).map(([id, v]) => [id, v.count]));
  for (const f of findings) {
    if (f.suppressed) continue;
    const n = left.get(f.ruleId) ?? 0;
    if (n > 0) {
      f.suppressed = true;
      left.set(f.ruleId, n - 1);
    }
  }
  return findings;
}

export function isBaseline(value: unknown): value is Baseline {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Baseline).version === 1 &&
    typeof (value as Baseline).targets === 'object'
  );
}
