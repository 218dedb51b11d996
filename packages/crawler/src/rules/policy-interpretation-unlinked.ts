import type { Rule } from '@gongkai/core';
import { PageIndex } from '../analysis/page-index.js';
import type { SiteSubject } from '../analysis/subject.js';
import { isInternal, urlKey } from '../analysis/text.js';
import { reachableAnalysis } from './shared.js';

interface Options {
  /** Link texts that count as "the document being interpreted". */
  linkWords?: string[];
  maxFindings?: number;
}

const DOC_NUMBER = /〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号|（\d{4}）\s*\d+\s*号/;

/**
 * 政策文件与政策解读应双向关联 (inspection 通报 of 临沂、连云港; 国办发〔2016〕80号 同步解读): an interpretation page
 * should link to the document it explains.
 */
export const policyInterpretationUnlinked: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/policy-interpretation-unlinked',
    type: 'suggestion',
    subject: 'site',
    category: 'columns',
    description: { zh: '政策解读未关联政策文件', en: 'A policy interpretation does not link to its document' },
    messages: {
      unlinked: { zh: '政策解读“{title}”未链接所解读的政策文件', en: 'policy interpretation "{title}" does not link to the document it explains' },
    },
    schema: {
      type: 'object',
      properties: {
        linkWords: { type: 'array', items: { type: 'string', minLength: 1 } },
        maxFindings: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { linkWords: ['原文', '政策文件', '相关文件', '文件链接', '关联文件', '《'], maxFindings: 50 },
    defaultSeverity: 'warning',
    weight: 1,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const interp = a.columns.find((c) => c.id === 'policy-interpretation');
    const docs = a.columns.find((c) => c.id === 'policy-documents');
    const index = new PageIndex(subject.snapshot);
    const pages = (interp?.items ?? []).map((i) => index.get(i.url)).filter((p) => p && p.status < 400 && !p.error && p.kind === 'html');
    if (!pages.length) {
      context.notApplicable('no policy interpretation page was fetched');
      return;
    }
    const docUrls = new Set((docs?.items ?? []).filter((i) => i.url).map((i) => urlKey(i.url!)));
    const columnPages = new Set((interp?.pages ?? []).map(urlKey));
    const words = options.linkWords ?? [];
    let n = 0;
    for (const p of pages) {
      const here = urlKey(p!.finalUrl || p!.url);
      const linked = p!.links.some((l) => {
        if (l.area === 'nav' || l.area === 'footer' || !isInternal(l.url, a.site)) return false;
        const k = urlKey(l.url);
        if (k === here || columnPages.has(k)) return false;
        return docUrls.has(k) || DOC_NUMBER.test(l.text) || words.some((w) => l.text.includes(w));
      });
      if (linked) continue;
      if (n++ >= (options.maxFindings ?? 50)) break;
      const title = p!.meta.ArticleTitle ?? p!.title ?? p!.url;
      context.report({ messageId: 'unlinked', data: { title }, findingData: { title }, loc: { url: p!.finalUrl || p!.url } });
    }
  },
};
