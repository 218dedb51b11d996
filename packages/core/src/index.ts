export * from './types.js';
export { GongkaiError, isGongkaiError, errorLine } from './errors.js';
export { fillTemplate, localize, pick, parseLocale } from './i18n/format.js';
export { registerMessages, t, hasMessage } from './i18n/catalog.js';
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
