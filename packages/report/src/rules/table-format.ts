import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { numberSetting, regimeFor, reportYearOf } from '../analysis/document.js';
import {
  expectedRequestRows,
  recogniseTables,
  REQUEST_COLUMNS,
  REQUEST_COLUMN_LABELS,
  requestRowLabel,
  REVIEW_FIELDS,
  REVIEW_FIELD_LABELS,
  REVIEW_GROUPS,
  REVIEW_GROUP_LABELS,
} from '../analysis/tables.js';
import { locOfSpan } from '../analysis/position.js';
import { requireAnnualReport } from './support.js';

export interface TableFormatOptions {
  /** Row labels the active-disclosure table must contain, by regime. */
  activeRows?: { '2019'?: string[]; '2021'?: string[] };
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
      },
      additionalProperties: false,
    },
    defaultOptions: { activeRows: ACTIVE_ROWS },
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
    if (rec.active) {
      const t = en ? 'active-disclosure table' : '主动公开情况表';
      const loc = locOfSpan(rec.active.table.span);
      if (regime === '2021' && rec.active.version === 'trial2019') {
        const label = rec.active.trialLabels[0];
        const cell = rec.active.table.rows.flat().find((c) => c.text.includes(label));
        context.report({
          messageId: 'trialColumns',
          data: { labels: rec.active.trialLabels.join('、'), year: year || '2021年及以后' },
          findingData: { labels: rec.active.trialLabels },
          loc: locOfSpan(cell?.span) ?? loc,
        });
      } else {
        const rows = (options.activeRows ?? ACTIVE_ROWS)[regime === '2021' && rec.active.version !== 'trial2019' ? '2021' : '2019'] ?? [];
        for (const row of rows) {
          // "规范性文件" is a substring of "行政规范性文件"; match whole cells so the 2021 label is really there.
          const present = rec.active.table.rows.some((r) => r.some((c) => c.text.replace(/[\s\u3000]/g, '') === row));
          if (!present) context.report({ messageId: 'missingRow', data: { table: t, row }, findingData: { table: 'active-disclosure', row }, loc });
        }
      }
    }
    if (rec.requests) {
      const t = en ? 'requests table' : '收到和处理政府信息公开申请情况表';
      const loc = locOfSpan(rec.requests.table.span);
      for (const col of REQUEST_COLUMNS) {
        if (!rec.requests.columns.has(col)) {
          context.report({ messageId: 'missingColumn', data: { table: t, column: REQUEST_COLUMN_LABELS[col] }, findingData: { table: 'requests', column: col }, loc });
        }
      }
      const single = rec.requests.rows.has('otherHandling');
      if (regime === '2021' && single) {
        context.report({ messageId: 'trialRows', loc: locOfSpan(rec.requests.table.rows[rec.requests.rows.get('otherHandling')!]?.[0]?.span) ?? loc });
      }
      const version = regime === '2021' && !single ? '2021' : single ? '2019' : '2021';
      for (const row of expectedRequestRows(version)) {
        if (!rec.requests.rows.has(row)) {
          context.report({ messageId: 'missingRow', data: { table: t, row: requestRowLabel(row) }, findingData: { table: 'requests', row }, loc });
        }
      }
      for (const row of new Set(rec.requests.duplicateRows)) {
        context.report({ messageId: 'duplicateRow', data: { table: t, row: requestRowLabel(row) }, findingData: { table: 'requests', row }, loc });
      }
    }
    if (rec.reviews) {
      const t = en ? 'reconsideration and litigation table' : '行政复议、行政诉讼情况表';
      const loc = locOfSpan(rec.reviews.table.span);
      for (const g of REVIEW_GROUPS) {
        for (const f of REVIEW_FIELDS) {
          if (!rec.reviews.cells.has(`${g}.${f}`)) {
            context.report({
              messageId: 'missingCell',
              data: { table: t, group: REVIEW_GROUP_LABELS[g], field: REVIEW_FIELD_LABELS[f] },
              findingData: { table: 'reviews-litigation', cell: `${g}.${f}` },
              loc,
            });
          }
        }
      }
    }
  },
};
