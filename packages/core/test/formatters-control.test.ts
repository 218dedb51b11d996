import { describe, expect, it } from 'vitest';
import { escapeControl, github, stylish, type RunResult } from '../src/index.js';

const ESC = '\u001b';
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function run(): RunResult {
  return {
    tool: { name: 'gongkai', version: '0' },
    results: [
      {
        target: `/w/evil${ESC}[2J.md`,
        kind: 'report',
        score: 90,
        passed: true,
        findings: [{ ruleId: 'report/x', severity: 'warning', message: `“标题${ESC}]0;t\u0007\u202e”下没有内容`, line: 3, column: 1 }],
        notes: [`note${ESC}[31m`],
      },
      { target: `/w/bad${ESC}c.md`, kind: 'report', score: null, passed: false, findings: [], error: { code: 'load/empty', message: `x${ESC}[2Jy` } },
    ],
  } as unknown as RunResult;
}

describe('control characters in text formatters', () => {
  it('escapes C0, C1 and bidi controls visibly and keeps newlines and tabs', () => {
    expect(escapeControl(`a${ESC}[2Jb\u0007\u009b\u202e\t\n`)).toBe('a\\x1b[2Jb\\x07\\x9b\\u202e\t\n');
  });

  it('stylish and github print none of them raw', () => {
    const ctx = { locale: 'en' as const, color: true, rules: new Map(), cwd: '/w' };
    for (const text of [stylish(run(), ctx), github(run(), { ...ctx, color: false })]) {
      // stylish's own colours are the only escapes allowed: strip them before looking.
      expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW);
      expect(text).toContain('evil\\x1b[2J.md');
      expect(text).toContain('x\\x1b[2Jy');
    }
  });
});
