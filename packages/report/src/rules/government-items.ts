import type { AgencyLevel, Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { levelFor, regimeFor } from '../analysis/document.js';
import { matchSections } from '../analysis/sections.js';
import { locOfSpan } from '../analysis/position.js';
import { requireAnnualReport, sectionDefs, textUnits } from './support.js';

export interface GovernmentItemsOptions {
  items?: Array<{ id: string; label: string; patterns: string[] }>;
}

const DEFAULT_ITEMS = [
  { id: 'assessment', label: '工作考核', patterns: ['工作考核', '考核'] },
  { id: 'evaluation', label: '社会评议', patterns: ['社会评议', '评议'] },
  { id: 'accountability', label: '责任追究', patterns: ['责任追究', '追责', '问责'] },
];

export const governmentItems: Rule<ReportDocument, GovernmentItemsOptions> = {
  meta: {
    id: 'report/government-items',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: {
      zh: '各级人民政府的年度报告还应包括工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项）',
      en: "A government's annual report must also cover the results of work assessment, public evaluation and accountability (Art. 50(4))",
    },
    messages: {
      missing: {
        zh: '本级政府年度报告没有说明{items}结果情况（条例第五十条第（四）项）',
        en: "the government's report does not cover the results of {items} (Art. 50(4))",
      },
    },
    schema: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              label: { type: 'string' },
              patterns: { type: 'array', items: { type: 'string' }, minItems: 1 },
              remove: { type: 'boolean' },
            },
            required: ['id'],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { items: DEFAULT_ITEMS },
    defaultSeverity: 'error',
    weight: 4,
  },
  check(doc, options, context) {
    if (!requireAnnualReport(doc, context)) return;
    const level = levelFor(doc, context.settings as { agency?: { level?: AgencyLevel } });
    if (level !== 'government') {
      context.notApplicable(level ? `level is ${level}` : 'agency level unknown');
      return;
    }
    const regime = regimeFor(doc, context.settings);
    if (regime === '2008') {
      context.notApplicable('Art. 50(4) applies from the 2019 report on');
      return;
    }
    let text = '';
    for (const u of textUnits(doc)) text += u.text + '\n';
    for (const h of doc.headings) text += h.text + '\n';
    const items = (options.items ?? DEFAULT_ITEMS).filter((i) => i.patterns?.length && !(i as { remove?: boolean }).remove);
    const missing = items.filter((i) => !i.patterns.some((p) => text.includes(p)));
    if (!missing.length) return;
    const map = matchSections(doc, sectionDefs(context));
    const at = map.byId.get('problems-improvements') ?? map.byId.get('overview');
    context.report({
      messageId: 'missing',
      data: { items: missing.map((i) => i.label ?? i.id).join('、') },
      findingData: { items: missing.map((i) => i.id) },
      loc: locOfSpan(at?.heading.span ?? doc.blocks[0]?.span),
    });
  },
};
