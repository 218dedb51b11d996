import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { recogniseTables, type TableKind } from '../analysis/tables.js';
import { matchSections } from '../analysis/sections.js';
import { regimeFor } from '../analysis/document.js';
import { locOfSpan } from '../analysis/position.js';
import { requireAnnualReport, sectionDefs, textUnits } from './support.js';

export interface TableMissingOptions {
  tables?: TableKind[];
}

const TABLE_SECTION: Record<TableKind, string> = {
  'active-disclosure': 'active-disclosure',
  requests: 'requests',
  'reviews-litigation': 'reviews-litigation',
};

const TABLE_TITLE: Record<TableKind, { zh: string; en: string }> = {
  'active-disclosure': { zh: '主动公开政府信息情况表', en: 'active-disclosure table' },
  requests: { zh: '收到和处理政府信息公开申请情况表', en: 'table of requests received and handled' },
  'reviews-litigation': { zh: '政府信息公开行政复议、行政诉讼情况表', en: 'administrative reconsideration and litigation table' },
};

// Labels that only occur in the tables: seeing them in running text means the table was flattened into lines.
const FLATTENED: Record<TableKind, RegExp> = {
  'active-disclosure': /本年制发件数|本年新制作数量|第二十条第[（(]一[)）]项/,
  requests: /本年新收政府信息公开申请数量|结转下年度继续办理/,
  'reviews-litigation': /结果维持.{0,6}结果纠正/,
};

export const tableMissing: Rule<ReportDocument, TableMissingOptions> = {
  meta: {
    id: 'report/table-missing',
    type: 'problem',
    subject: 'report',
    category: 'statistics',
    description: {
      zh: '检查2019年及以后的年度报告是否包含统一格式规定的统计表（主动公开、收到和处理申请、行政复议和行政诉讼）',
      en: 'Checks that a report for 2019 or later contains the statistical tables of the national format (active disclosure, requests, reconsideration and litigation)',
    },
    messages: {
      missing: {
        zh: '缺少{table}（国办公开办函规定的年度报告统一格式要求以表格列出）',
        en: 'the {table} is missing (the national annual-report format requires it as a table)',
      },
      flattened: {
        zh: '{table}的内容出现在正文中，但不是表格（第{line}行）；表格可能在转换时被拆成了文字，无法核对数据',
        en: 'the {table} appears as running text (line {line}), not as a table; it may have been flattened on conversion, so its figures cannot be checked',
      },
      unreadable: {
        zh: '未能从PDF中读出{table}；请提供Word或HTML版本以便核对',
        en: 'the {table} could not be read from the PDF; provide the Word or HTML version so it can be checked',
      },
    },
    schema: {
      type: 'object',
      properties: {
        tables: { type: 'array', items: { enum: ['active-disclosure', 'requests', 'reviews-litigation'] }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { tables: ['active-disclosure', 'requests', 'reviews-litigation'] },
    defaultSeverity: 'error',
    weight: 6,
  },
  check(doc, options, context) {
    if (!requireAnnualReport(doc, context)) return;
    if (regimeFor(doc, context.settings) === '2008') {
      context.notApplicable('tables are required from the 2019 report on');
      return;
    }
    const rec = recogniseTables(doc);
    const have: Record<TableKind, boolean> = {
      'active-disclosure': !!rec.active,
      requests: !!rec.requests,
      'reviews-litigation': !!rec.reviews,
    };
    const map = matchSections(doc, sectionDefs(context));
    const pdfTables = doc.format === 'pdf' && doc.notes.some((n) => n.code === 'pdf-tables');
    const en = context.locale === 'en';
    for (const kind of options.tables ?? []) {
      if (have[kind]) continue;
      const table = TABLE_TITLE[kind][en ? 'en' : 'zh'];
      const section = map.byId.get(TABLE_SECTION[kind]);
      const loc = locOfSpan(section?.heading.span ?? doc.blocks[doc.blocks.length - 1]?.span);
      const flat = flattenedAt(textUnits(doc), FLATTENED[kind]);
      if (flat) {
        const l = locOfSpan(flat.block.span);
        context.report({ messageId: 'flattened', severity: 'warning', data: { table, line: l?.line ?? '?' }, findingData: { table: kind }, loc: l });
      } else if (pdfTables) {
        context.report({ messageId: 'unreadable', severity: 'warning', data: { table }, findingData: { table: kind }, loc });
      } else {
        context.report({ messageId: 'missing', data: { table }, findingData: { table: kind }, loc });
      }
    }
  },
};

/** How many consecutive text units are read together: a table whose cells became lines spreads over many. */
const CELL_WINDOW = 16;

/**
 * The first text unit where a table's own labels show up in running text. A table flattened cell by cell (PDF→text:
 * "结果维" / "持" / "结果纠" / "正" on lines of their own) is found by reading a few units together with the line
 * breaks taken out.
 */
function flattenedAt<T extends { text: string }>(units: readonly T[], re: RegExp): T | undefined {
  const single = units.find((u) => re.test(u.text));
  if (single) return single;
  for (let i = 0; i < units.length; i++) {
    let joined = '';
    for (let k = i; k < units.length && k < i + CELL_WINDOW; k++) {
      joined += units[k]!.text.replace(/\s+/g, '');
      if (joined.length > 400) break;
    }
    if (re.test(joined)) return units[i];
  }
  return undefined;
}
