import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import type { ColumnResult } from '../analysis/types.js';
import { joinNames, reachableAnalysis } from './shared.js';

interface Options {
  staleThreshold?: number;
  emptyThreshold?: number;
  kinds?: Array<'dynamic' | 'notice' | 'policy' | 'other'>;
}

function unique(cols: ColumnResult[]): ColumnResult[] {
  const seen = new Set<string>();
  return cols.filter((c) => c.location && !seen.has(c.location.url) && seen.add(c.location.url));
}

/**
 * 检查指标 单项否决 栏目不更新: ≥5 动态要闻/通知公告/政策文件 columns not updated in their windows, or ≥5 空白栏目.
 */
export const tooManyStaleColumns: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/too-many-stale-columns',
    type: 'problem',
    subject: 'site',
    category: 'timeliness',
    description: { zh: '未更新或空白栏目过多（单项否决）', en: 'Too many stale or empty columns (veto)' },
    messages: {
      stale: {
        zh: '{count}个动态、通知公告、政策文件类栏目未按期更新（达到{threshold}个即单项否决）：{names}',
        en: '{count} news/notice/policy columns are not updated in time ({threshold} or more fails the site): {names}',
      },
      empty: {
        zh: '{count}个空白栏目（达到{threshold}个即单项否决）：{names}',
        en: '{count} empty columns ({threshold} or more fails the site): {names}',
      },
    },
    schema: {
      type: 'object',
      properties: {
        staleThreshold: { type: 'integer', minimum: 1 },
        emptyThreshold: { type: 'integer', minimum: 1 },
        kinds: { type: 'array', items: { enum: ['dynamic', 'notice', 'policy', 'other'] }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { staleThreshold: 5, emptyThreshold: 5, kinds: ['dynamic', 'notice', 'policy'] },
    defaultSeverity: 'error',
    weight: 20,
    veto: true,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const kinds = new Set(options.kinds ?? ['dynamic', 'notice', 'policy']);
    const all = [...a.columns, ...a.otherColumns];
    const stale = unique(all.filter((c) => c.stale === true && kinds.has(c.kind)));
    const empty = unique(all.filter((c) => c.empty));
    const st = options.staleThreshold ?? 5;
    const et = options.emptyThreshold ?? 5;
    if (stale.length >= st) {
      context.report({
        messageId: 'stale',
        data: { count: stale.length, threshold: st, names: joinNames(stale.map((c) => c.name), context.locale) },
        findingData: { count: stale.length, threshold: st, columns: stale.map((c) => ({ id: c.id, name: c.name, url: c.location!.url })) },
        loc: { url: a.site },
      });
    }
    if (empty.length >= et) {
      context.report({
        messageId: 'empty',
        data: { count: empty.length, threshold: et, names: joinNames(empty.map((c) => c.name), context.locale) },
        findingData: { count: empty.length, threshold: et, columns: empty.map((c) => ({ id: c.id, name: c.name, url: c.location!.url })) },
        loc: { url: a.site },
      });
    }
  },
};
