import { describe, expect, it } from 'vitest';
import { github, type FormatContext, type RunResult } from '@gongkai/core';

const ctx: FormatContext = { locale: 'zh-CN', color: false, rules: new Map(), cwd: '/repo' };

const run: RunResult = {
  tool: { name: 'gongkai', version: '0.0.0' },
  results: [
    {
      target: '/repo/reports/2024年报.md',
      kind: 'report',
      score: 80,
      passed: true,
      findings: [
        { ruleId: 'report/sum-mismatch', severity: 'error', message: '分项之和（118）小于总数：120条', line: 11, column: 18, endLine: 11, endColumn: 30 },
        { ruleId: 'report/placeholder', severity: 'warning', message: '模板文字“XX”\n第二行', line: 3, column: 5 },
        { ruleId: 'report/timeliness', severity: 'info', message: '100% 未知', line: 1, column: 1 },
        { ruleId: 'report/placeholder', severity: 'warning', message: 'hidden', line: 4, suppressed: true },
      ],
    },
    {
      target: 'https://www.example.gov.cn/',
      kind: 'site',
      score: 90,
      passed: true,
      findings: [{ ruleId: 'site/broken-link', severity: 'warning', message: '链接无法打开（404）', url: 'https://www.example.gov.cn/a,b.html' }],
    },
    { target: '/repo/reports/损坏.docx', kind: 'report', score: null, passed: false, findings: [], error: { code: 'load/corrupt', message: '文件已损坏' } },
  ],
};

describe('github formatter', () => {
  it('writes one escaped workflow command per finding', () => {
    expect(github(run, ctx).split('\n')).toEqual([
      '::error file=reports/2024年报.md,line=11,col=18,endLine=11,endColumn=30,title=report/sum-mismatch::分项之和（118）小于总数：120条',
      '::warning file=reports/2024年报.md,line=3,col=5,title=report/placeholder::模板文字“XX”%0A第二行',
      '::notice file=reports/2024年报.md,line=1,col=1,title=report/timeliness::100%25 未知',
      '::warning title=site/broken-link::https://www.example.gov.cn/a,b.html: 链接无法打开（404）',
      '::error file=reports/损坏.docx,title=load/corrupt::文件已损坏',
      '',
    ]);
  });

  it('prints nothing for a clean run', () => {
    expect(github({ tool: run.tool, results: [{ target: 'a.md', kind: 'report', score: 100, passed: true, findings: [] }] }, ctx)).toBe('');
  });
});
