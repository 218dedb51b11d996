import type { Rule } from '@gongkai/core';
import { addDuration, subtractDuration } from '../analysis/calendar.js';
import type { SiteSubject } from '../analysis/subject.js';
import type { ConsultationMessage } from '../analysis/types.js';
import { durationLabel, reachableAnalysis } from './shared.js';

interface Options {
  responseWindow?: string;
  lookback?: string;
  excludeChannels?: string[];
  maxFindings?: number;
}

const duration = {
  type: 'string',
  pattern: '^[0-9]+[dwmy]$',
  errorMessage: 'must be a duration such as 3m, 90d or 1y',
} as const;

/**
 * 国办秘函〔2019〕19号 单项否决 互动回应差: no working 网上咨询建言 channel (网上信访、纪检举报 and similar special
 * channels do not count), or, within the year before the check, a 政务咨询 letter left without a response for more
 * than 3 months (在线访谈、调查征集、网上信访、纪检举报 columns excepted).
 */
export const interactionUnanswered: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/interaction-unanswered',
    type: 'problem',
    subject: 'site',
    category: 'interaction',
    description: { zh: '互动回应差：无咨询建言渠道或留言超过3个月未答复（单项否决）', en: 'No consultation channel, or letters unanswered for over 3 months (veto)' },
    messages: {
      noChannel: {
        zh: '未找到政务咨询类栏目（领导信箱、咨询投诉、网上咨询等），网站未提供有效的网上咨询建言渠道（单项否决；依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“互动回应差”）',
        en: 'no consultation channel (leader mailbox, enquiries and complaints, online consultation …) was found: the site offers no working channel for enquiries and suggestions (veto; basis: website inspection indicators, 国办秘函〔2019〕19号, "poor interaction")',
      },
      unanswered: {
        zh: '“{channel}”中 {asked} 的留言“{title}”至检查日 {asOf} 仍未答复，超过{window}（依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决“互动回应差”）',
        en: '"{channel}": the letter "{title}" of {asked} is still unanswered on {asOf}, more than {window} later (basis: website inspection indicators, 国办秘函〔2019〕19号, veto "poor interaction")',
      },
      late: {
        zh: '“{channel}”中 {asked} 的留言“{title}”于 {answered} 才答复，超过{window}（依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决“互动回应差”）',
        en: '"{channel}": the letter "{title}" of {asked} was only answered on {answered}, more than {window} later (basis: website inspection indicators, 国办秘函〔2019〕19号, veto "poor interaction")',
      },
    },
    schema: {
      type: 'object',
      properties: {
        responseWindow: duration,
        lookback: duration,
        excludeChannels: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        maxFindings: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { responseWindow: '3m', lookback: '1y', excludeChannels: ['访谈', '征集', '信访', '纪检', '纪委', '监察'], maxFindings: 50 },
    defaultSeverity: 'error',
    weight: 10,
    veto: true,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const exclude = options.excludeChannels ?? [];
    const counts = (name: string) => !exclude.some((w) => name.normalize('NFKC').includes(w.normalize('NFKC')));
    const channels = a.interaction.channels.filter((c) => counts(c.name));
    if (!channels.length) {
      if (!a.interaction.required) {
        context.notApplicable(`no consultation channel is required at level ${a.level}`);
        return;
      }
      context.report({
        messageId: 'noChannel',
        data: {},
        findingData: { excluded: a.interaction.channels.map((c) => ({ name: c.name, url: c.url })) },
        loc: { url: a.site },
      });
      return;
    }
    const window = options.responseWindow ?? '3m';
    const since = subtractDuration(a.asOf, options.lookback ?? '1y');
    const kept = new Set(channels.map((c) => c.url));
    const inScope = a.interaction.messages.filter((m): m is ConsultationMessage & { asked: string } => kept.has(m.channel) && !!m.asked && m.asked >= since && m.asked <= a.asOf);
    if (!inScope.length) {
      context.notApplicable('no letter of the past year shows its 留言时间');
      return;
    }
    const label = durationLabel(window, a.windows, context.locale);
    const max = options.maxFindings ?? 50;
    let reported = 0;
    for (const m of inScope.sort((x, y) => x.asked.localeCompare(y.asked) || x.title.localeCompare(y.title))) {
      if (reported >= max) break;
      const due = addDuration(m.asked, window);
      const common = { channel: m.channelName, title: m.title, asked: m.asked, window: label };
      const facts = { channelUrl: m.channel, askedSource: m.askedSource, due, responseWindow: window, statusText: m.statusText };
      if (m.answered) {
        if (m.answered <= due) continue;
        reported++;
        context.report({
          messageId: 'late',
          data: { ...common, answered: m.answered },
          findingData: { ...facts, asked: m.asked, answered: m.answered, ...(m.answeredSource ? { answeredSource: m.answeredSource } : {}), title: m.title },
          loc: { url: m.url ?? m.channel },
        });
      } else if (m.status === 'pending' && a.asOf > due) {
        reported++;
        context.report({
          messageId: 'unanswered',
          data: { ...common, asOf: a.asOf },
          findingData: { ...facts, asked: m.asked, title: m.title },
          loc: { url: m.url ?? m.channel },
        });
      }
    }
  },
};
