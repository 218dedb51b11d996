import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { matchSections, sectionTitle } from '../analysis/sections.js';
import { sectionText, type CarryFacts } from '../analysis/carry.js';
import { repeatedShare } from '../analysis/similarity.js';
import { locOfSpan } from '../analysis/position.js';
import { requireAnnualReport, sectionDefs } from './support.js';

export interface RepeatedProblemsOptions {
  /** Share of this year's text found again in last year's, from which the section counts as copied. */
  threshold?: number;
  /** Sections shorter than this (in characters, noise removed) are too short to judge. */
  minLength?: number;
}

/**
 * 存在的主要问题及改进情况 copied from last year's report. The 2021 format names 内容雷同 among the failings that lead to
 * accountability, and the CASS evaluation found reports repeating 90 % of the previous year's. Needs last year's
 * report of the same agency in the same run (`settings.previousReport`, supplied by the CLI).
 */
export const repeatedProblems: Rule<ReportDocument, RepeatedProblemsOptions> = {
  meta: {
    id: 'report/repeated-problems',
    type: 'suggestion',
    subject: 'report',
    category: 'quality',
    description: {
      zh: '检查“存在的主要问题及改进情况”是否照搬上一年度报告（内容雷同）；需同时检查两个年度的报告',
      en: 'Checks whether "main problems and improvements" repeats last year\'s report (needs both reports in the same run)',
    },
    messages: {
      repeated: {
        zh: '“{section}”与{previousYear}年度报告的相应部分重复约{percent}%，疑似照搬往年内容；应写明本年度实际存在的问题和改进措施',
        en: '"{section}" repeats about {percent}% of the same part of the {previousYear} report; describe this year\'s actual problems and improvements',
      },
    },
    schema: {
      type: 'object',
      properties: {
        threshold: { type: 'number', minimum: 0, maximum: 1 },
        minLength: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    defaultOptions: { threshold: 0.9, minLength: 60 },
    defaultSeverity: 'warning',
    weight: 3,
  },
  check(doc, options, context) {
    if (!requireAnnualReport(doc, context)) return;
    const previous = context.settings.previousReport as CarryFacts | undefined;
    const match = matchSections(doc, sectionDefs(context)).byId.get('problems-improvements');
    if (!previous?.problemsText || !match) {
      context.notApplicable(previous ? 'section missing in one of the two reports' : 'last year\'s report is not part of this run');
      return;
    }
    const { share, size } = repeatedShare(sectionText(match.section), previous.problemsText);
    if (size < (options.minLength ?? 60)) {
      context.notApplicable('section too short to compare');
      return;
    }
    if (share < (options.threshold ?? 0.9)) return;
    const def = sectionDefs(context).find((d) => d.id === 'problems-improvements');
    const percent = Math.round(share * 100);
    context.report({
      messageId: 'repeated',
      data: { section: sectionTitle(def, 'problems-improvements', context.locale === 'en' ? 'en' : 'zh'), previousYear: previous.year, percent },
      findingData: { section: 'problems-improvements', previousYear: previous.year, share: Math.round(share * 1000) / 1000 },
      loc: locOfSpan(match.heading.span),
    });
  },
};
