export {
  classify,
  classifyDocument,
  detectRegime,
  isRegime,
  documentTitle,
  analyseYears,
  reportYearOf,
  reportFacts,
  regimeFor,
  levelFor,
  guessLevel,
  guessLevelWithEvidence,
  levelBasisText,
  type LevelGuess,
  type DocumentType,
  type Regime,
  type Classification,
  type YearAnalysis,
  type YearEvidence,
  type FactOverrides,
  type TitleInfo,
} from './document.js';
export {
  matchSections,
  classifyHeading,
  topSections,
  normaliseHeading,
  sectionDefsFrom,
  DEFAULT_SECTION_DEFS,
  SECTION_IDS,
  type SectionId,
  type SectionDef,
  type SectionMap,
  type MatchedSection,
} from './sections.js';
export {
  recogniseTables,
  classifyTable,
  cellNumber,
  expectedRequestRows,
  type RecognisedTables,
  type RequestsTable,
  type ReviewsTable,
  type ActiveTable,
  type TableKind,
} from './tables.js';
export { findBreakdowns, type Breakdown, type Share } from './breakdowns.js';
export { scanQuantities, interval, approxStep, type Quantity } from './numbers.js';
export { scanYears, type YearMention } from './years.js';
export { workdaysBetween, isWorkday } from './workdays.js';
export { carryFacts, agencyKey, sectionText, type CarryFacts } from './carry.js';
export { repeatedShare } from './similarity.js';
export { reportDataSchemas } from './data-schema.js';
