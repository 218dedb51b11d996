import type { Rule } from '@gongkai/core';
import type { ReportDocument, Section } from '../model/types.js';
import { numberSetting, reportYearOf } from '../analysis/document.js';
import { matchSections } from '../analysis/sections.js';
import { locOfSpan } from '../analysis/position.js';
import { requireAnnualReport, sectionDefs, textUnits } from './support.js';

export interface FeeStatementOptions {
  /** First report year the statement is expected for. */
  fromYear?: number;
  /** Words that count as a statement about the fee. */
  keywords?: string[];
}

function sectionText(s: Section): string {
  let t = (s.heading.rest ?? '') + s.heading.text;
  for (const b of s.blocks) if (b.kind === 'paragraph') t += b.text;
  for (const c of s.children) t += sectionText(c);
  return t;
}

export const feeStatement: Rule<ReportDocument, FeeStatementOptions> = {
  meta: {
    id: 'report/fee-statement',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: {
      zh: '2021年度起的年度报告应在“其他需要报告的事项”中说明是否收取信息处理费（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）',
      en: 'From the 2021 report on, 其他需要报告的事项 must say whether information processing fees were charged (国办函〔2020〕109号)',
    },
    messages: {
      missing: {
        zh: '“{heading}”中没有说明本年度是否收取信息处理费；即使未收取，也应写明“本年度未收取信息处理费”',
        en: '"{heading}" does not say whether information processing fees were charged this year; if none were, say so',
      },
      elsewhere: {
        zh: '信息处理费的情况写在了第{line}行，应放在“其他需要报告的事项”中',
        en: 'the information processing fee is mentioned at line {line}; it belongs under 其他需要报告的事项',
      },
      absent: {
        zh: '报告中没有说明本年度是否收取信息处理费（应在“其他需要报告的事项”中写明）',
        en: 'the report never says whether information processing fees were charged (state it under 其他需要报告的事项)',
      },
    },
    schema: {
      type: 'object',
      properties: {
        fromYear: { type: 'integer', minimum: 2000 },
        keywords: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { fromYear: 2021, keywords: ['信息处理费'] },
    defaultSeverity: 'warning',
    weight: 2,
  },
  check(doc, options, context) {
    if (!requireAnnualReport(doc, context)) return;
    const year = reportYearOf(doc, numberSetting(context.settings.reportYear))?.year;
    if (year === undefined || year < (options.fromYear ?? 2021)) {
      context.notApplicable('before the fee measures applied');
      return;
    }
    const keywords = options.keywords ?? ['信息处理费'];
    const other = matchSections(doc, sectionDefs(context)).byId.get('other');
    if (other && keywords.some((k) => sectionText(other.section).includes(k))) return;
    const elsewhere = textUnits(doc).find((u) => keywords.some((k) => u.text.includes(k)));
    if (other) {
      if (elsewhere) {
        const loc = locOfSpan(elsewhere.block.span);
        context.report({ messageId: 'elsewhere', severity: 'info', data: { line: loc?.line ?? '?' }, loc });
      } else {
        context.report({ messageId: 'missing', data: { heading: other.heading.raw.trim() }, loc: locOfSpan(other.heading.span) });
      }
      return;
    }
    if (!elsewhere) context.report({ messageId: 'absent', loc: locOfSpan(doc.blocks[doc.blocks.length - 1]?.span) });
  },
};
