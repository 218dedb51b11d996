import { UserPattern, regexFinder, scanMatches, type Finder, type PatternMatch, type Rule } from '@gongkai/core';
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

// XX市 / ××局 / 20XX年 / 【】 / （单位名称） / ____ : the forms templates leave behind. Each must match in linear time
// (tests/hostile/regex.test.ts runs a ReDoS checker over them): a run of X is only tried from its first X, since
// trying it from every X of a megabyte run that no Chinese character follows would be quadratic.
export const PLACEHOLDER_PATTERNS = [
  '(?:19|20)[XxＸｘ×]{2}年?',
  '(?<![XxＸｘ×*＊])[XxＸｘ×*＊]{2,}(?=[\\u4e00-\\u9fa5年月日])|(?<=[\\u4e00-\\u9fa5])[XxＸｘ×]{2,}',
  '【[^【】]{0,12}】',
  '[（(](?:单位名称|机关名称|部门名称|单位|填写[^）)]{0,10}|此处[^）)]{0,10}|请填写[^）)]{0,10}|具体数字|数字|日期)[）)]',
  '[_＿]{3,}',
  '某某(?:单位|局|委|部门|市|县|区)',
];

// One RegExp per pattern rather than one alternation: each is proved linear on its own, and matchesIn merges their
// matches the way the alternation would.
const builtin = PLACEHOLDER_PATTERNS.map((p) => regexFinder(new RegExp(p, 'g')));

/**
 * The user's extra patterns run on the linear-time engine (see UserPattern), apart from the built-in ones; their
 * matches are merged as one alternation would give them: left to right, the earlier of two overlapping ones kept.
 */
function finders(extra: string[] | undefined): Finder[] {
  return [...builtin, ...(extra ?? []).map((p) => UserPattern.compile(p))];
}

/** A character every built-in pattern needs: text without any of them cannot match one (most text has none). */
const BUILTIN_TRIGGER = /[XxＸｘ×*＊【（(_＿某]/;

function matchesIn(text: string, all: Finder[]): PatternMatch[] {
  if (all.length === builtin.length && !BUILTIN_TRIGGER.test(text)) return [];
  const found = all.flatMap((f) => [...scanMatches(f, text)]).sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: PatternMatch[] = [];
  for (const m of found) if (!kept.length || m.index >= kept[kept.length - 1]!.index + kept[kept.length - 1]!.text.length) kept.push(m);
  return kept;
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
        patterns: { type: 'array', items: { type: 'string', minLength: 1, format: 'regex' } },
        emptyRows: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { emptyRows: true },
    defaultSeverity: 'warning',
    weight: 2,
  },
  check(doc, options, context) {
    const all = finders(options.patterns);
    const scan = (text: string, block: Parameters<typeof locInBlock>[1], base: number) => {
      for (const m of matchesIn(text, all)) {
        context.report({
          messageId: 'text',
          data: { text: m.text },
          findingData: { text: m.text },
          loc: locInBlock(doc, block, base + m.index, m.text.length),
        });
      }
    };
    for (const unit of textUnits(doc)) scan(unit.text, unit.block, unit.base);
    for (const h of doc.headings) scan(h.text, h, Math.max(0, h.raw.indexOf(h.text)));
    for (const t of doc.tables) {
      for (const row of t.rows) {
        for (const cell of row) {
          const m = matchesIn(cell.text, all)[0];
          if (m) context.report({ messageId: 'text', data: { text: m.text }, findingData: { text: m.text }, loc: locOfSpan(cell.span ?? t.span) });
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
