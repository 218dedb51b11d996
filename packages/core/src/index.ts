export * from './types.js';
export { GongkaiError, isGongkaiError, errorLine } from './errors.js';
export { fillTemplate, localize, pick, parseLocale } from './i18n/format.js';
export { registerMessages, t, hasMessage, messagePair } from './i18n/catalog.js';
export { docsUrlFor, DOCS_BASE } from './docs-url.js';
export {
  runRules,
  runRule,
  defaultSettings,
  todayInShanghai,
  compareFindings,
  INTERNAL_ERROR_RULE,
  type RunOptions,
  type RuleOutcome,
  type SubjectRun,
} from './runner.js';
export { RuleRegistry } from './rule-registry.js';
export { levenshtein, didYouMean } from './pack/suggest.js';
export { deepMerge } from './pack/merge.js';
export { packSchema, configSchema } from './pack/schema.js';
export {
  validateAgainst,
  registerSchemaMessages,
  pointerToPath,
  configError,
  type ValidationIssue,
} from './pack/validate.js';
export {
  PackSet,
  validatePack,
  validateConfig,
  resolveConfig,
  configForSubject,
  appliesTo,
  DEFAULT_SCORING,
  type PackLoader,
  type ResolvedConfig,
  type SubjectConfig,
} from './pack/resolve.js';
export type { PackDefinition, UserConfig, RuleEntry, AppliesTo } from './pack/types.js';
export { scoreTarget } from './scoring.js';
export { applyDirectives, UNUSED_DIRECTIVE_RULE } from './suppress/directives.js';
export { createBaseline, applyBaseline, isBaseline, type Baseline } from './suppress/baseline.js';
export { checkSubject, failedTarget, exitCodeFor, type CheckOptions, type ExitPolicy } from './engine.js';
export * from './formatters/index.js';
export { applyFixes } from './fix.js';
export {
  UserPattern,
  patternProblem,
  regexFinder,
  scanMatches,
  firstMatch,
  SCAN_WINDOW,
  SCAN_OVERLAP,
  type Finder,
  type PatternMatch,
} from './safe-pattern.js';
