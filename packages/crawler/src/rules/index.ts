import { registerMessages, type Rule } from '@gongkai/core';
import { annualReportLate } from './annual-report-late.js';
import { annualReportMissing } from './annual-report-missing.js';
import { brokenLink } from './broken-link.js';
import { budgetMissing } from './budget-missing.js';
import { dualPublicityFields } from './dual-publicity-fields.js';
import { dualPublicityLate } from './dual-publicity-late.js';
import { emptyColumn } from './empty-column.js';
import { encodingMismatch } from './encoding-mismatch.js';
import { homeStale } from './home-stale.js';
import { interactionUnanswered } from './interaction-unanswered.js';
import { missingColumn } from './missing-column.js';
import { policyInterpretationUnlinked } from './policy-interpretation-unlinked.js';
import { robotsBlocked } from './robots-blocked.js';
import { soft404 } from './soft-404.js';
import { staleColumn } from './stale-column.js';
import { tlsError } from './tls-error.js';
import { tooManyStaleColumns } from './too-many-stale-columns.js';
import { undatedItems } from './undated-items.js';
import { unreachable } from './unreachable.js';

export {
  annualReportLate,
  annualReportMissing,
  brokenLink,
  budgetMissing,
  dualPublicityFields,
  dualPublicityLate,
  emptyColumn,
  encodingMismatch,
  homeStale,
  interactionUnanswered,
  missingColumn,
  policyInterpretationUnlinked,
  robotsBlocked,
  soft404,
  staleColumn,
  tlsError,
  tooManyStaleColumns,
  undatedItems,
  unreachable,
};
export { defaultDeadlines, reportDeadline, expectedReportYear } from './annual-report-deadline.js';

/** Every site rule, in the order they are listed in the docs. */
export const siteRules: Rule[] = [
  unreachable,
  homeStale,
  tooManyStaleColumns,
  missingColumn,
  emptyColumn,
  staleColumn,
  undatedItems,
  brokenLink,
  soft404,
  annualReportMissing,
  annualReportLate,
  budgetMissing,
  dualPublicityLate,
  dualPublicityFields,
  interactionUnanswered,
  policyInterpretationUnlinked,
  robotsBlocked,
  tlsError,
  encodingMismatch,
] as unknown as Rule[];

// Labels for this package's scoring categories, shown by the formatters.
registerMessages({
  'fmt.category.availability': { zh: '网站可用性', en: 'availability' },
  'fmt.category.columns': { zh: '栏目设置与更新', en: 'columns' },
  'fmt.category.reports': { zh: '年度报告', en: 'annual reports' },
  'fmt.category.budget': { zh: '财政预决算', en: 'budgets' },
  'fmt.category.dual-publicity': { zh: '双公示', en: 'dual publicity' },
  'fmt.category.interaction': { zh: '互动回应', en: 'interaction' },
  'fmt.category.links': { zh: '链接可用性', en: 'links' },
  'fmt.category.security': { zh: '安全', en: 'security' },
  'fmt.category.technical': { zh: '技术规范', en: 'technical' },
  'fmt.category.crawl': { zh: '抓取情况', en: 'crawl' },
});
