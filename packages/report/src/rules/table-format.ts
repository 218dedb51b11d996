import type { Rule } from '@gongkai/core';
import type { ReportDocument, Table } from '../model/types.js';
import { numberSetting, regimeFor, reportYearOf } from '../analysis/document.js';
import {
  expectedRequestRows,
  isBlank,
  recogniseTables,
  REQUEST_COLUMNS,
  REQUEST_COLUMN_LABELS,
  requestRowLabel,
  REVIEW_FIELDS,
  REVIEW_FIELD_LABELS,
  REVIEW_GROUPS,
  REVIEW_GROUP_LABELS,
  type ActiveTable,
  type LabelledCell,
  type RequestsTable,
  type ReviewsTable,
} from '../analysis/tables.js';
import { locOfSpan } from '../analysis/position.js';
import { requireAnnualReport } from './support.js';

export interface TableFormatOptions {
  /** Row labels the active-disclosure table must contain, by regime. */
  activeRows?: { '2019'?: string[]; '2021'?: string[] };
  /** Severity of blank cells in the requests and reconsideration tables ('off' to skip them). */
  blankCells?: 'error' | 'warning' | 'info' | 'off';
}

const ACTIVE_ROWS = {
  '2019': ['规章', '规范性文件', '行政许可', '其他对外管理服务事项', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购'],
  '2021': ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'],
};

export const tableFormat: Rule<ReportDocument, TableFormatOptions> = {
  meta: {
    id: 'report/table-format',
    type: 'problem',
    subject: 'report',
    category: 'statistics',
    description: {
      zh: '检查统计表是否使用与报告年度对应的统一格式：2021年起须用国办公开办函〔2021〕30号格式，且不缺行缺列',
      en: 'Checks that the tables follow the format version of the report year (国办公开办函〔2021〕30号 from the 2021 report on) and have every row and column',
    },
    messages: {
      trialColumns: {
        zh: '主动公开情况表仍使用2019年试行格式的栏目（{labels}）；{year}年度报告应使用2021年格式（本年制发件数、本年废止件数、现行有效件数等）',
        en: 'the active-disclosure table still uses the 2019 trial columns ({labels}); a {year} report must use the 2021 format (本年制发件数, 本年废止件数, 现行有效件数 …)',
      },
      trialRows: {
        zh: '收到和处理申请情况表中“（六）其他处理”只有一行，这是2019年试行格式；2021年格式分为3项',
        en: 'the requests table has a single "（六）其他处理" row, as in the 2019 trial format; the 2021 format splits it into 3 rows',
      },
      missingRow: {
        zh: '{table}缺少“{row}”一行',
        en: 'the {table} has no "{row}" row',
      },
      missingColumn: {
        zh: '{table}缺少“{column}”一列',
        en: 'the {table} has no "{column}" column',
      },
      missingCell: {
        zh: '{table}缺少“{group}—{field}”一栏',
        en: 'the {table} has no "{group} – {field}" cell',
      },
      blankCells: {
        zh: '{table}有{count}个数据栏空白（{cells}）；没有发生的事项应填“0”，空白无法区分是0还是漏填',
        en: 'the {table} has {count} blank figure cells ({cells}); write 0 where nothing happened, a blank cannot be told from a figure left out',
      },
      unreliable: {
        zh: '{table}未能可靠读取（{reason}），已跳过对其行列和数据的检查；请人工核对，或提供Word/HTML版本',
        en: 'the {table} could not be read reliably ({reason}), so its rows, columns and figures were not checked; check it by hand or provide the Word/HTML version',
      },
      duplicateRow: {
        zh: '{table}中“{row}”一行出现了不止一次',
        en: 'the {table} has the "{row}" row more than once',
      },
    },
    schema: {
      type: 'object',
      properties: {
        activeRows: {
          type: 'object',
          properties: {
            '2019': { type: 'array', items: { type: 'string' } },
            '2021': { type: 'array', items: { type: 'string' } },
          },
          additionalProperties: false,
        },
        blankCells: { enum: ['error', 'warning', 'info', 'off'] },
      },
      additionalProperties: false,
    },
    defaultOptions: { activeRows: ACTIVE_ROWS, blankCells: 'warning' },
    defaultSeverity: 'error',
    weight: 4,
  },
  check(doc, options, context) {
    if (!requireAnnualReport(doc, context)) return;
    const regime = regimeFor(doc, context.settings);
    if (regime !== '2019' && regime !== '2021') {
      context.notApplicable('tables are required from the 2019 report on');
      return;
    }
    const rec = recogniseTables(doc);
    const en = context.locale === 'en';
    const year = reportYearOf(doc, numberSetting(context.settings.reportYear))?.year ?? '';
    if (rec.active) checkActive(rec.active, regime, options, context, en, year);
    if (rec.requests) checkRequests(rec.requests, regime, options, context, en);
    if (rec.reviews) checkReviews(rec.reviews, options, context, en);
  },
};

type Context = Parameters<typeof tableFormat.check>[2];

/** One warning instead of row-by-row findings: the rows "missing" from a damaged table were lost on extraction. */
function reportUnreliable(context: Context, table: Table, name: string, kind: string): void {
  context.report({
    messageId: 'unreliable',
    severity: 'warning',
    data: { table: name, reason: table.damaged ?? '' },
    findingData: { table: kind, reason: table.damaged },
    loc: locOfSpan(table.span),
  });
}

/** Blank figure cells of one table as one finding; rows left wholly empty are report/placeholder's (emptyRow). */
function reportBlanks(context: Context, options: TableFormatOptions, table: Table, name: string, kind: string, cells: { key: string; cell: LabelledCell }[], en: boolean): void {
  const severity = options.blankCells ?? 'warning';
  if (severity === 'off') return;
  const blanks = cells.filter((c) => isBlank(c.cell.cell));
  if (!blanks.length) return;
  const shown = blanks.slice(0, 5).map((b) => b.key);
  context.report({
    messageId: 'blankCells',
    severity,
    data: { table: name, count: blanks.length, cells: shown.join(en ? '; ' : '；') + (blanks.length > 5 ? '…' : '') },
    findingData: { table: kind, cells: blanks.map((b) => ({ row: b.cell.row, col: b.cell.col })) },
    loc: locOfSpan(blanks[0]!.cell.cell.span ?? table.span),
  });
}

function checkActive(active: ActiveTable, regime: '2019' | '2021', options: TableFormatOptions, context: Context, en: boolean, year: number | string): void {
  const t = en ? 'active-disclosure table' : '主动公开情况表';
  const loc = locOfSpan(active.table.span);
  if (regime === '2021' && active.version === 'trial2019') {
    const label = active.trialLabels[0]!;
    const cell = active.table.rows.flat().find((c) => c.text.includes(label));
    context.report({
      messageId: 'trialColumns',
      data: { labels: active.trialLabels.join('、'), year: year || '2021年及以后' },
      findingData: { labels: active.trialLabels },
      loc: locOfSpan(cell?.span) ?? loc,
    });
    return;
  }
  if (active.damaged) {
    reportUnreliable(context, active.table, t, 'active-disclosure');
    return;
  }
  const rows = (options.activeRows ?? ACTIVE_ROWS)[regime === '2021' && active.version !== 'trial2019' ? '2021' : '2019'] ?? [];
  for (const row of rows) {
    // "规范性文件" is a substring of "行政规范性文件"; match whole cells so the 2021 label is really there.
    const present = active.table.rows.some((r) => r.some((c) => c.text.replace(/[\s\u3000]/g, '') === row));
    if (!present) context.report({ messageId: 'missingRow', data: { table: t, row }, findingData: { table: 'active-disclosure', row }, loc });
  }
}

function checkRequests(req: RequestsTable, regime: '2019' | '2021', options: TableFormatOptions, context: Context, en: boolean): void {
  const t = en ? 'requests table' : '收到和处理政府信息公开申请情况表';
  const loc = locOfSpan(req.table.span);
  if (req.damaged) {
    reportUnreliable(context, req.table, t, 'requests');
    return;
  }
  for (const col of REQUEST_COLUMNS) {
    if (!req.columns.has(col)) {
      context.report({ messageId: 'missingColumn', data: { table: t, column: REQUEST_COLUMN_LABELS[col] }, findingData: { table: 'requests', column: col }, loc });
    }
  }
  const single = req.rows.has('otherHandling');
  if (regime === '2021' && single) {
    context.report({ messageId: 'trialRows', loc: locOfSpan(req.table.rows[req.rows.get('otherHandling')!]?.[0]?.span) ?? loc });
  }
  // A table read back from flattened text has the format's rows and columns by construction (it is only built when
  // every row was read), so its grid says nothing about the author's; the single 其他处理 row above is the text's own.
  if (req.table.reconstructed) return;
  const version = regime === '2021' && !single ? '2021' : single ? '2019' : '2021';
  for (const row of expectedRequestRows(version)) {
    if (!req.rows.has(row)) {
      context.report({ messageId: 'missingRow', data: { table: t, row: requestRowLabel(row) }, findingData: { table: 'requests', row }, loc });
    }
  }
  for (const row of new Set(req.duplicateRows)) {
    context.report({ messageId: 'duplicateRow', data: { table: t, row: requestRowLabel(row) }, findingData: { table: 'requests', row }, loc });
  }
  const cells: { key: string; cell: LabelledCell }[] = [];
  for (const row of req.rowOrder) {
    const inRow = REQUEST_COLUMNS.map((col) => ({ col, cell: req.at(row, col) })).filter((x): x is { col: (typeof REQUEST_COLUMNS)[number]; cell: LabelledCell } => !!x.cell);
    if (inRow.every((x) => isBlank(x.cell.cell))) continue;
    for (const x of inRow) cells.push({ key: `${requestRowLabel(row)}/${REQUEST_COLUMN_LABELS[x.col]}`, cell: x.cell });
  }
  reportBlanks(context, options, req.table, en ? 'requests table' : '收到和处理申请情况表', 'requests', cells, en);
}

function checkReviews(rev: ReviewsTable, options: TableFormatOptions, context: Context, en: boolean): void {
  const t = en ? 'reconsideration and litigation table' : '行政复议、行政诉讼情况表';
  const loc = locOfSpan(rev.table.span);
  if (rev.damaged) {
    reportUnreliable(context, rev.table, t, 'reviews-litigation');
    return;
  }
  if (rev.table.reconstructed) return; // the format's grid, not the author's (see checkRequests)
  const cells: { key: string; cell: LabelledCell }[] = [];
  for (const g of REVIEW_GROUPS) {
    for (const f of REVIEW_FIELDS) {
      const cell = rev.cells.get(`${g}.${f}`);
      if (cell) {
        cells.push({ key: `${REVIEW_GROUP_LABELS[g]}/${REVIEW_FIELD_LABELS[f]}`, cell });
        continue;
      }
      context.report({
        messageId: 'missingCell',
        data: { table: t, group: REVIEW_GROUP_LABELS[g], field: REVIEW_FIELD_LABELS[f] },
        findingData: { table: 'reviews-litigation', cell: `${g}.${f}` },
        loc,
      });
    }
  }
  // A table with every figure blank is report/placeholder's emptyRow.
  if (cells.some((c) => !isBlank(c.cell.cell))) reportBlanks(context, options, rev.table, t, 'reviews-litigation', cells, en);
}
