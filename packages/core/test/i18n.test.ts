import { describe, expect, it } from 'vitest';
import { fillTemplate, parseLocale, t } from '@gongkai/core';

describe('i18n', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(fillTemplate('缺少{section}，见{where}', { section: '总体情况' })).toBe('缺少总体情况，见{where}');
  });
  it('renders engine strings in both locales', () => {
    expect(t('severity.error', 'zh-CN')).toBe('错误');
    expect(t('severity.error', 'en')).toBe('error');
  });
  it('parses locale spellings', () => {
    expect(parseLocale('zh')).toBe('zh-CN');
    expect(parseLocale('en-US')).toBe('en');
    expect(parseLocale('fr')).toBeUndefined();
  });
});
