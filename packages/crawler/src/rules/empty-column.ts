import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { columnIdsSchema, reachableAnalysis } from './shared.js';

interface Options {
  /** Also judge column pages the catalogue does not list (the site's own columns). */
  includeDiscovered?: boolean;
  ignore?: string[];
}

/** 2015 普查 / 2019 检查指标: a 空白栏目 is a column that has never carried any information. */
export const emptyColumn: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/empty-column',
    type: 'problem',
    subject: 'site',
    category: 'columns',
    description: { zh: '空白栏目（栏目无任何信息）', en: 'Empty column (no information at all)' },
    messages: {
      empty: { zh: '“{name}”栏目没有任何信息（空白栏目；依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“栏目不更新”中的空白栏目）', en: 'column "{name}" has no information at all (empty column; basis: website inspection indicators, 国办秘函〔2019〕19号, empty columns under "columns not updated")' },
    },
    schema: {
      type: 'object',
      properties: { includeDiscovered: { type: 'boolean' }, ignore: columnIdsSchema },
      additionalProperties: false,
    },
    defaultOptions: { includeDiscovered: true, ignore: [] },
    defaultSeverity: 'error',
    weight: 3,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const ignore = new Set(options.ignore ?? []);
    const cols = [...a.columns, ...(options.includeDiscovered === false ? [] : a.otherColumns)];
    const seen = new Set<string>();
    for (const c of cols) {
      if (!c.empty || ignore.has(c.id) || !c.location || seen.has(c.location.url)) continue;
      seen.add(c.location.url);
      context.report({
        messageId: 'empty',
        data: { column: c.id, name: c.name },
        findingData: { column: c.id, name: c.name, discovered: !!c.discovered },
        loc: { url: c.location.url },
      });
    }
  },
};
