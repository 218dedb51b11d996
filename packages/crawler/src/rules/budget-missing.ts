import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import type { BudgetItem } from '../analysis/types.js';
import { monthDaySchema, reachableAnalysis } from './shared.js';

interface Options {
  /** By this MM-DD the year's 部门预算 should be public (预算法 §14: 20 days after 批复; 批复 dates vary). */
  budgetBy?: string;
  /** By this MM-DD last year's 部门决算 should be public. */
  finalBy?: string;
  requireFinal?: boolean;
  requireThreePublic?: boolean;
}

/** 预算法 第十四条 and 财预〔2016〕143号: 部门预算、决算 (with 三公经费) are published within 20 days of 批复. */
export const budgetMissing: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/budget-missing',
    type: 'problem',
    subject: 'site',
    category: 'budget',
    description: { zh: '未公开预算、决算或“三公”经费', en: 'Budget, final accounts or 三公 spending not published' },
    messages: {
      budget: { zh: '未找到{year}年度预算公开信息（预计 {expected} 前应公开；依据：《预算法》第十四条、财预〔2016〕143号）', en: 'no {year} budget disclosure found (expected by {expected}; basis: Budget Law art. 14, 财预〔2016〕143号)' },
      final: { zh: '未找到{year}年度决算公开信息（预计 {expected} 前应公开；依据：《预算法》第十四条、财预〔2016〕143号）', en: 'no {year} final accounts disclosure found (expected by {expected}; basis: Budget Law art. 14, 财预〔2016〕143号)' },
      threePublic: {
        zh: '未找到{year}年度“三公”经费决算说明（预计 {expected} 前应公开；依据：《预算法》第十四条、财预〔2016〕143号）',
        en: 'no {year} 三公 (travel, vehicles, hospitality) final accounts statement found (expected by {expected}; basis: Budget Law art. 14, 财预〔2016〕143号)',
      },
    },
    schema: {
      type: 'object',
      properties: {
        budgetBy: monthDaySchema,
        finalBy: monthDaySchema,
        requireFinal: { type: 'boolean' },
        requireThreePublic: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { budgetBy: '04-30', finalBy: '09-30', requireFinal: true, requireThreePublic: true },
    defaultSeverity: 'error',
    weight: 5,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const y = Number(a.asOf.slice(0, 4));
    const budgetBy = options.budgetBy ?? '04-30';
    const finalBy = options.finalBy ?? '09-30';
    const budgetYear = a.asOf >= `${y}-${budgetBy}` ? y : y - 1;
    const finalYear = a.asOf >= `${y}-${finalBy}` ? y - 1 : y - 2;
    const items = a.budget.items;
    const has = (pred: (i: BudgetItem) => boolean) => items.some(pred);
    const loc = { url: a.columns.find((c) => c.id === 'budget')?.location?.url ?? a.site };
    const report = (messageId: string, year: number, expected: string) =>
      context.report({ messageId, data: { year, expected }, findingData: { year, expected, kind: messageId }, loc });

    if (!has((i) => i.type === 'budget' && i.year === budgetYear)) {
      report('budget', budgetYear, budgetYear === y ? `${y}-${budgetBy}` : `${budgetYear}-${budgetBy}`);
    }
    if (options.requireFinal !== false && !has((i) => i.type === 'final' && i.year === finalYear)) {
      report('final', finalYear, `${finalYear + 1}-${finalBy}`);
    }
    // The 三公 statement is missing only when every 决算 of the year was read and none shows it: a 决算 in a PDF
    // we did not open may well hold it.
    const finals = items.filter((i) => i.type === 'final' && i.year === finalYear);
    if (
      options.requireThreePublic !== false &&
      finals.length > 0 &&
      finals.every((i) => i.inspected) &&
      !has((i) => i.year === finalYear && i.threePublic && i.type === 'final')
    ) {
      report('threePublic', finalYear, `${finalYear + 1}-${finalBy}`);
    }
  },
};
