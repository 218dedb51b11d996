import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { analysisOf, noOptionsSchema } from './shared.js';

/** The audit is incomplete where robots.txt forbids crawling; said once so the reader can weigh the result. */
export const robotsBlocked: Rule<SiteSubject, Record<string, never>> = {
  meta: {
    id: 'site/robots-blocked',
    type: 'suggestion',
    subject: 'site',
    category: 'crawl',
    description: { zh: 'robots.txt 禁止抓取部分页面', en: 'robots.txt forbids crawling some pages' },
    messages: {
      blocked: {
        zh: 'robots.txt 禁止抓取{count}个页面，相关栏目未检查（如 {example}）',
        en: 'robots.txt forbids {count} pages; those parts were not checked (e.g. {example})',
      },
    },
    schema: noOptionsSchema,
    defaultOptions: {},
    defaultSeverity: 'info',
    weight: 0,
  },
  check(subject, _options, context) {
    const urls = analysisOf(subject, context).events.robotsBlocked;
    if (!urls.length) return;
    context.report({
      messageId: 'blocked',
      data: { count: urls.length, example: urls[0] },
      findingData: { count: urls.length, urls: urls.slice(0, 50) },
      loc: { url: urls[0] },
    });
  },
};
