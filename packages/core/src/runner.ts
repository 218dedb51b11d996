import type {
  Finding,
  Locale,
  ReportDescriptor,
  Rule,
  RuleSetting,
  RunSettings,
  Severity,
  Subject,
} from './types.js';
import { localize } from './i18n/format.js';
import { t } from './i18n/catalog.js';
import { docsUrlFor } from './docs-url.js';
import { deepMerge } from './pack/merge.js';

export interface RunOptions {
  locale?: Locale;
  settings?: Partial<RunSettings>;
  /** Collects per-rule wall time in ms (TIMING=1). */
  timing?: Map<string, number>;
}

export interface RuleOutcome {
  ruleId: string;
  applicable: boolean;
  notApplicableReason?: string;
  crashed: boolean;
}

export interface SubjectRun {
  findings: Finding[];
  outcomes: RuleOutcome[];
}

export const INTERNAL_ERROR_RULE = 'gongkai/internal-error';

export function defaultSettings(partial: Partial<RunSettings> = {}): RunSettings {
  return { asOf: partial.asOf ?? todayInShanghai(), agency: partial.agency ?? {}, ...partial } as RunSettings;
}

/** Today's date in Asia/Shanghai, which is the clock the legal deadlines are measured on. */
export function todayInShanghai(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 10);
}

function mergeOptions(defaults: Record<string, unknown> | undefined, given: Record<string, unknown>) {
  return deepMerge(defaults ?? {}, given) as Record<string, unknown>;
}

/**
 * Runs the given rules on one subject. A rule that throws produces one internal-error finding for itself and this
 * subject only; the other rules still run. Rules run one after another: they are CPU-bound and cheap, and order
 * keeps output deterministic.
 */
export async function runRules(
  subject: Subject,
  rules: Array<{ rule: Rule; setting: RuleSetting }>,
  options: RunOptions = {},
): Promise<SubjectRun> {
  const locale = options.locale ?? 'zh-CN';
  const settings = defaultSettings(options.settings);
  const findings: Finding[] = [];
  const outcomes: RuleOutcome[] = [];

  for (const { rule, setting } of rules) {
    if (setting.severity === 'off') continue;
    const severity: Severity = setting.severity;
    const ruleId = rule.meta.id;
    const outcome: RuleOutcome = { ruleId, applicable: true, crashed: false };
    const docsUrl = rule.meta.docs ?? docsUrlFor(ruleId);
    const context = {
      ruleId,
      severity,
      locale,
      settings,
      report(d: ReportDescriptor) {
        const template = rule.meta.messages[d.messageId];
        if (!template) throw new Error(`rule ${ruleId} has no message "${d.messageId}"`);
        const finding: Finding = {
          ruleId,
          severity: d.severity ?? severity,
          message: localize(template, locale, d.data),
          messageId: d.messageId,
          ...(d.loc ?? {}),
          docsUrl,
        };
        const data = d.findingData ?? d.data;
        if (data && Object.keys(data).length) finding.data = data;
        if (d.fix) finding.fix = d.fix;
        findings.push(finding);
      },
      notApplicable(reason?: string) {
        outcome.applicable = false;
        if (reason) outcome.notApplicableReason = reason;
      },
    };
    const started = options.timing ? performance.now() : 0;
    try {
      await rule.check(subject, mergeOptions(rule.meta.defaultOptions, setting.options), context);
    } catch (e) {
      outcome.crashed = true;
      const message = e instanceof Error ? e.message : String(e);
      findings.push({
        ruleId: INTERNAL_ERROR_RULE,
        severity: 'error',
        message: t('engine.internalError', locale, { rule: ruleId, message }),
        data: { rule: ruleId, error: message },
        docsUrl: docsUrlFor(INTERNAL_ERROR_RULE),
      });
    }
    if (options.timing) {
      options.timing.set(ruleId, (options.timing.get(ruleId) ?? 0) + performance.now() - started);
    }
    outcomes.push(outcome);
  }
  findings.sort(compareFindings);
  return { findings, outcomes };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.page ?? 0) - (b.page ?? 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.paragraph ?? 0) - (b.paragraph ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.url ?? '').localeCompare(b.url ?? '') ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Convenience for rule unit tests: run one rule with its default severity and the given options. */
export async function runRule<S extends Subject>(
  rule: Rule<S>,
  subject: S,
  ruleOptions: Record<string, unknown> = {},
  options: RunOptions = {},
): Promise<Finding[]> {
  const run = await runRules(subject, [{ rule: rule as unknown as Rule, setting: { severity: rule.meta.defaultSeverity, options: ruleOptions } }], options);
  return run.findings;
}
