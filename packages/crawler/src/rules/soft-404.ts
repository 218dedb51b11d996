import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { noOptionsSchema, reachableAnalysis } from './shared.js';

/** A page that answers 200 but says "页面不存在" is a dead link the status code hides. */
export const soft404: Rule<SiteSubject, Record<string, never>> = {
  meta: {
    id: 'site/soft-404',
    type: 'problem',
    subject: 'site',
    category: 'links',
    description: { zh: '页面返回200但内容为“页面不存在”', en: 'A page answers 200 but says "not found"' },
    messages: {
      soft: { zh: '{url} 返回 200，但内容是“页面不存在”（软 404）{fromNote}', en: '{url} answers 200 but says the page does not exist (soft 404){fromNote}' },
    },
    schema: noOptionsSchema,
    defaultOptions: {},
    defaultSeverity: 'warning',
    weight: 1,
  },
  check(subject, _options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    for (const s of a.softNotFound) {
      const fromNote = s.from ? (context.locale === 'en' ? `, linked from ${s.from}` : `，链接所在页面 ${s.from}`) : '';
      context.report({ messageId: 'soft', data: { url: s.url, fromNote }, findingData: { from: s.from }, loc: { url: s.url } });
    }
  },
};
