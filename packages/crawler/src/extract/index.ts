export { extractPage, type PageExtract, type ExtractOptions } from './page.js';
export { findDate, findAllDates, dateFromUrl, dateFromValue, type FoundDate, type FindDateOptions } from './dates.js';
export { dataproxyList, datastoreList, isDataproxyUrl } from './hanweb.js';
export { trsPaging, inlineJsItems, type TrsPaging } from './trs.js';
export { gkmlptList, gkmlptApiUrl, isGkmlptApiUrl } from './gkmlpt.js';
export { normalizeUrl, dedupKey, neverFollow, attachmentExt, Scope } from '../frontier/normalize.js';
export { TrapDetector, type TrapKind, type TrapOptions } from '../frontier/traps.js';
export { scriptDataUrls, scriptArrayItems, jsonList } from './script-data.js';
