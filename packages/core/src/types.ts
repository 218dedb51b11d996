/**
 * The engine's public vocabulary. Everything a rule, a formatter or a front end (the CLI) needs to agree on lives
 * here, so that packages depend on types rather than on each other's internals.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Locale = 'zh-CN' | 'en';

/** A string in both catalogs. zh-CN is the default locale; en is required so `--locale en` never falls back. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Kinds of subject the engine can check. The engine itself treats the kind as an opaque tag. */
export type SubjectKind = 'report' | 'site';

/**
 * A position in a source. Documents use 1-based line/column; formats with pages add `page`; Word documents without
 * lines use `paragraph` (1-based index of the paragraph). Sites use `url`.
 */
export interface Location {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  page?: number;
  paragraph?: number;
  url?: string;
  /** A human-readable pointer for formats without lines, e.g. "表3 第5行 第2列". */
  path?: string;
}

export interface TextEdit {
  /** 0-based offsets into the original source text. */
  range: [number, number];
  text: string;
}

export interface Fix {
  edits: TextEdit[];
}

export interface Finding extends Location {
  ruleId: string;
  severity: Severity;
  /** Rendered in the run's locale. */
  message: string;
  /** Message id within the rule's catalog, kept so formatters can re-render in another locale. */
  messageId?: string;
  data?: Record<string, unknown>;
  fix?: Fix;
  docsUrl?: string;
  /** True when a baseline or inline directive accepted the finding; such findings are not scored. */
  suppressed?: boolean;
}

/** What a subject says about itself, used to decide which packs and rules apply (a pack's `appliesTo`). */
export interface SubjectFacts {
  kind: SubjectKind;
  reportYear?: number;
  level?: AgencyLevel;
  documentType?: string;
  region?: string;
  [key: string]: unknown;
}

export type AgencyLevel = 'department' | 'government' | 'township';

/** Anything the engine can run rules on. */
export interface Subject {
  kind: SubjectKind;
  /** File path or URL: the key of the result. */
  target: string;
  facts(): SubjectFacts;
  /** Inline suppression directives found in the source, if the format has comments. */
  directives?: Directive[];
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty means every rule. */
  rules: string[];
  line: number;
  column: number;
  reason?: string;
}

export type JSONSchema = Record<string, unknown>;

export interface RuleMeta {
  /** `report/required-section`, `site/stale-column`: the prefix names the subject kind. */
  id: string;
  type: 'problem' | 'suggestion' | 'layout';
  subject: SubjectKind;
  /** Category id for sub-scores, e.g. `structure`, `statistics`, `timeliness`, `columns`, `availability`. */
  category: string;
  description: LocalizedText;
  /** Message templates by id. Placeholders are `{name}` and are filled from the report's `data`. */
  messages: Record<string, LocalizedText>;
  /** JSON Schema of the options object. Options are validated at config-load time. */
  schema?: JSONSchema;
  /** Defaults merged under user options before the check runs. */
  defaultOptions?: Record<string, unknown>;
  defaultSeverity: Severity;
  /** Points deducted by one error finding (see docs/scoring.md). */
  weight: number;
  /** A veto item: if it fires at error severity the target fails whatever its score. */
  veto?: boolean;
  fixable?: boolean;
  /** Docs page; filled in from the id by `docsUrlFor` when omitted. */
  docs?: string;
}

export interface ReportDescriptor {
  messageId: string;
  /** Values for the message placeholders; also copied to the finding's `data` unless `findingData` is given. */
  data?: Record<string, unknown>;
  /** Machine-readable details for the finding (section ids, expected/actual values …). */
  findingData?: Record<string, unknown>;
  loc?: Location;
  /** Overrides the configured severity for this one finding (e.g. a warning when evidence is weaker). */
  severity?: Severity;
  fix?: Fix;
}

export interface RuleContext {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly locale: Locale;
  /** Extra values for the run: `asOf` (YYYY-MM-DD), agency metadata, CLI flags such as `published`. */
  readonly settings: Readonly<RunSettings>;
  report(descriptor: ReportDescriptor): void;
  /** Marks the rule as not applicable to this subject: excluded from scoring rather than counted as passed. */
  notApplicable(reason?: string): void;
}

export interface AgencyInfo {
  name?: string;
  level?: AgencyLevel;
  region?: string;
}

export interface RunSettings {
  /** The date the check is made, YYYY-MM-DD (Asia/Shanghai). */
  asOf: string;
  agency: AgencyInfo;
  /** Free-form values from the CLI or config (published date, regulation override …). */
  [key: string]: unknown;
}

export interface Rule<S extends Subject = Subject, O = any> {
  meta: RuleMeta;
  check(subject: S, options: O, context: RuleContext): void | Promise<void>;
}

/** The severity and options a resolved config gives one rule. */
export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ScoringWeight {
  weight: number;
  /** Most points this rule can take off a target. */
  max: number;
}

export interface GradeBand {
  min: number;
  label: string;
}

export interface ScoringConfig {
  passLine: number;
  /** Per-rule weight overrides (number = weight; the cap defaults to 3 × weight). */
  weights: Record<string, number | { weight: number; max?: number }>;
  /** Extra veto rules on top of the rules' own `meta.veto`. */
  veto: string[];
  /** Rules whose veto status is lifted. */
  noVeto: string[];
  grades: GradeBand[];
  /** Multiplier per severity applied to a rule's weight. */
  severityFactor: Record<Severity, number>;
}

export interface CategoryScore {
  id: string;
  score: number | null;
  deducted: number;
  rules: number;
}

export interface RuleScore {
  ruleId: string;
  category: string;
  weight: number;
  max: number;
  findings: number;
  deducted: number;
  veto: boolean;
  applicable: boolean;
}

export interface ScoreResult {
  score: number;
  passed: boolean;
  passLine: number;
  grade?: string;
  vetoed: string[];
  categories: CategoryScore[];
  rules: RuleScore[];
}

export interface TargetResult {
  target: string;
  /** A human name for the target: the agency named in a `--sites` list. */
  name?: string;
  kind: SubjectKind;
  score: number | null;
  passed: boolean;
  grade?: string;
  categories?: CategoryScore[];
  scoring?: ScoreResult;
  findings: Finding[];
  /** Fatal error for this target (unreadable file, site that could not be audited at all). */
  error?: { code: string; message: string };
  /** Attached sub-results (e.g. the annual report found on a site). */
  attachments?: TargetResult[];
  /** Notes from loading (format disagreement, detected encoding …). */
  notes?: string[];
  stats?: Record<string, unknown>;
}

export interface RunResult {
  tool: { name: 'gongkai'; version: string };
  results: TargetResult[];
}
