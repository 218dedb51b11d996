import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { recogniseTables, cellNumber } from '../analysis/tables.js';
import { locInBlock, locOfSpan } from '../analysis/position.js';
import { textUnits } from './support.js';

export interface PlaceholderOptions {
  /** Extra patterns (regular-expression source) that mark leftover template text. */
  patterns?: string[];
  /** Report statistical-table rows whose number cells are all blank. */
  emptyRows?: boolean;
}

// XX市 / ××局 / 20XX年 / 【】 / （单位名称） / ____ : the forms templates leave behind.
const BUILTIN = [
  '(?:19|20)[XxＸｘ×]{2}年?',
  '[XxＸｘ×*＊]{2,}(?=[\\u4e00-\\u9fa5年月日])|(?<=[\\u4e00-\\u9fa5])[XxＸｘ×]{2,}',
  '【[^】]{0,12}】',
  '[（(](?:单位名称|机关名称|部门名称|单位|填写[^）)]{0,10}|此处[^）)]{0,10}|请填写[^）)]{0,10}|具体数字|数字|日期)[）)]',
  '[_＿]{3,}',
  '某某(?:单位|局|委|部门|市|县|区)',
];

const compiled = new Map<string, RegExp>();
function patternsRe(extra: string[] | undefined): RegExp {
  const key = (extra ?? []).join('\u0001');
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp([...BUILTIN, ...(extra ?? [])].map((p) => `(?:${p})`).join('|'), 'g');
    compiled.set(key, re);
  }
  return re;
}

export const placeholder: Rule<ReportDocument, PlaceholderOptions> = {
  meta: {
    id: 'report/placeholder',
    type: 'problem',
    subject: 'report',
    category: 'quality',
    description: {
      zh: '查找模板残留：XX、××、20XX、【】、（单位名称）、下划线空格，以及统计表中整行未填的数据',
      en: 'Finds leftover template text (XX, ××, 20XX, 【】, （单位名称）, underscores) and table rows left blank',
    },
    messages: {
      text: {
        zh: '疑似未替换的模板文字“{text}”',
        en: 'looks like template text that was never filled in: "{text}"',
      },
      emptyRow: {
        zh: '统计表“{row}”一行没有填写数字；没有数据应填0',
        en: 'the table row "{row}" has no figures; write 0 where there is nothing to report',
      },
    },
    schema: {
      type: 'object',
      properties: {
        patterns: { type: 'array', items: { type: 'string', minLength: 1 } },
        emptyRows: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { emptyRows: true },
    defaultSeverity: 'warning',
    weight: 2,
  },
  check(doc, options, context) {
    const re = patternsRe(options.patterns);
    const scan = (text: string, block: Parameters<typeof locInBlock>[1], base: number) => {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        context.report({
          messageId: 'text',
          data: { text: m[0] },
          findingData: { text: m[0] },
          loc: locInBlock(doc, block, base + m.index, m[0].length),
        });
      }
    };
    for (const unit of textUnits(doc)) scan(unit.text, unit.block, unit.base);
    for (const h of doc.headings) scan(h.text, h, Math.max(0, h.raw.indexOf(h.text)));
    for (const t of doc.tables) {
      for (const row of t.rows) {
        for (const cell of row) {
          re.lastIndex = 0;
          const m = re.exec(cell.text);
          if (m && m[0]) context.report({ messageId: 'text', data: { text: m[0] }, findingData: { text: m[0] }, loc: locOfSpan(cell.span ?? t.span) });
        }
      }
    }
    if (options.emptyRows === false) return;
    const rec = recogniseTables(doc);
    if (rec.requests) {
      const t = rec.requests;
      const cols = [...t.columns.values()];
      for (const key of t.rowOrder) {
        const r = t.rows.get(key)!;
        const row = t.table.rows[r];
        if (cols.every((c) => cellNumber(row[c]) === null && (row[c]?.text ?? '').trim() === '')) {
          const label = row.slice(0, Math.min(...cols)).map((c) => c.text.trim()).filter((x, i, a) => x && a.indexOf(x) === i).join(' ');
          context.report({ messageId: 'emptyRow', data: { row: label || key }, findingData: { table: 'requests', row: key }, loc: locOfSpan(row[0]?.span ?? t.table.span) });
        }
      }
    }
    if (rec.reviews) {
      const cells = [...rec.reviews.cells.values()];
      if (cells.length && cells.every((c) => c.value === null && c.cell.text.trim() === '')) {
        context.report({ messageId: 'emptyRow', data: { row: '行政复议、行政诉讼' }, findingData: { table: 'reviews-litigation' }, loc: locOfSpan(rec.reviews.table.span) });
      }
    }
  },
};
