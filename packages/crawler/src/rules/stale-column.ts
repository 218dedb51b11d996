import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { columnIdsSchema, durationLabel, reachableAnalysis } from './shared.js';

interface Options {
  kinds?: Array<'dynamic' | 'notice' | 'policy' | 'other'>;
  includeDiscovered?: boolean;
  ignore?: string[];
}

/**
 * 检查指标 栏目不更新: 动态要闻 within 2 weeks, 通知公告/政策文件 within 6 months; each column's window comes from the
 * catalogue. Items without a visible date count as not updated (2015 普查: 未注明信息发布时间的视为不更新).
 */
export const staleColumn: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/stale-column',
    type: 'problem',
    subject: 'site',
    category: 'timeliness',
    description: { zh: '栏目未按期更新', en: 'A column is not updated within its window' },
    messages: {
      old: {
        zh: '“{name}”栏目最新信息发布于 {newest}，超过{window}未更新（检查日 {asOf}；依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“栏目不更新”）',
        en: 'column "{name}": newest item is from {newest}, not updated within {window} (checked {asOf}; basis: website inspection indicators, 国办秘函〔2019〕19号, "columns not updated")',
      },
      undated: {
        zh: '“{name}”栏目的信息均未注明发布日期，按未更新处理（要求{window}内更新；依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“栏目不更新”；2015年全国政府网站普查：未注明信息发布时间的视为不更新）',
        en: 'column "{name}": no item shows a publication date, which counts as not updated (window {window}; basis: website inspection indicators, 国办秘函〔2019〕19号, "columns not updated"; 2015 national website census: undated items count as not updated)',
      },
    },
    schema: {
      type: 'object',
      properties: {
        kinds: { type: 'array', items: { enum: ['dynamic', 'notice', 'policy', 'other'] }, uniqueItems: true },
        includeDiscovered: { type: 'boolean' },
        ignore: columnIdsSchema,
      },
      additionalProperties: false,
    },
    defaultOptions: { includeDiscovered: true, ignore: [] },
    defaultSeverity: 'error',
    weight: 2,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const ignore = new Set(options.ignore ?? []);
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    const seen = new Set<string>();
    for (const c of [...a.columns, ...(options.includeDiscovered === false ? [] : a.otherColumns)]) {
      if (c.stale !== true || ignore.has(c.id) || (kinds && !kinds.has(c.kind)) || !c.location) continue;
      if (seen.has(c.location.url)) continue;
      seen.add(c.location.url);
      const window = durationLabel(c.freshness!, a.windows, context.locale);
      const common = { column: c.id, name: c.name, window, freshness: c.freshness, cutoff: c.cutoff, asOf: a.asOf };
      if (c.staleReason === 'undated') {
        context.report({
          messageId: 'undated',
          data: { column: c.id, name: c.name, window },
          findingData: { ...common, items: c.itemCount, urlDate: c.newestAny?.date },
          loc: { url: c.location.url },
        });
      } else {
        context.report({
          messageId: 'old',
          data: { column: c.id, name: c.name, newest: c.newest!.date, window, asOf: a.asOf },
          findingData: { ...common, newest: c.newest!.date, newestSource: c.newest!.dateSource, title: c.newest!.title },
          loc: { url: c.location.url },
        });
      }
    }
  },
};
