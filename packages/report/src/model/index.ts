export { buildDocument, type BuildOptions } from './build.js';
export { matchNumbering, matchEnumeration, STYLE_RANK, type NumberingMatch } from './numbering.js';
export { parseDirectiveComment, parseDirectiveCommentText, findDirectives } from './directives.js';
export { computeLineStarts, lineColumn, positionAt, spanOf } from './positions.js';
export {
  parseMetaLine,
  looksLikeTitle,
  readTitle,
  openingYear,
  findPeriod,
  META_LABELS,
  type MetaPair,
  type TitleFacts,
} from './metadata.js';
