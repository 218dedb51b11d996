import type { Rule } from '@gongkai/core';
import { nthWorkdayAfter, workdaysBetween, type WorkdayCalendar } from '../analysis/calendar.js';
import type { SiteSubject } from '../analysis/subject.js';
import { reachableAnalysis } from './shared.js';

interface Options {
  workingDays?: number;
  calendar?: WorkdayCalendar;
}

const TYPE = {
  licensing: { zh: '行政许可', en: 'licensing' },
  penalty: { zh: '行政处罚', en: 'penalty' },
  unknown: { zh: '行政', en: 'administrative' },
} as const;

/** 国办发〔2015〕51号 (十八): 行政许可、行政处罚 decisions go online within 7 working days of the decision. */
export const dualPublicityLate: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/dual-publicity-late',
    type: 'problem',
    subject: 'site',
    category: 'dual-publicity',
    description: { zh: '“双公示”信息未在7个工作日内公示', en: 'Licensing/penalty decision not published within 7 working days' },
    messages: {
      late: {
        zh: '{type}决定（{decision}作出）于 {published} 公示，超过{limit}个工作日（期限 {deadline}，实际第{days}个工作日；依据：国办发〔2015〕51号、国发〔2016〕33号）',
        en: '{type} decision of {decision} was published on {published}, more than {limit} working days later (due {deadline}; working day {days}; basis: 国办发〔2015〕51号, 国发〔2016〕33号)',
      },
    },
    schema: {
      type: 'object',
      properties: {
        workingDays: { type: 'integer', minimum: 1, maximum: 60 },
        calendar: { enum: ['chinese', 'weekdays'], errorMessage: 'must be "chinese" (holidays and 调休) or "weekdays"' },
      },
      additionalProperties: false,
    },
    defaultOptions: { workingDays: 7, calendar: 'chinese' },
    defaultSeverity: 'error',
    weight: 2,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const records = a.dualPublicity.records.filter(
      (r): r is typeof r & { decisionDate: string } => !!r.decisionDate && !!r.published && /^\d{4}-\d{2}-\d{2}$/.test(r.published),
    );
    if (!records.length) {
      context.notApplicable('no 双公示 record with both dates');
      return;
    }
    const limit = options.workingDays ?? 7;
    const calendar = options.calendar ?? 'chinese';
    for (const r of records) {
      const deadline = nthWorkdayAfter(r.decisionDate, limit, calendar);
      if (r.published! <= deadline) continue;
      const days = workdaysBetween(r.decisionDate, r.published!, calendar);
      context.report({
        messageId: 'late',
        data: { type: TYPE[r.type][context.locale === 'en' ? 'en' : 'zh'], decision: r.decisionDate, published: r.published, limit, deadline, days },
        findingData: { recordType: r.type, decision: r.decisionDate, published: r.published, deadline, workingDays: days, documentNumber: r.documentNumber },
        loc: { url: r.url },
      });
    }
  },
};
