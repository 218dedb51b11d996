export { normalizeWidth, isSpace, trimRange } from './normalize.js';
export { parseChineseNumber, isChineseDigit, CHINESE_NUMERAL_CHARS } from './chinese-number.js';
export { findNumbers, parseCellNumber, type FoundNumber } from './numbers.js';
export { findDates, firstIsoDate, makeDate, type FoundDate } from './dates.js';
