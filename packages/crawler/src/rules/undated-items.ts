import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { columnIdsSchema, reachableAnalysis } from './shared.js';

interface Options {
  /** Report a column when at least this share of its items shows no date (0–1; 0 = any undated item). */
  minShare?: number;
  ignore?: string[];
}

/**
 * 《政府网站发展指引》: pages must show their publication time; 2015 普查: 未注明信息发布时间的视为不更新.
 */
export const undatedItems: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/undated-items',
    type: 'suggestion',
    subject: 'site',
    category: 'timeliness',
    description: { zh: '栏目信息未标注发布日期', en: 'Column items do not show a publication date' },
    messages: {
      undated: {
        zh: '“{name}”栏目有{count}条信息（共{total}条）未显示发布日期',
        en: 'column "{name}": {count} of {total} items show no publication date',
      },
    },
    schema: {
      type: 'object',
      properties: { minShare: { type: 'number', minimum: 0, maximum: 1 }, ignore: columnIdsSchema },
      additionalProperties: false,
    },
    defaultOptions: { minShare: 0, ignore: [] },
    defaultSeverity: 'warning',
    weight: 1,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const ignore = new Set(options.ignore ?? []);
    for (const c of [...a.columns, ...a.otherColumns]) {
      const total = c.items.length;
      if (!total || !c.undatedCount || ignore.has(c.id) || !c.location) continue;
      if (c.undatedCount / total < (options.minShare ?? 0)) continue;
      context.report({
        messageId: 'undated',
        data: { column: c.id, name: c.name, count: c.undatedCount, total },
        findingData: {
          column: c.id,
          examples: c.items.filter((i) => !i.visible || !i.date).slice(0, 3).map((i) => i.title),
        },
        loc: { url: c.location.url },
      });
    }
  },
};
