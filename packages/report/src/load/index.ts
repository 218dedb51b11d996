export { loadReport, loadReportFile, DEFAULT_MAX_BYTES, type LoadOptions } from './load-report.js';
export { detectFormat, type DetectedFormat } from './detect.js';
export { decodeText, decodeWith, normalizeLabel, type DecodedText } from './decode.js';
export { loadTxt, segmentLines } from './txt.js';
export { loadMarkdown } from './md.js';
export { loadHtml, decodeHtmlBytes } from './html.js';
