import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { deadlineSchemaProps, expectedReportYear, reportDeadline, type DeadlineOptions } from './annual-report-deadline.js';
import { reachableAnalysis } from './shared.js';

/** 条例 art. 49: last year's 政府信息公开工作年度报告 must be public after its deadline. */
export const annualReportMissing: Rule<SiteSubject, DeadlineOptions> = {
  meta: {
    id: 'site/annual-report-missing',
    type: 'problem',
    subject: 'site',
    category: 'reports',
    description: { zh: '未公布上一年度政府信息公开工作年度报告', en: "Last year's annual disclosure report is not published" },
    messages: {
      missing: {
        zh: '未找到{year}年度政府信息公开工作年度报告（应于 {deadline} 前公布；依据：《政府信息公开条例》第四十九条）{latestNote}',
        en: 'no {year} annual disclosure report found (due by {deadline}; basis: OGI Regulations art. 49){latestNote}',
      },
    },
    schema: { type: 'object', properties: { ...deadlineSchemaProps }, additionalProperties: false },
    defaultOptions: { graceDays: 0 },
    defaultSeverity: 'error',
    weight: 10,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const year = expectedReportYear(a.asOf, a.level, options);
    if (a.annualReport.reports.some((r) => r.year >= year)) return;
    const latest = a.annualReport.latest;
    const en = context.locale === 'en';
    const latestNote = latest ? (en ? `; newest found: ${latest.year}` : `；找到的最新年报为${latest.year}年度`) : '';
    context.report({
      messageId: 'missing',
      data: { year, deadline: reportDeadline(year, a.level, options), latestNote },
      findingData: { year, deadline: reportDeadline(year, a.level, options), latestYear: latest?.year, latestUrl: latest?.url },
      loc: { url: a.columns.find((c) => c.id === 'annual-reports')?.location?.url ?? a.site },
    });
  },
};
