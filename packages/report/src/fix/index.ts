export { renumberEdits, markerRange, canEditSource } from './renumber.js';
export { toChineseNumeral, renumberMarker } from './numerals.js';
