import { describe, expect, it } from 'vitest';
import { stylish, getFormatter, formatters, displayWidth, stripAnsi } from '../src/formatters/index.js';
import type { RunResult } from '../src/types.js';
import { CWD, EXPECTED, RULES, sampleRun } from './fixtures/formatters/sample-run.js';

const zh = { locale: 'zh-CN' as const, color: false, rules: RULES, cwd: CWD };
const en = { ...zh, locale: 'en' as const };

// Measured independently of the module under test so a broken displayWidth cannot agree with itself.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
function cols(s: string): number {
  return [...s].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);
}

function blocks(out: string): string[][] {
  return out
    .trimEnd()
    .split('\n\n')
    .map((b) => b.split('\n'));
}

describe('stylish', () => {
  it('is the registry entry and unknown names are undefined', () => {
    expect(getFormatter('stylish')).toBe(stylish);
    expect(getFormatter('toString')).toBeUndefined();
    expect(getFormatter('nope')).toBeUndefined();
    expect(Object.keys(formatters).sort()).toEqual(['github', 'html', 'json', 'junit', 'sarif', 'stylish']);
  });

  it('groups findings under each target, relative to cwd, with a score line', () => {
    const out = stylish(sampleRun(), zh);
    expect(out).not.toContain('\u001b[');
    const bs = blocks(out);
    const md = bs.find((b) => b[0] === 'reports/2024年度政府信息公开工作年度报告.md')!;
    expect(md).toBeDefined();
    // three unsuppressed findings, one note, the score line
    expect(md).toHaveLength(1 + 3 + 1 + 1);
    expect(md[1]).toMatch(/^ {2}12:1 +警告 {2}“（三）政府信息管理”下没有内容 +report\/empty-section$/);
    expect(md[2]).toMatch(/^ {2}48:5 表3 第2行 第8列 {2}错误 {2}表3/);
    expect(md[3]).toContain('<b>&</b>');
    expect(md[4]).toBe('  · 检测到编码 GB18030');
    expect(md[5]).toBe('  得分 84 分 · 合格 · 等级 良好 · 合格线 60 · 另有 1 个问题已被抑制');
    expect(out).not.toContain('350余条');
  });

  it('aligns columns by display width even with CJK text', () => {
    const out = stylish(sampleRun(), zh);
    for (const b of blocks(out)) {
      const rows = b.filter((l) => /\s(report|site)\/[\w-]+$/.test(l));
      if (rows.length < 2) continue;
      // The rule id column starts at the same display column in every row of a target.
      const starts = rows.map((l) => cols(l.slice(0, l.lastIndexOf('  ') + 2)));
      expect(new Set(starts).size).toBe(1);
      // and the severity column too
      const sevStarts = rows.map((l) => {
        const m = /(错误|警告|提示)/.exec(l)!;
        return cols(l.slice(0, m.index));
      });
      expect(new Set(sevStarts).size).toBe(1);
    }
  });

  it('prints pages, paragraphs and URLs relative to the site', () => {
    const out = stylish(sampleRun(), zh);
    expect(out).toMatch(/\n {2}第1页 +错误 {2}缺少/);
    expect(out).toMatch(/\n {2}第3页 第7段 +警告/);
    expect(out).toMatch(/\n {2}\/zwgk\/tzgg\/ +错误 {2}“通知公告”栏目/);
    expect(out).toMatch(/\n {2}第41段 +警告/);
    const en1 = stylish(sampleRun(), en);
    expect(en1).toMatch(/\n {2}p\.3 ¶7 +warning/);
    expect(en1).toMatch(/\n {2}¶41 +warning/);
  });

  it('shows vetoed rules and the attachment parent', () => {
    const out = stylish(sampleRun(), zh);
    expect(out).toContain('得分 86 分 · 不合格 · 等级 良好 · 合格线 60 · 否决项：site/stale-column');
    expect(out).toContain('↳ https://www.example-county.gov.cn/zwgk/ndbg/2023年报.docx （https://www.example-county.gov.cn/ 的附属结果）');
  });

  it('prints a load error as one line and no score line', () => {
    const bs = blocks(stylish(sampleRun(), zh));
    const bad = bs.find((b) => b[0] === 'reports/损坏的报告.docx')!;
    expect(bad).toEqual(['reports/损坏的报告.docx', '  ✖ 无法检查：文件不是有效的 Word 文档（zip 结构损坏）（load-failed）']);
  });

  it('ends with a multi-site table and the totals', () => {
    const lines = stylish(sampleRun(), zh).trimEnd().split('\n');
    expect(lines.at(-2)).toBe(
      `✖ 共 ${EXPECTED.error + EXPECTED.warning + EXPECTED.info} 个问题（${EXPECTED.error} 个错误，${EXPECTED.warning} 个警告，${EXPECTED.info} 个提示）`,
    );
    expect(lines.at(-1)).toBe('共检查 5 个对象：2 个合格，2 个不合格，1 个无法检查');
    const head = lines.findIndex((l) => l.startsWith('检查对象'));
    expect(head).toBeGreaterThan(0);
    expect(lines[head]).toMatch(/^检查对象 +得分 {2}结论 {4}主要问题$/);
    expect(lines[head + 1]).toMatch(/^https:\/\/www\.example-county\.gov\.cn\/ +86 +不合格 {2}site\/broken-link×2，site\/missing-column×1，site\/stale-column×1$/);
    expect(lines[head + 2]).toMatch(/^https:\/\/www\.sample-town\.gov\.cn\/ +95 +合格 +site\/broken-link×3$/);
    // the 结论 column lines up although 合格 and 不合格 differ in width
    const col = (l: string, s: string) => cols(l.slice(0, l.indexOf(s)));
    expect(col(lines[head + 1], 'site/')).toBe(col(lines[head + 2], 'site/'));
  });

  it('has no site table for a single site and says so when nothing was found', () => {
    const run: RunResult = {
      tool: { name: 'gongkai', version: '0.1.0' },
      results: [{ target: 'https://a.gov.cn/', kind: 'site', score: 100, passed: true, findings: [] }],
    };
    const out = stylish(run, zh);
    expect(out).toBe('https://a.gov.cn/\n  未发现问题\n  得分 100 分 · 合格\n\n✔ 未发现问题\n');
    expect(stylish(run, en)).toContain('score 100/100 · passed');
  });

  it('measures CJK, full-width punctuation, combining marks and colour codes', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('政府信息公开')).toBe(12);
    expect(displayWidth('（一）')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('\u001b[31m错误\u001b[0m')).toBe(4);
    expect(displayWidth('𠀀')).toBe(2);
  });

  it('colours only when asked, and colour does not change the text', () => {
    const plain = stylish(sampleRun(), zh);
    const coloured = stylish(sampleRun(), { ...zh, color: true });
    expect(coloured).toContain('\u001b[31m');
    expect(coloured).toContain('\u001b[33m');
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('uses English labels with locale en', () => {
    const out = stylish(sampleRun(), en);
    expect(out).toContain('score 52.5/100 · failed · grade 不合格 · pass line 60');
    expect(out).toContain('could not be checked: 文件不是有效的 Word 文档（zip 结构损坏） (load-failed)');
    expect(out).toMatch(/\ntarget +score {2}result {2}top problems\n/);
    expect(out).not.toMatch(/得分|合格线|否决项/);
  });
});
