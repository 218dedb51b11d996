import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { columnIdsSchema, joinNames, reachableAnalysis } from './shared.js';

interface Options {
  /** Check exactly these column ids instead of the ones the catalogue requires for the agency's level. */
  columns?: string[];
  ignore?: string[];
}

/** 国办公开办函〔2019〕61号 platform columns and the 条例 art. 20 content every agency must publish. */
export const missingColumn: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/missing-column',
    type: 'problem',
    subject: 'site',
    category: 'columns',
    description: { zh: '缺少必设栏目', en: 'A required column is missing' },
    messages: {
      missing: {
        zh: '未找到必设栏目“{name}”（已查找的名称：{variants}）',
        en: 'required column "{name}" not found (names looked for: {variants})',
      },
      unreachable: {
        zh: '必设栏目“{name}”的链接 {url} 无法打开（{status}）',
        en: 'required column "{name}" is linked at {url} but cannot be opened ({status})',
      },
    },
    schema: {
      type: 'object',
      properties: { columns: columnIdsSchema, ignore: columnIdsSchema },
      additionalProperties: false,
    },
    defaultOptions: { ignore: [] },
    defaultSeverity: 'error',
    weight: 5,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const ignore = new Set(options.ignore ?? []);
    const wanted = options.columns ? new Set(options.columns) : undefined;
    const all = a.columns;
    for (const c of all) {
      if (ignore.has(c.id) || !(wanted ? wanted.has(c.id) : c.required)) continue;
      if (!c.found) {
        const spec = subject.resolveOptions(context.settings).columns?.find((s) => s.id === c.id);
        const variants = joinNames(spec?.variants ?? [c.name], context.locale, 6);
        context.report({
          messageId: 'missing',
          data: { column: c.id, name: c.name, variants },
          findingData: { column: c.id, name: c.name },
          loc: { url: a.site },
        });
      } else if (c.reachable === false) {
        context.report({
          messageId: 'unreachable',
          data: { column: c.id, name: c.name, url: c.location!.url, status: c.status ?? '?' },
          findingData: { column: c.id, name: c.name, status: c.status, from: c.location!.via },
          loc: { url: c.location!.url },
        });
      }
    }
  },
};
