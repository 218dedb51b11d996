import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { compileIgnore, reachableAnalysis } from './shared.js';

interface Options {
  /** Also report links to other hosts (the crawl must have been run with external checks). */
  checkExternal?: boolean;
  /** Regular expressions; matching URLs are not reported. */
  ignore?: string[];
  maxFindings?: number;
}

/** 检查指标 链接可用性 / 2015 普查: links and attachments that cannot be opened (错链、死链). */
export const brokenLink: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/broken-link',
    type: 'problem',
    subject: 'site',
    category: 'links',
    description: { zh: '链接或附件无法打开', en: 'A link or attachment cannot be opened' },
    messages: {
      link: { zh: '链接“{text}”（{url}）无法打开：{status}，所在页面 {from}', en: 'link "{text}" ({url}) cannot be opened: {status}, on {from}' },
      attachment: { zh: '附件“{text}”（{url}）无法下载：{status}，所在页面 {from}', en: 'attachment "{text}" ({url}) cannot be downloaded: {status}, on {from}' },
    },
    schema: {
      type: 'object',
      properties: {
        checkExternal: { type: 'boolean' },
        ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
        maxFindings: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { checkExternal: false, ignore: [], maxFindings: 200 },
    defaultSeverity: 'warning',
    weight: 1,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const ignored = compileIgnore(options.ignore);
    let n = 0;
    for (const b of a.brokenLinks) {
      if ((b.external && !options.checkExternal) || ignored(b.url)) continue;
      if (n++ >= (options.maxFindings ?? 200)) break;
      const status = b.error ? b.error.code : String(b.status);
      context.report({
        messageId: b.attachment ? 'attachment' : 'link',
        data: { url: b.url, text: b.text ?? '', status, from: b.from[0] ?? '?' },
        findingData: { from: b.from[0], linkedFrom: b.from, status: b.status, error: b.error?.code, attachment: b.attachment, external: b.external },
        loc: { url: b.url },
      });
    }
  },
};
