import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { analysisOf } from './shared.js';

interface Options {
  maxFindings?: number;
}

function describe(detail: Record<string, unknown> | undefined): string {
  if (!detail) return '?';
  const declared = detail.declared ?? detail.header ?? detail.meta;
  const used = detail.used ?? detail.detected ?? detail.actual;
  if (declared !== undefined || used !== undefined) return `${String(declared ?? '?')} → ${String(used ?? '?')}`;
  return JSON.stringify(detail);
}

/** A page that declares one charset and is written in another shows 乱码 in some browsers. */
export const encodingMismatch: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/encoding-mismatch',
    type: 'suggestion',
    subject: 'site',
    category: 'technical',
    description: { zh: '页面声明的字符集与实际编码不符', en: 'Declared charset differs from the actual encoding' },
    messages: {
      mismatch: { zh: '{url} 声明的字符集与实际编码不符（{detail}），部分浏览器会显示乱码', en: '{url}: declared charset differs from the actual encoding ({detail}); some browsers will show garbage' },
    },
    schema: { type: 'object', properties: { maxFindings: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    defaultOptions: { maxFindings: 20 },
    defaultSeverity: 'info',
    weight: 0,
  },
  check(subject, options, context) {
    const events = analysisOf(subject, context).events.encodingMismatches;
    for (const e of events.slice(0, options.maxFindings ?? 20)) {
      context.report({ messageId: 'mismatch', data: { url: e.url, detail: describe(e.detail) }, findingData: e.detail ?? {}, loc: { url: e.url } });
    }
  },
};
