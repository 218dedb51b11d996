import { describe, expect, it } from 'vitest';
import {
  displayTarget,
  flattenTargets,
  formatLocation,
  formatScore,
  topRules,
  padEndDisplay,
} from '../src/formatters/index.js';
import type { Finding } from '../src/types.js';
import { sampleRun } from './fixtures/formatters/sample-run.js';

const f = (extra: Partial<Finding>): Finding => ({ ruleId: 'report/x', severity: 'error', message: 'm', ...extra });

describe('formatter helpers', () => {
  it('formats every kind of location in both locales', () => {
    expect(formatLocation(f({ line: 3, column: 7 }), 'zh-CN')).toBe('3:7');
    expect(formatLocation(f({ line: 3 }), 'zh-CN')).toBe('3');
    expect(formatLocation(f({ page: 2, line: 14, column: 1 }), 'zh-CN')).toBe('第2页 14:1');
    expect(formatLocation(f({ page: 2, line: 14, column: 1 }), 'en')).toBe('p.2 14:1');
    expect(formatLocation(f({ paragraph: 9 }), 'zh-CN')).toBe('第9段');
    expect(formatLocation(f({ path: '表2 第3行' }), 'en')).toBe('表2 第3行');
    expect(formatLocation(f({}), 'zh-CN')).toBe('');
    const site = 'https://www.a.gov.cn/';
    expect(formatLocation(f({ url: 'https://www.a.gov.cn/zwgk/%E5%B9%B4%E6%8A%A5/' }), 'zh-CN', site)).toBe('/zwgk/年报/');
    expect(formatLocation(f({ url: 'https://www.a.gov.cn' }), 'zh-CN', site)).toBe('/');
    expect(formatLocation(f({ url: 'https://other.gov.cn/x' }), 'zh-CN', site)).toBe('https://other.gov.cn/x');
    expect(formatLocation(f({ url: 'https://www.a.gov.cn/%E5%B9' }), 'zh-CN', site)).toBe('/%E5%B9');
  });

  it('shows file targets relative to cwd, on any platform', () => {
    expect(displayTarget('/w/a/b.md', '/w/a')).toBe('b.md');
    expect(displayTarget('/w/a/b.md', '/w/a/')).toBe('b.md');
    expect(displayTarget('/w/ab/c.md', '/w/a')).toBe('/w/ab/c.md');
    expect(displayTarget('C:\\w\\报告\\年报.pdf', 'C:\\w')).toBe('报告/年报.pdf');
    expect(displayTarget('https://a.gov.cn/', '/w')).toBe('https://a.gov.cn/');
    expect(displayTarget('/w/a/b.md')).toBe('/w/a/b.md');
  });

  it('ranks the most frequent problems, severity breaking ties', () => {
    const list = [
      f({ ruleId: 'site/b', severity: 'warning' }),
      f({ ruleId: 'site/a', severity: 'warning' }),
      f({ ruleId: 'site/c', severity: 'error' }),
      f({ ruleId: 'site/a', severity: 'warning' }),
      f({ ruleId: 'site/d', severity: 'info' }),
      f({ ruleId: 'site/z', severity: 'error', suppressed: true }),
      f({ ruleId: 'site/z', severity: 'error', suppressed: true }),
    ];
    expect(topRules(list, 3)).toEqual([
      { ruleId: 'site/a', count: 2 },
      { ruleId: 'site/c', count: 1 },
      { ruleId: 'site/b', count: 1 },
    ]);
  });

  it('prints scores as integers or one decimal', () => {
    expect(formatScore(84, 'zh-CN')).toBe('84');
    expect(formatScore(52.5, 'zh-CN')).toBe('52.5');
    expect(formatScore(66.67, 'en')).toBe('66.7');
    expect(formatScore(null, 'zh-CN')).toBe('无得分');
    expect(formatScore(null, 'en')).toBe('no score');
  });

  it('lists attachments right after their parent', () => {
    const flat = flattenTargets(sampleRun().results);
    expect(flat.map((x) => x.depth)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(flat[3].parent?.target).toBe('https://www.example-county.gov.cn/');
  });

  it('pads by display width', () => {
    expect(padEndDisplay('合格', 6)).toBe('合格  ');
    expect(padEndDisplay('不合格', 6)).toBe('不合格');
    expect(padEndDisplay('ok', 6)).toBe('ok    ');
  });
});
