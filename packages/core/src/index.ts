export * from './types.js';
export { GongkaiError, isGongkaiError, errorLine } from './errors.js';
export { fillTemplate, localize, pick, parseLocale } from './i18n/format.js';
export { registerMessages, t, hasMessage } from './i18n/catalog.js';
