import type { Locale, LocalizedText } from '../types.js';

/** Fills `{name}` placeholders. Unknown placeholders are left visible so a missing value is noticed, not hidden. */
export function fillTemplate(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key];
    if (v === undefined || v === null) return whole;
    if (Array.isArray(v)) return v.join('、');
    return String(v);
  });
}

export function pick(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

export function localize(text: LocalizedText, locale: Locale, data?: Record<string, unknown>): string {
  return fillTemplate(pick(text, locale), data);
}

/** Accepts the spellings users type: zh, zh-CN, zh_CN, cn, en, en-US. */
export function parseLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase().replace('_', '-');
  if (v === 'zh' || v === 'zh-cn' || v === 'cn' || v === 'zh-hans') return 'zh-CN';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return undefined;
}
