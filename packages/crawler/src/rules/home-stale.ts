import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { durationLabel, noOptionsSchema, reachableAnalysis } from './shared.js';

/** 检查指标 单项否决 "首页不更新": no new item on the home page within the two weeks before the check. */
export const homeStale: Rule<SiteSubject, Record<string, never>> = {
  meta: {
    id: 'site/home-stale',
    type: 'problem',
    subject: 'site',
    category: 'timeliness',
    description: { zh: '首页两周内无信息更新（单项否决）', en: 'No new item on the home page within two weeks (veto)' },
    messages: {
      old: {
        zh: '首页最新信息发布于 {newest}，{window}内没有更新（应有 {cutoff} 以后的信息；依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决“首页不更新”）',
        en: 'newest home page item is from {newest}: nothing new within {window} (expected something after {cutoff}; basis: website inspection indicators, 国办秘函〔2019〕19号, veto "home page not updated")',
      },
      undated: {
        zh: '首页信息均未注明发布日期，按未更新处理（依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决“首页不更新”；2015年全国政府网站普查：未注明信息发布时间的视为不更新）',
        en: 'no item on the home page shows a publication date, which counts as not updated (basis: website inspection indicators, 国办秘函〔2019〕19号, veto "home page not updated"; 2015 national website census: undated items count as not updated)',
      },
    },
    schema: noOptionsSchema,
    defaultOptions: {},
    defaultSeverity: 'error',
    weight: 10,
    veto: true,
  },
  check(subject, _options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a || a.home.stale !== true) return;
    const window = durationLabel(a.home.window, a.windows, context.locale);
    if (!a.home.newest) {
      context.report({ messageId: 'undated', findingData: { window: a.home.window }, loc: { url: a.home.url } });
      return;
    }
    context.report({
      messageId: 'old',
      data: { newest: a.home.newest.date, window, cutoff: a.home.cutoff },
      findingData: { newest: a.home.newest.date, title: a.home.newest.title, cutoff: a.home.cutoff, from: a.home.newestFrom },
      loc: { url: a.home.url },
    });
  },
};
