import type { Rule } from '@gongkai/core';
import { comparableDate } from '../analysis/calendar.js';
import { windowCutoff } from '../analysis/columns.js';
import type { SiteSubject } from '../analysis/subject.js';
import type { ColumnResult } from '../analysis/types.js';
import { durationLabel, joinNames, reachableAnalysis } from './shared.js';

interface Options {
  staleThreshold?: number;
  emptyThreshold?: number;
  kinds?: Array<'dynamic' | 'notice' | 'policy' | 'other'>;
  longStaleThreshold?: number;
  longStaleWindow?: string;
}

function unique(cols: ColumnResult[]): ColumnResult[] {
  const seen = new Set<string>();
  return cols.filter((c) => c.location && !seen.has(c.location.url) && seen.add(c.location.url));
}

/**
 * 检查指标 单项否决 栏目不更新, three conditions: ≥5 动态要闻/通知公告/政策文件 columns not updated in their windows;
 * ≥10 应更新 columns (any column with a freshness window) not updated for a long time (default 1 year); ≥5 空白栏目.
 */
export const tooManyStaleColumns: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/too-many-stale-columns',
    type: 'problem',
    subject: 'site',
    category: 'timeliness',
    description: { zh: '未更新或空白栏目过多（单项否决）', en: 'Too many stale or empty columns (veto)' },
    messages: {
      stale: {
        zh: '{count}个动态、通知公告、政策文件类栏目未按期更新（达到{threshold}个即单项否决，依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“栏目不更新”）：{names}',
        en: '{count} news/notice/policy columns are not updated in time ({threshold} or more fails the site; basis: website inspection indicators, 国办秘函〔2019〕19号, veto "columns not updated"): {names}',
      },
      longStale: {
        zh: '{count}个应更新栏目超过{window}未更新（达到{threshold}个即单项否决，依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“栏目不更新”）：{names}',
        en: '{count} columns that should be updated have not been for more than {window} ({threshold} or more fails the site; basis: website inspection indicators, 国办秘函〔2019〕19号, veto "columns not updated"): {names}',
      },
      empty: {
        zh: '{count}个空白栏目（达到{threshold}个即单项否决，依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“栏目不更新”）：{names}',
        en: '{count} empty columns ({threshold} or more fails the site; basis: website inspection indicators, 国办秘函〔2019〕19号, veto "columns not updated"): {names}',
      },
    },
    schema: {
      type: 'object',
      properties: {
        staleThreshold: { type: 'integer', minimum: 1 },
        emptyThreshold: { type: 'integer', minimum: 1 },
        kinds: { type: 'array', items: { enum: ['dynamic', 'notice', 'policy', 'other'] }, uniqueItems: true },
        longStaleThreshold: { type: 'integer', minimum: 1 },
        longStaleWindow: {
          type: 'string',
          pattern: '^([0-9]+[dwmy]|[A-Za-z0-9_-]+)$',
          errorMessage: 'must be a window name from data.windows (1y) or a duration such as 12m or 365d',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { staleThreshold: 5, emptyThreshold: 5, kinds: ['dynamic', 'notice', 'policy'], longStaleThreshold: 10, longStaleWindow: '1y' },
    defaultSeverity: 'error',
    weight: 20,
    veto: true,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const kinds = new Set(options.kinds ?? ['dynamic', 'notice', 'policy']);
    const all = [...a.columns, ...a.otherColumns];
    const stale = unique(all.filter((c) => c.stale === true && kinds.has(c.kind)));
    const empty = unique(all.filter((c) => c.empty));
    const st = options.staleThreshold ?? 5;
    const et = options.emptyThreshold ?? 5;
    const lt = options.longStaleThreshold ?? 10;
    const longWindow = options.longStaleWindow ?? '1y';
    const longCutoff = windowCutoff(longWindow, a.windows, a.asOf)!;
    // 应更新栏目: every column with a freshness window (the analysis leaves it unset on empty columns, which the
    // third condition counts). Undated columns count: 未注明信息发布时间的视为不更新.
    const longStale = unique(
      all.filter((c) => c.freshness && (!c.newest || comparableDate(c.newest.date!, a.asOf) < longCutoff)),
    );
    const listed = (cols: ColumnResult[]) =>
      cols.map((c) => ({ id: c.id, name: c.name, url: c.location!.url, ...(c.newest ? { newest: c.newest.date } : { undated: true }) }));
    if (stale.length >= st) {
      context.report({
        messageId: 'stale',
        data: { count: stale.length, threshold: st, names: joinNames(stale.map((c) => c.name), context.locale) },
        findingData: { condition: 'stale', count: stale.length, threshold: st, columns: listed(stale) },
        loc: { url: a.site },
      });
    }
    if (longStale.length >= lt) {
      context.report({
        messageId: 'longStale',
        data: { count: longStale.length, threshold: lt, window: durationLabel(longWindow, a.windows, context.locale), names: joinNames(longStale.map((c) => c.name), context.locale) },
        findingData: { condition: 'long-stale', count: longStale.length, threshold: lt, window: longWindow, cutoff: longCutoff, columns: listed(longStale) },
        loc: { url: a.site },
      });
    }
    if (empty.length >= et) {
      context.report({
        messageId: 'empty',
        data: { count: empty.length, threshold: et, names: joinNames(empty.map((c) => c.name), context.locale) },
        findingData: { condition: 'empty', count: empty.length, threshold: et, columns: empty.map((c) => ({ id: c.id, name: c.name, url: c.location!.url })) },
        loc: { url: a.site },
      });
    }
  },
};
