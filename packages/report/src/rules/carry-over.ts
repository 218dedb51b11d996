import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { cellPath, recogniseTables, REQUEST_COLUMN_LABELS } from '../analysis/tables.js';
import { locOfSpan } from '../analysis/position.js';
import type { CarryFacts } from '../analysis/carry.js';
import { requireAnnualReport } from './support.js';

/**
 * Cross-year identity (domain-facts §3.5, item 4): this year's 二、上年结转 must equal last year's 四、结转下年度继续办理,
 * column by column. It needs last year's report of the same agency, which the CLI supplies as
 * `settings.previousReport` when both are checked in one run.
 */
export const carryOver: Rule<ReportDocument, Record<string, never>> = {
  meta: {
    id: 'report/carry-over',
    type: 'problem',
    subject: 'report',
    category: 'statistics',
    description: {
      zh: '核对“上年结转政府信息公开申请数量”是否等于上一年度报告的“结转下年度继续办理”（需同时检查两个年度的报告）',
      en: 'Checks that requests carried over from last year equal the "carried forward" figures of last year\'s report (needs both reports in the same run)',
    },
    messages: {
      mismatch: {
        zh: '“{column}”列的上年结转为{actual}，而{previousYear}年度报告的结转下年度为{expected}',
        en: 'column "{column}": carried over from last year is {actual}, but the {previousYear} report carried forward {expected}',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultSeverity: 'error',
    weight: 3,
  },
  check(doc, _options, context) {
    if (!requireAnnualReport(doc, context)) return;
    const previous = context.settings.previousReport as CarryFacts | undefined;
    const table = recogniseTables(doc).requests;
    if (!previous || !table || Object.keys(previous.carryForward).length === 0) {
      context.notApplicable(previous ? 'no requests table in one of the two reports' : 'last year\'s report is not part of this run');
      return;
    }
    for (const [col, expected] of Object.entries(previous.carryForward)) {
      const cell = table.at('carried', col);
      if (!cell || cell.value === null || expected === null || cell.value === expected) continue;
      const base = locOfSpan(cell.cell.span ?? table.table.span) ?? {};
      context.report({
        messageId: 'mismatch',
        data: { column: REQUEST_COLUMN_LABELS[col] ?? col, actual: cell.value, expected, previousYear: previous.year },
        findingData: { column: col, actual: cell.value, expected, previousYear: previous.year },
        loc: { ...base, path: cellPath(context.locale === 'en' ? 'requests table' : '收到和处理申请情况表', cell.row, cell.col) },
      });
    }
  },
};
