import type { Location, Rule } from '@gongkai/core';
import type { ReportDocument, Table } from '../model/types.js';
import {
  cellPath,
  NIL_RE,
  recogniseTables,
  REQUEST_COLUMNS,
  REQUEST_COLUMN_LABELS,
  requestRowLabel,
  REVIEW_GROUPS,
  REVIEW_GROUP_LABELS,
  type LabelledCell,
  type RequestsTable,
  type ReviewsTable,
} from '../analysis/tables.js';
import { locOfSpan } from '../analysis/position.js';

export interface TableArithmeticOptions {
  /** Which identity families to check. */
  checks?: Array<'balance' | 'resultTotal' | 'rowTotal' | 'reviewTotal' | 'counts'>;
}

const ALL_CHECKS = ['balance', 'resultTotal', 'rowTotal', 'reviewTotal', 'counts'] as const;

function cellLoc(table: Table, c: LabelledCell, name: string): Location {
  const base = locOfSpan(c.cell.span ?? table.span) ?? {};
  return { ...base, path: cellPath(name, c.row, c.col) };
}

export const tableArithmetic: Rule<ReportDocument, TableArithmeticOptions> = {
  meta: {
    id: 'report/table-arithmetic',
    type: 'problem',
    subject: 'report',
    category: 'statistics',
    description: {
      zh: '核对统计表的勾稽关系：新收加上年结转等于办理结果总计加结转下年度；总计等于各分项之和；复议诉讼各组总计等于各结果之和',
      en: 'Checks the table identities: new plus carried over equals results total plus carried forward; totals equal the sum of their parts; each reconsideration/litigation total equals its results',
    },
    messages: {
      balance: {
        zh: '“{column}”列勾稽关系不成立：本年新收（{new}）＋上年结转（{carried}）＝{expected}，而办理结果总计（{total}）＋结转下年度（{carryForward}）＝{actual}',
        en: 'column "{column}" does not balance: new ({new}) + carried over ({carried}) = {expected}, but results total ({total}) + carried forward ({carryForward}) = {actual}',
      },
      resultTotal: {
        zh: '“{column}”列“（七）总计”应为各项办理结果之和{expected}，表中为{actual}',
        en: 'column "{column}": "（七）总计" should be the sum of the results, {expected}, but the table says {actual}',
      },
      rowTotal: {
        zh: '“{row}”一行的“总计”应为各类申请人之和{expected}，表中为{actual}',
        en: 'row "{row}": 总计 should be the sum over applicant types, {expected}, but the table says {actual}',
      },
      reviewTotal: {
        zh: '{group}的“总计”应为结果维持、结果纠正、其他结果、尚未审结之和{expected}，表中为{actual}',
        en: '{group}: 总计 should be upheld + corrected + other + pending = {expected}, but the table says {actual}',
      },
      notCount: {
        zh: '{where}的数值“{text}”不是非负整数；件数只能填0或正整数',
        en: '{where} holds "{text}", which is not a non-negative whole number; counts must be 0 or a positive integer',
      },
    },
    schema: {
      type: 'object',
      properties: { checks: { type: 'array', items: { enum: [...ALL_CHECKS] }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { checks: [...ALL_CHECKS] },
    defaultSeverity: 'error',
    weight: 5,
  },
  check(doc, options, context) {
    const rec = recogniseTables(doc);
    if (!rec.requests && !rec.reviews) {
      context.notApplicable('no statistical table recognised');
      return;
    }
    const checks = new Set(options.checks ?? ALL_CHECKS);
    const en = context.locale === 'en';
    // A damaged table's figures may sit under the wrong labels; report/table-format says it could not be read.
    if (rec.requests && !rec.requests.damaged) checkRequests(rec.requests, checks, context, en ? 'requests table' : '收到和处理申请情况表');
    if (rec.reviews && !rec.reviews.damaged && checks.has('reviewTotal')) checkReviews(rec.reviews, context, en ? 'reconsideration/litigation table' : '复议诉讼情况表');
  },
};

type Context = Parameters<typeof tableArithmetic.check>[2];
type Check = (typeof ALL_CHECKS)[number];

/**
 * The figure a term of an identity contributes: its number; 0 for a written "none" (无, —, /); undefined when the
 * cell is blank or unreadable, and then the identity is not checked at all: a blank is not 0 (report/table-format
 * reports it), so a sum over it can be neither confirmed nor refuted. A row the table lacks counts `absent`.
 */
function term(c: LabelledCell | undefined, absent: number | undefined): number | undefined {
  if (!c) return absent;
  if (c.value !== null) return c.value;
  const t = c.cell.text.replace(/[\s\u3000]/g, '');
  return NIL_RE.test(t) ? 0 : undefined;
}

function sum(terms: (number | undefined)[]): number | undefined {
  let total = 0;
  for (const t of terms) {
    if (t === undefined) return undefined;
    total += t;
  }
  return total;
}

function checkCounts(t: RequestsTable, context: Context, name: string): void {
  for (const row of t.rowOrder) {
    for (const col of REQUEST_COLUMNS) {
      const c = t.at(row, col);
      if (!c || c.value === null) continue;
      if (c.value < 0 || !Number.isInteger(c.value)) {
        context.report({
          messageId: 'notCount',
          data: { where: `“${requestRowLabel(row)}”/“${REQUEST_COLUMN_LABELS[col]}”`, text: c.cell.text.trim() },
          findingData: { row, column: col, actual: c.value },
          loc: cellLoc(t.table, c, name),
        });
      }
    }
  }
}

function checkColumn(t: RequestsTable, col: string, checks: Set<Check>, context: Context, name: string): void {
  const column = REQUEST_COLUMN_LABELS[col];
  const total = t.at('total', col);
  const totalValue = term(total, undefined);
  const resultRows = t.rowOrder.filter((k) => k !== 'new' && k !== 'carried' && k !== 'total' && k !== 'carryForward');
  const results = resultRows.length ? sum(resultRows.map((r) => term(t.at(r, col), 0))) : undefined;
  const wrongTotal = checks.has('resultTotal') && total !== undefined && totalValue !== undefined && results !== undefined && results !== totalValue;
  if (checks.has('balance') && total) {
    const n = term(t.at('new', col), undefined);
    const cr = term(t.at('carried', col), 0);
    const cfCell = t.at('carryForward', col);
    const cf = term(cfCell, 0);
    // A wrong （七）总计 breaks the balance too; when the results themselves balance, the total is the one mistake
    // and the resultTotal finding below names it, so the same cell is not reported twice.
    const explained = wrongTotal && n !== undefined && cr !== undefined && cf !== undefined && n + cr === results! + cf;
    if (!explained && n !== undefined && cr !== undefined && cf !== undefined && totalValue !== undefined && n + cr !== totalValue + cf) {
      const expected = n + cr;
      const actual = totalValue + cf;
      context.report({
        messageId: 'balance',
        data: { column, new: n, carried: cr, total: totalValue, carryForward: cf, expected, actual },
        findingData: { identity: 'new+carried=total+carryForward', column: col, expected, actual },
        // The identity's closing term: where a planted or typed error most often sits is unknowable, so point at
        // the carried-forward cell, the last one a clerk fills in.
        loc: cellLoc(t.table, cfCell ?? total, name),
      });
    }
  }
  if (wrongTotal) {
    context.report({
      messageId: 'resultTotal',
      data: { column, expected: results, actual: totalValue },
      findingData: { identity: 'total=sum(results)', column: col, expected: results, actual: totalValue },
      loc: cellLoc(t.table, total!, name),
    });
  }
}

function checkRequests(t: RequestsTable, checks: Set<Check>, context: Context, name: string): void {
  if (checks.has('counts')) checkCounts(t, context, name);
  const cols = REQUEST_COLUMNS.filter((c) => t.columns.has(c));
  for (const col of cols) checkColumn(t, col, checks, context, name);
  if (!checks.has('rowTotal') || !t.columns.has('total')) return;
  const parts = cols.filter((c) => c !== 'total');
  for (const row of t.rowOrder) {
    const tc = t.at(row, 'total');
    const actual = term(tc, undefined);
    const expected = sum(parts.map((col) => term(t.at(row, col), undefined)));
    if (!tc || actual === undefined || expected === undefined || expected === actual) continue;
    context.report({
      messageId: 'rowTotal',
      data: { row: requestRowLabel(row), expected, actual },
      findingData: { identity: 'rowTotal=sum(applicants)', row, expected, actual },
      loc: cellLoc(t.table, tc, name),
    });
  }
}

function checkReviews(rev: ReviewsTable, context: Context, name: string): void {
  for (const g of REVIEW_GROUPS) {
    const total = rev.cells.get(`${g}.total`);
    const actual = term(total, undefined);
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((f) => rev.cells.get(`${g}.${f}`));
    // A group the table does not have at all is report/table-format's; a group with some cells is summed over them.
    if (!total || actual === undefined || parts.every((p) => !p)) continue;
    const expected = sum(parts.map((p) => term(p, 0)));
    if (expected === undefined || expected === actual) continue;
    context.report({
      messageId: 'reviewTotal',
      data: { group: REVIEW_GROUP_LABELS[g], expected, actual },
      findingData: { identity: 'reviewTotal=sum(results)', group: g, expected, actual },
      loc: cellLoc(rev.table, total, name),
    });
  }
}
