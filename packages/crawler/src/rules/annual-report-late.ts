import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { deadlineSchemaProps, reportDeadline, type DeadlineOptions } from './annual-report-deadline.js';
import { reachableAnalysis } from './shared.js';

interface Options extends DeadlineOptions {
  /** How many recent report years to judge (1 = only last year's report). */
  years?: number;
}

/** 条例 art. 49: departments publish by 1月31日, governments by 3月31日 of the following year. */
export const annualReportLate: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/annual-report-late',
    type: 'problem',
    subject: 'site',
    category: 'reports',
    description: { zh: '年度报告逾期公布', en: 'Annual disclosure report published after the deadline' },
    messages: {
      late: {
        zh: '{year}年度政府信息公开工作年度报告于 {published} 公布，晚于法定期限 {deadline}（逾期{days}天；依据：《政府信息公开条例》第四十九条）',
        en: 'the {year} annual disclosure report was published on {published}, after the deadline {deadline} ({days} days late; basis: OGI Regulations art. 49)',
      },
    },
    schema: {
      type: 'object',
      properties: { ...deadlineSchemaProps, years: { type: 'integer', minimum: 1, maximum: 20 } },
      additionalProperties: false,
    },
    defaultOptions: { graceDays: 0, years: 1 },
    defaultSeverity: 'error',
    weight: 5,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const lastYear = Number(a.asOf.slice(0, 4)) - 1;
    const firstYear = lastYear - (options.years ?? 1) + 1;
    const judged = new Set<number>();
    for (const r of a.annualReport.reports) {
      if (r.year < firstYear || r.year > lastYear || !r.published || judged.has(r.year)) continue;
      judged.add(r.year);
      const deadline = reportDeadline(r.year, a.level, options);
      if (r.published <= deadline) continue;
      const days = Math.round((Date.parse(r.published.length === 7 ? `${r.published}-01` : r.published) - Date.parse(deadline)) / 86_400_000);
      if (days <= 0) continue;
      context.report({
        messageId: 'late',
        data: { year: r.year, published: r.published, deadline, days },
        findingData: { year: r.year, published: r.published, deadline, days, dateSource: r.dateSource, level: a.level },
        loc: { url: r.url ?? r.listedOn },
      });
    }
  },
};
