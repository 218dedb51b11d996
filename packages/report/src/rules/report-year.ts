import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { analyseYears, numberSetting } from '../analysis/document.js';
import { locOfSpan } from '../analysis/position.js';

export interface ReportYearOptions {
  /** A body year other than the title's must appear at least this often before it counts as a disagreement. */
  minBodyMentions?: number;
}

export const reportYear: Rule<ReportDocument, ReportYearOptions> = {
  meta: {
    id: 'report/report-year',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: {
      zh: '检查能否确定报告所属年度，以及标题、统计期限和正文中的年度是否一致',
      en: 'Checks that the year the report covers can be found and that the title, the statistical period and the body agree on it',
    },
    messages: {
      missing: {
        zh: '无法确定报告年度：标题、统计期限和正文开头都没有写明年份。请在标题中写明“XXXX年度”，或用 --report-year 指定',
        en: 'cannot tell which year the report covers: neither the title, the statistical period nor the opening sentence names it. State the year in the title or pass --report-year',
      },
      titlePeriod: {
        zh: '标题写的是{titleYear}年，统计期限却是{periodYear}年',
        en: 'the title says {titleYear} but the statistical period is {periodYear}',
      },
      partialPeriod: {
        zh: '统计期限“{raw}”不是完整的一个自然年度（应为{year}年1月1日至{year}年12月31日）',
        en: 'the statistical period "{raw}" is not one full calendar year (it should run from 1 January to 31 December {year})',
      },
      opening: {
        zh: '标题写的是{titleYear}年，正文开头却写“{raw}”；可能沿用了往年的文本',
        en: 'the title says {titleYear} but the text opens with "{raw}"; last year\'s text may have been reused',
      },
      body: {
        zh: '标题写的是{titleYear}年，但正文中没有出现{titleYear}年，反而{count}次提到{bodyYear}年；可能沿用了往年的文本',
        en: 'the title says {titleYear}, yet the body never mentions {titleYear} and mentions {bodyYear} {count} times; last year\'s text may have been reused',
      },
      signedEarly: {
        zh: '落款日期{signed}早于{year}年度结束，年度报告不可能在年度结束前写成；可能沿用了往年的文本',
        en: 'the report is signed on {signed}, before the year {year} it covers had ended; last year\'s text may have been reused',
      },
      override: {
        zh: '指定的报告年度（{given}年）与文件中写的{found}年不一致',
        en: 'the report year given ({given}) differs from the year the document states ({found})',
      },
    },
    schema: {
      type: 'object',
      properties: { minBodyMentions: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { minBodyMentions: 3 },
    defaultSeverity: 'error',
    weight: 4,
  },
  check(doc, options, context) {
    const y = analyseYears(doc);
    const given = numberSetting(context.settings.reportYear);
    if (!y.year) {
      if (given === undefined) context.report({ messageId: 'missing', loc: locOfSpan(doc.blocks[0]?.span) ?? { line: 1, column: 1 } });
      return;
    }
    if (given !== undefined && given !== y.year.year) {
      context.report({
        messageId: 'override',
        severity: 'warning',
        data: { given, found: y.year.year },
        loc: locOfSpan(y.year.span),
      });
    }
    const titleYear = y.title?.year;
    if (y.period) {
      if (titleYear !== undefined && y.period.year !== titleYear) {
        context.report({
          messageId: 'titlePeriod',
          data: { titleYear, periodYear: y.period.year },
          loc: locOfSpan(y.period.span),
        });
      } else if (y.period.endYear !== y.period.year) {
        context.report({
          messageId: 'partialPeriod',
          severity: 'warning',
          data: { raw: y.period.raw ?? `${y.period.year}–${y.period.endYear}`, year: y.period.year },
          loc: locOfSpan(y.period.span),
        });
      }
    }
    if (titleYear === undefined) return;
    if (y.opening && y.opening.year !== titleYear && y.opening.span !== y.title?.span) {
      context.report({
        messageId: 'opening',
        data: { titleYear, raw: y.opening.raw ?? String(y.opening.year) },
        loc: locOfSpan(y.opening.span),
      });
      return;
    }
    if ((y.bodyCounts.get(titleYear) ?? 0) === 0) {
      let bodyYear: number | undefined;
      let count = 0;
      for (const [yr, c] of y.bodyCounts) {
        // The publication year (title year + 1) is legitimately mentioned ("2023年1月印发").
        if (yr === titleYear + 1) continue;
        if (c > count) {
          bodyYear = yr;
          count = c;
        }
      }
      if (bodyYear !== undefined && count >= (options.minBodyMentions ?? 3)) {
        context.report({ messageId: 'body', data: { titleYear, bodyYear, count }, loc: locOfSpan(y.title?.span) });
      }
    }
    // A signature dated inside the year it reports on (a template whose date was not updated). Only with a year that
    // the title or the statistical period states, never a guessed one.
    const signed = doc.meta.signedAt;
    const stated = y.title?.year ?? y.period?.year;
    if (signed && stated !== undefined && signed.value < `${stated}-12-31`) {
      context.report({ messageId: 'signedEarly', severity: 'warning', data: { signed: signed.value, year: stated }, loc: locOfSpan(signed.span) });
    }
  },
};
