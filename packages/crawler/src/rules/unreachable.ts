import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { analysisOf, noOptionsSchema } from './shared.js';

const REASONS = {
  'no-page': { zh: '抓取未能取得首页', en: 'the crawl could not get the home page' },
  down: { zh: '站点连续无响应', en: 'the host stopped answering' },
  network: { zh: '网络错误', en: 'network error' },
  'http-status': { zh: 'HTTP 状态码', en: 'HTTP status' },
  'soft-404': { zh: '首页内容为“页面不存在”', en: 'the home page says "page not found"' },
} as const;

/** 检查指标 单项否决 "站点无法访问": a site whose home page cannot be opened fails outright. */
export const unreachable: Rule<SiteSubject, Record<string, never>> = {
  meta: {
    id: 'site/unreachable',
    type: 'problem',
    subject: 'site',
    category: 'availability',
    description: { zh: '网站首页无法访问（单项否决）', en: 'The home page cannot be opened (veto)' },
    messages: {
      unreachable: { zh: '网站首页 {url} 无法访问：{reason}{detail}（依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决“站点无法访问”）', en: 'home page {url} cannot be opened: {reason}{detail} (basis: website inspection indicators, 国办秘函〔2019〕19号, veto "site cannot be opened")' },
    },
    schema: noOptionsSchema,
    defaultOptions: {},
    defaultSeverity: 'error',
    weight: 10,
    veto: true,
  },
  check(subject, _options, context) {
    const { home } = analysisOf(subject, context);
    if (home.reachable) return;
    const reason = REASONS[home.reason ?? 'no-page'][context.locale === 'en' ? 'en' : 'zh'];
    const en = context.locale === 'en';
    const detail = home.error ? (en ? ` (${home.error.code})` : `（${home.error.code}）`) : home.status ? ` ${home.status}` : '';
    context.report({
      messageId: 'unreachable',
      data: { url: home.url, reason, detail },
      findingData: { reason: home.reason, status: home.status, error: home.error },
      loc: { url: home.url },
    });
  },
};
