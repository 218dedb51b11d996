import { registerMessages, type Rule } from '@gongkai/core';
import { documentType } from './document-type.js';
import { requiredSection } from './required-section.js';
import { sectionOrder } from './section-order.js';
import { headingSequence } from './heading-sequence.js';
import { emptySection } from './empty-section.js';
import { reportYear } from './report-year.js';
import { timeliness } from './timeliness.js';
import { tableMissing } from './table-missing.js';
import { tableFormat } from './table-format.js';
import { tableArithmetic } from './table-arithmetic.js';
import { sumMismatch } from './sum-mismatch.js';
import { percentMismatch } from './percent-mismatch.js';
import { placeholder } from './placeholder.js';
import { governmentItems } from './government-items.js';
import { feeStatement } from './fee-statement.js';
import { proseTableMismatch } from './prose-table-mismatch.js';
import { carryOver } from './carry-over.js';
import { repeatedProblems } from './repeated-problems.js';

export {
  documentType,
  requiredSection,
  sectionOrder,
  headingSequence,
  emptySection,
  reportYear,
  timeliness,
  tableMissing,
  tableFormat,
  tableArithmetic,
  sumMismatch,
  percentMismatch,
  placeholder,
  governmentItems,
  feeStatement,
  proseTableMismatch,
  carryOver,
  repeatedProblems,
};

export const reportRules: Rule[] = [
  documentType,
  requiredSection,
  sectionOrder,
  headingSequence,
  emptySection,
  reportYear,
  timeliness,
  tableMissing,
  tableFormat,
  tableArithmetic,
  sumMismatch,
  percentMismatch,
  placeholder,
  governmentItems,
  feeStatement,
  proseTableMismatch,
  carryOver,
  repeatedProblems,
] as unknown as Rule[];

// Labels for this package's scoring categories, shown by the formatters.
registerMessages({
  'fmt.category.structure': { zh: '结构完整性', en: 'structure' },
  'fmt.category.statistics': { zh: '统计数据', en: 'statistics' },
  'fmt.category.timeliness': { zh: '时效性', en: 'timeliness' },
  'fmt.category.quality': { zh: '文字质量', en: 'text quality' },
});
