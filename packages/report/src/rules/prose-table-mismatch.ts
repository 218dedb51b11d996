import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { recogniseTables, type RecognisedTables } from '../analysis/tables.js';
import { interval, toHalfWidth } from '../analysis/numbers.js';
import { locInBlock } from '../analysis/position.js';
import { textUnits } from './support.js';

export interface ProseTableMismatchOptions {
  /** Which figures to compare. */
  figures?: Array<'newRequests' | 'carriedRequests' | 'carryForward' | 'reviews' | 'litigation'>;
}

interface Figure {
  id: NonNullable<ProseTableMismatchOptions['figures']>[number];
  re: RegExp;
  label: { zh: string; en: string };
  /** Value from the tables, undefined when the table lacks it. */
  read(t: RecognisedTables): number | undefined;
  /** Table that holds it, for the "no table" short-cut. */
  table: 'requests' | 'reviews';
}

const NUM = String.raw`([0-9０-９]+)\s*(余|多)?\s*件`;
const GAP = String.raw`[^。；;0-9０-９]{0,12}?`;

/**
 * A table total that fails its own identity is report/table-arithmetic's finding; comparing prose with it would
 * report the same defect twice, so such totals are left out.
 */
function consistentReviewTotal(t: RecognisedTables, group: string): number | undefined {
  const cells = t.reviews?.cells;
  const total = cells?.get(`${group}.total`)?.value;
  if (!cells || total === undefined || total === null) return undefined;
  let sum = 0;
  for (const f of ['upheld', 'corrected', 'other', 'pending']) sum += cells.get(`${group}.${f}`)?.value ?? 0;
  return sum === total ? total : undefined;
}

function consistentRowTotal(t: RecognisedTables, row: string): number | undefined {
  const r = t.requests;
  const total = r?.at(row, 'total')?.value;
  if (!r || total === undefined || total === null) return undefined;
  let sum = 0;
  let any = false;
  for (const col of r.columns.keys()) {
    if (col === 'total') continue;
    const v = r.at(row, col)?.value;
    if (v !== null && v !== undefined) {
      sum += v;
      any = true;
    }
  }
  return !any || sum === total ? total : undefined;
}

const FIGURES: Figure[] = [
  {
    id: 'newRequests',
    re: new RegExp(String.raw`(?:新收|收到|受理)${GAP}(?:政府信息公开|信息公开|依申请公开)?申请${GAP}${NUM}|(?:新收|收到|受理)${GAP}${NUM}[^。；;]{0,4}(?:政府信息公开|信息公开|依申请公开)申请`, 'g'),
    label: { zh: '本年新收政府信息公开申请数量', en: 'new requests this year' },
    read: (t) => consistentRowTotal(t, 'new'),
    table: 'requests',
  },
  {
    id: 'carriedRequests',
    re: new RegExp(String.raw`上年结转${GAP}${NUM}`, 'g'),
    label: { zh: '上年结转政府信息公开申请数量', en: 'requests carried over from last year' },
    read: (t) => consistentRowTotal(t, 'carried'),
    table: 'requests',
  },
  {
    id: 'carryForward',
    re: new RegExp(String.raw`结转下(?:一)?年度?${GAP}${NUM}`, 'g'),
    label: { zh: '结转下年度继续办理数量', en: 'requests carried forward' },
    read: (t) => consistentRowTotal(t, 'carryForward'),
    table: 'requests',
  },
  {
    id: 'reviews',
    re: new RegExp(String.raw`(?:被申请|申请)?行政复议${GAP}${NUM}`, 'g'),
    label: { zh: '行政复议总计', en: 'administrative reconsiderations' },
    read: (t) => consistentReviewTotal(t, 'review'),
    table: 'reviews',
  },
  {
    id: 'litigation',
    re: new RegExp(String.raw`(?:被提起|提起)?行政诉讼${GAP}${NUM}`, 'g'),
    label: { zh: '行政诉讼总计', en: 'lawsuits' },
    read: (t) => {
      const a = consistentReviewTotal(t, 'direct');
      const b = consistentReviewTotal(t, 'after');
      return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
    },
    table: 'reviews',
  },
];

export const proseTableMismatch: Rule<ReportDocument, ProseTableMismatchOptions> = {
  meta: {
    id: 'report/prose-table-mismatch',
    type: 'problem',
    subject: 'report',
    category: 'statistics',
    description: {
      zh: '核对正文中引用的数字（新收申请件数、结转件数、行政复议和行政诉讼件数）是否与统计表一致',
      en: 'Checks that figures quoted in the text (new and carried-over requests, reconsiderations, lawsuits) match the tables',
    },
    messages: {
      mismatch: {
        zh: '正文写“{quote}”，但统计表中“{label}”为{table}',
        en: 'the text says "{quote}" but the table gives {table} for "{label}"',
      },
    },
    schema: {
      type: 'object',
      properties: {
        figures: {
          type: 'array',
          items: { enum: ['newRequests', 'carriedRequests', 'carryForward', 'reviews', 'litigation'] },
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { figures: ['newRequests', 'carriedRequests', 'carryForward', 'reviews', 'litigation'] },
    defaultSeverity: 'error',
    weight: 3,
  },
  check(doc, options, context) {
    const t = recogniseTables(doc);
    if (!t.requests && !t.reviews) {
      context.notApplicable('no statistical table recognised');
      return;
    }
    const wanted = new Set(options.figures ?? FIGURES.map((f) => f.id));
    const en = context.locale === 'en';
    const figures = FIGURES.filter((f) => wanted.has(f.id) && (f.table === 'requests' ? t.requests : t.reviews));
    const values = new Map(figures.map((f) => [f.id, f.read(t)]));
    for (const unit of textUnits(doc)) {
      for (const f of figures) {
        const tableValue = values.get(f.id);
        if (tableValue === undefined) continue;
        f.re.lastIndex = 0;
        for (let m = f.re.exec(unit.text); m; m = f.re.exec(unit.text)) {
          const digits = m[1] ?? m[3];
          const approx = (m[2] ?? m[4]) ? 'over' : undefined;
          if (!digits) continue;
          const value = Number(toHalfWidth(digits));
          const [lo, hi] = interval({ value, approx });
          if (tableValue >= lo && tableValue <= hi) continue;
          context.report({
            messageId: 'mismatch',
            data: { quote: m[0], label: f.label[en ? 'en' : 'zh'], table: tableValue },
            findingData: { figure: f.id, prose: value, table: tableValue },
            loc: locInBlock(doc, unit.block, unit.base + m.index, m[0].length),
          });
        }
      }
    }
  },
};
