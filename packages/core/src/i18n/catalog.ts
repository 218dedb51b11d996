import type { Locale, LocalizedText } from '../types.js';
import { localize } from './format.js';

/**
 * Engine-level strings (errors, formatter labels). Rules carry their own messages in `meta.messages`; front ends
 * register theirs with `registerMessages` so every user-facing string comes from one zh/en catalog.
 */
const catalog = new Map<string, LocalizedText>();

export function registerMessages(entries: Record<string, LocalizedText>): void {
  for (const [key, text] of Object.entries(entries)) catalog.set(key, text);
}

export function t(key: string, locale: Locale, data?: Record<string, unknown>): string {
  const text = catalog.get(key);
  if (!text) return key;
  return localize(text, locale, data);
}

/** Both renderings of a catalog entry, for errors thrown before the locale is known. */
export function messagePair(key: string, data?: Record<string, unknown>): LocalizedText {
  return { zh: t(key, 'zh-CN', data), en: t(key, 'en', data) };
}

export function hasMessage(key: string): boolean {
  return catalog.has(key);
}

registerMessages({
  'severity.error': { zh: '错误', en: 'error' },
  'severity.warning': { zh: '警告', en: 'warning' },
  'severity.info': { zh: '提示', en: 'info' },
  'result.passed': { zh: '合格', en: 'passed' },
  'result.failed': { zh: '不合格', en: 'failed' },
  'result.score': { zh: '得分', en: 'score' },
  'result.noFindings': { zh: '未发现问题', en: 'no problems found' },
  'result.summary': {
    zh: '共 {total} 个问题（{errors} 个错误，{warnings} 个警告，{infos} 个提示）',
    en: '{total} problems ({errors} errors, {warnings} warnings, {infos} info)',
  },
  'result.vetoed': { zh: '否决项：{rules}', en: 'veto items: {rules}' },
  'engine.internalError': {
    zh: '规则 {rule} 在检查时出错：{message}',
    en: 'rule {rule} crashed while checking: {message}',
  },
  'engine.unusedDirective': {
    zh: '未使用的 gongkai-disable 指令{rules}',
    en: 'unused gongkai-disable directive{rules}',
  },
});
