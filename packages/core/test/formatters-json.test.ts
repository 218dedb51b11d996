import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { json, parseJsonResult } from '../src/formatters/index.js';
import { isGongkaiError } from '../src/errors.js';
import type { RunResult } from '../src/types.js';
import { CWD, RULES, sampleRun } from './fixtures/formatters/sample-run.js';

const ctx = { locale: 'zh-CN' as const, color: false, rules: RULES, cwd: CWD };
const golden = fileURLToPath(new URL('./fixtures/formatters/sample-run.golden.json', import.meta.url));

describe('json', () => {
  it('matches the golden contract file (UPDATE_GOLDEN=1 rewrites it after a deliberate change)', () => {
    const out = json(sampleRun(), ctx);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, out);
    expect(out).toBe(readFileSync(golden, 'utf8'));
  });

  it('uses a fixed key order, 2-space indent and omits undefined keys', () => {
    const out = json(sampleRun(), ctx);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "tool": {');
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['tool', 'results']);
    expect(doc.tool).toEqual({ name: 'gongkai', version: '0.1.0' });
    const [md, pdf, site, , broken] = doc.results;
    expect(Object.keys(md)).toEqual(['target', 'kind', 'score', 'passed', 'grade', 'categories', 'scoring', 'notes', 'findings']);
    expect(Object.keys(site)).toEqual(['target', 'kind', 'score', 'passed', 'grade', 'categories', 'scoring', 'attachments', 'findings']);
    expect(Object.keys(broken)).toEqual(['target', 'kind', 'score', 'passed', 'error', 'findings']);
    expect(broken.score).toBeNull();
    expect(Object.keys(md.scoring)).toEqual(['score', 'passed', 'passLine', 'grade', 'vetoed', 'categories', 'rules']);
    expect(Object.keys(md.scoring.rules[0])).toEqual(['ruleId', 'category', 'weight', 'max', 'findings', 'deducted', 'veto', 'applicable']);
    expect(Object.keys(md.findings[0])).toEqual([
      'ruleId', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'data', 'docsUrl',
    ]);
    expect(Object.keys(md.findings[2])).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'data', 'fix', 'docsUrl']);
    expect(md.findings[3].suppressed).toBe(true);
    expect(Object.keys(pdf.findings[1])).toEqual(['ruleId', 'severity', 'message', 'page', 'path', 'docsUrl']);
    expect(Object.keys(site.findings[0])).toEqual(['ruleId', 'severity', 'message', 'url', 'data', 'docsUrl']);
    expect(site.scoring.vetoed).toEqual(['site/stale-column']);
    expect(site.attachments[0].findings[0].paragraph).toBe(41);
  });

  it('does not depend on the order keys were set in', () => {
    const a = sampleRun();
    const b = sampleRun();
    const f = b.results[0].findings[0];
    // Rebuild the same finding with keys in another order, data included.
    b.results[0].findings[0] = {
      docsUrl: f.docsUrl,
      data: { heading: '（三）政府信息管理' },
      endColumn: f.endColumn,
      column: f.column,
      line: f.line,
      endLine: f.endLine,
      messageId: f.messageId,
      message: f.message,
      severity: f.severity,
      ruleId: f.ruleId,
    };
    b.results[2].findings[3].data = { days: 151, lastUpdate: '2023-11-02', column: '通知公告' };
    expect(json(b, ctx)).toBe(json(a, ctx));
    expect(json(b, ctx)).toContain('"column": "通知公告",\n            "days": 151,');
  });

  it('round-trips through parseJsonResult', () => {
    const run = sampleRun();
    const abs = { ...ctx, cwd: undefined };
    const back = parseJsonResult(json(run, abs));
    expect(back).toEqual(JSON.parse(JSON.stringify(run)));
    expect(json(back, abs)).toBe(json(run, abs));
    // with cwd, file targets come back relative and URLs unchanged
    const rel = parseJsonResult(json(run, ctx));
    expect(rel.results.map((r) => r.target)).toEqual([
      'reports/2024年度政府信息公开工作年度报告.md',
      'reports/某县2023年报.pdf',
      'https://www.example-county.gov.cn/',
      'https://www.sample-town.gov.cn/',
      'reports/损坏的报告.docx',
    ]);
    expect(json(rel, ctx)).toBe(json(run, ctx));
    // a UTF-8 BOM written by some editors is tolerated
    expect(parseJsonResult('\uFEFF' + json(run, ctx)).results).toHaveLength(5);
  });

  it('rejects what is not a gongkai result with a GongkaiError naming the place', () => {
    const bad = (text: string) => {
      try {
        parseJsonResult(text);
      } catch (e) {
        expect(isGongkaiError(e)).toBe(true);
        return (e as Error).message;
      }
      throw new Error('expected a rejection');
    };
    expect(bad('not json')).toMatch(/\(root\)/);
    expect(bad('{"tool":{"name":"eslint","version":"9"},"results":[]}')).toMatch(/tool/);
    const base = JSON.parse(json(sampleRun(), ctx)) as { results: Array<Record<string, any>> };
    base.results[1].findings[0].severity = 'fatal';
    expect(bad(JSON.stringify(base))).toMatch(/results\[1\]\.findings\[0\]\.severity/);
    const base2 = JSON.parse(json(sampleRun(), ctx)) as { results: Array<Record<string, any>> };
    base2.results[2].attachments[0].kind = 'pdf';
    expect(bad(JSON.stringify(base2))).toMatch(/results\[2\]\.attachments\[0\]\.kind/);
    const base3 = JSON.parse(json(sampleRun(), ctx)) as { results: Array<Record<string, any>> };
    base3.results[0].scoring.rules[1].deducted = '2';
    expect(bad(JSON.stringify(base3))).toMatch(/results\[0\]\.scoring\.rules\[1\]\.deducted/);
  });

  it('the example in docs/json-format.md is real output of this formatter', () => {
    const md = readFileSync(new URL('../../../docs/json-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(md)![1];
    const run = parseJsonResult(example);
    expect(json(run, { ...ctx, cwd: undefined })).toBe(example);
    const kinds = run.results.map((r) => [r.kind, r.error?.code ?? null, r.scoring?.vetoed.length ?? null]);
    expect(kinds).toEqual([
      ['report', null, 0],
      ['site', null, 1],
      ['report', 'load-failed', null],
    ]);
  });

  it('keeps non-finite numbers valid JSON', () => {
    const run: RunResult = {
      tool: { name: 'gongkai', version: '0.1.0' },
      results: [
        {
          target: 'a.md',
          kind: 'report',
          score: 100,
          passed: true,
          findings: [{ ruleId: 'report/x', severity: 'info', message: 'm', data: { ratio: Number.NaN, when: undefined, list: [1, undefined] } }],
        },
      ],
    };
    const doc = JSON.parse(json(run, ctx));
    expect(doc.results[0].findings[0].data).toEqual({ list: [1, null], ratio: null });
  });
});
