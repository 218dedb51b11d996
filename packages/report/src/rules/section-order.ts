import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { matchSections, type MatchedSection } from '../analysis/sections.js';
import { locOfSpan } from '../analysis/position.js';
import { regimeFor } from '../analysis/document.js';
import { requireAnnualReport, SECTION_ID_SCHEMA, sectionDefs } from './support.js';

export interface SectionOrderOptions {
  /** Canonical order of the section ids. */
  order?: string[];
}

export const DEFAULT_ORDER = ['overview', 'active-disclosure', 'requests', 'reviews-litigation', 'problems-improvements', 'other'];

/** Indexes (into `ranks`) of one longest non-decreasing subsequence: the parts that are already in order. */
function inOrder(ranks: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(ranks.length).fill(-1);
  for (let i = 0; i < ranks.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[tails[mid]] <= ranks[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export const sectionOrder: Rule<ReportDocument, SectionOrderOptions> = {
  meta: {
    id: 'report/section-order',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: {
      zh: '检查年度报告各部分是否按统一格式的顺序排列（条例第五十条、国办公开办函〔2021〕30号）',
      en: 'Checks that the parts of the annual report follow the order of the national format (Art. 50; 国办公开办函〔2021〕30号)',
    },
    messages: {
      before: {
        zh: '“{heading}”的位置不对：按统一格式它应排在“{other}”之前',
        en: '"{heading}" is out of order: the national format puts it before "{other}"',
      },
      after: {
        zh: '“{heading}”的位置不对：按统一格式它应排在“{other}”之后',
        en: '"{heading}" is out of order: the national format puts it after "{other}"',
      },
    },
    schema: {
      type: 'object',
      properties: { order: { type: 'array', items: SECTION_ID_SCHEMA, uniqueItems: true, minItems: 2 } },
      additionalProperties: false,
    },
    defaultOptions: { order: DEFAULT_ORDER },
    defaultSeverity: 'warning',
    weight: 3,
  },
  check(doc, options, context) {
    if (!requireAnnualReport(doc, context)) return;
    if (regimeFor(doc, context.settings) === '2008') {
      context.notApplicable('no national format before the 2019 report');
      return;
    }
    const order = options.order ?? DEFAULT_ORDER;
    const rank = new Map(order.map((id, i) => [id, i]));
    const seen = new Set<string>();
    const list: MatchedSection[] = [];
    for (const m of matchSections(doc, sectionDefs(context)).matches) {
      if (!rank.has(m.id) || seen.has(m.id)) continue;
      seen.add(m.id);
      list.push(m);
    }
    const ranks = list.map((m) => rank.get(m.id)!);
    const keep = inOrder(ranks);
    for (let i = 0; i < list.length; i++) {
      if (keep.has(i)) continue;
      // Name the nearest in-order neighbour it is on the wrong side of.
      let messageId: 'before' | 'after' = 'before';
      let other: MatchedSection | undefined;
      for (let k = 0; k < i; k++) if (keep.has(k) && ranks[k] > ranks[i]) { other = list[k]; break; }
      if (!other) {
        messageId = 'after';
        for (let k = list.length - 1; k > i; k--) if (keep.has(k) && ranks[k] < ranks[i]) { other = list[k]; break; }
      }
      if (!other) continue;
      context.report({
        messageId,
        data: { heading: list[i].heading.raw.trim(), other: other.heading.raw.trim() },
        findingData: { section: list[i].id, other: other.id },
        loc: locOfSpan(list[i].heading.span),
      });
    }
  },
};
