/**
 * Scores the checker's JSON output against the real corpus labels (../shared/corpus/real/labels.json) and our own
 * reviewed expectations (expectations.json beside this file). Kept apart from the test so the same judgement can be
 * printed as a summary and asserted.
 *
 * A finding is judged as follows:
 * - a required-section error for a section the labels list as present, or a table-missing error for a table they
 *   list as present: a false error, always;
 * - a document-type error on a file labelled not-a-report: true (that is the finding an office needs);
 * - an error that a labelled defect accounts for (same rule), or that expectations.json records as a true defect
 *   found by our review (with the arithmetic): true;
 * - any other error: false.
 * A labelled defect counts as found when the file has an error or warning of its rule; labelled defects of kind
 * "other" (copied text, misnamed statutes, …) map to no rule and are counted apart.
 */
import { readFileSync } from 'node:fs';

export interface LabelDefect {
  rule: string;
  where: string;
  why: string;
}

export interface Label {
  report_year: number;
  regime: string;
  level: string;
  published: string | null;
  sections_present: string[];
  sections_absent: string[];
  tables_present?: string[];
  defects: LabelDefect[];
}

export interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  data?: Record<string, unknown>;
}

/** A true defect our own review found that the labels do not list. `match` is a substring of the message. */
export interface ExpectedExtra {
  rule: string;
  match: string;
  why: string;
}

/** A labelled defect the checker is known not to find yet, with the reason. */
export interface KnownMiss {
  rule: string;
  why: string;
}

/** A labelled "other" defect (no rule of its own in the labels) that one of our rules reports. */
export interface OtherCover {
  /** A substring of the defect's `where`. */
  defect: string;
  rule: string;
  /** A substring of the finding's message. */
  match: string;
}

export interface Expectations {
  extra: Record<string, ExpectedExtra[]>;
  knownMisses: Record<string, KnownMiss[]>;
  otherCovered?: Record<string, OtherCover[]>;
}

export interface FileVerdict {
  file: string;
  errors: number;
  trueErrors: Finding[];
  falseErrors: Array<{ finding: Finding; why: string }>;
  /** Labelled defects (mapped to a rule) and whether each was found. */
  defects: Array<{ defect: LabelDefect; found: boolean; knownMiss: boolean }>;
  /** Labelled "other" defects: not mapped to any rule. */
  unmapped: LabelDefect[];
  /** Of those, the ones expectations.json says a rule of ours reports, and whether it did. */
  covered: Array<{ cover: OtherCover; found: boolean }>;
}

/** Label rule names that name a rule of ours. */
const RULE_OF_LABEL: Record<string, string> = {
  timeliness: 'report/timeliness',
  'sum-mismatch': 'report/sum-mismatch',
  'heading-sequence': 'report/heading-sequence',
  'prose-table-mismatch': 'report/prose-table-mismatch',
  'table-arithmetic': 'report/table-arithmetic',
  'required-section': 'report/required-section',
  'percent-mismatch': 'report/percent-mismatch',
};

export function loadLabels(file: string): Record<string, Label> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Label>;
}

export function loadExpectations(file: string): Expectations {
  return JSON.parse(readFileSync(file, 'utf8')) as Expectations;
}

export function judgeFile(file: string, label: Label, findings: Finding[], exp: Expectations): FileVerdict {
  const errors = findings.filter((f) => f.severity === 'error');
  const verdict: FileVerdict = { file, errors: errors.length, trueErrors: [], falseErrors: [], defects: [], unmapped: [], covered: [] };
  const present = new Set(label.sections_present);
  const tables = new Set(label.tables_present ?? []);
  // How many errors of each rule the labels account for.
  const budget = new Map<string, number>();
  for (const d of label.defects) {
    const rule = RULE_OF_LABEL[d.rule];
    if (rule) budget.set(rule, (budget.get(rule) ?? 0) + 1);
  }
  const extras = [...(exp.extra[file] ?? [])];
  for (const f of errors) {
    const section = typeof f.data?.section === 'string' ? f.data.section : undefined;
    const table = typeof f.data?.table === 'string' ? `${f.data.table}-table` : undefined;
    if (f.ruleId === 'report/required-section' && section && present.has(section)) {
      verdict.falseErrors.push({ finding: f, why: `section "${section}" is labelled present` });
      continue;
    }
    if (f.ruleId === 'report/table-missing' && table && tables.has(table)) {
      verdict.falseErrors.push({ finding: f, why: `table "${table}" is labelled present` });
      continue;
    }
    // A document the labels call no annual report is rightly told so.
    if (f.ruleId === 'report/document-type' && label.regime === 'not-a-report') {
      verdict.trueErrors.push(f);
      continue;
    }
    // One labelled required-section defect may name several absent parts ("nothing on 依申请公开 and nothing on 收费").
    if (f.ruleId === 'report/required-section' && section && label.sections_absent.includes(section) && label.defects.some((d) => d.rule === 'required-section')) {
      verdict.trueErrors.push(f);
      continue;
    }
    const extra = extras.findIndex((e) => e.rule === f.ruleId && f.message.includes(e.match));
    if (extra >= 0) {
      extras.splice(extra, 1);
      verdict.trueErrors.push(f);
      continue;
    }
    const left = budget.get(f.ruleId) ?? 0;
    if (left > 0) {
      budget.set(f.ruleId, left - 1);
      verdict.trueErrors.push(f);
      continue;
    }
    verdict.falseErrors.push({ finding: f, why: 'no labelled or reviewed defect accounts for it' });
  }
  const found = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === 'error' || f.severity === 'warning') found.set(f.ruleId, (found.get(f.ruleId) ?? 0) + 1);
  }
  const misses = exp.knownMisses[file] ?? [];
  for (const d of label.defects) {
    const rule = RULE_OF_LABEL[d.rule];
    if (!rule) {
      verdict.unmapped.push(d);
      const cover = (exp.otherCovered?.[file] ?? []).find((c) => d.where.includes(c.defect));
      if (cover) verdict.covered.push({ cover, found: findings.some((f) => f.ruleId === cover.rule && f.message.includes(cover.match)) });
      continue;
    }
    const n = found.get(rule) ?? 0;
    if (n > 0) found.set(rule, n - 1);
    verdict.defects.push({ defect: d, found: n > 0, knownMiss: misses.some((m) => m.rule === rule) });
  }
  return verdict;
}

export function summaryLine(v: FileVerdict): string {
  const mapped = v.defects.length;
  const hit = v.defects.filter((d) => d.found).length;
  const falseIds = v.falseErrors.map((e) => e.finding.ruleId.replace('report/', '')).join(',');
  const other = v.unmapped.length ? `  other ${v.covered.filter((c) => c.found).length}/${v.unmapped.length}` : '';
  return `${v.file.padEnd(40)}${other ? '' : ''} errors ${String(v.errors).padStart(2)}  true ${String(v.trueErrors.length).padStart(2)}  false ${String(v.falseErrors.length).padStart(2)}  defects ${hit}/${mapped}${other}${falseIds ? `  [false: ${falseIds}]` : ''}`;
}
