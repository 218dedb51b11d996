import { describe, expect, it } from 'vitest';
import { escapeXml, junit } from '../src/formatters/index.js';
import type { RunResult } from '../src/types.js';
import { elements, parseXml, textOf, type XmlElement } from './fixtures/formatters/mini-xml.js';
import { CWD, RULES, sampleRun } from './fixtures/formatters/sample-run.js';

const ctx = { locale: 'zh-CN' as const, color: false, rules: RULES, cwd: CWD };

function suites(xml: string): XmlElement[] {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  return elements(root, 'testsuite');
}

describe('junit', () => {
  it('is well-formed XML with one suite per target, attachments included', () => {
    const xml = junit(sampleRun(), ctx);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const s = suites(xml);
    expect(s.map((x) => x.attrs.name)).toEqual([
      'reports/2024年度政府信息公开工作年度报告.md',
      'reports/某县2023年报.pdf',
      'https://www.example-county.gov.cn/',
      'https://www.example-county.gov.cn/zwgk/ndbg/2023年报.docx',
      'https://www.sample-town.gov.cn/',
      'reports/损坏的报告.docx',
    ]);
    const root = parseXml(xml);
    const total = (k: string) => s.reduce((n, x) => n + Number(x.attrs[k]), 0);
    expect(Number(root.attrs.tests)).toBe(total('tests'));
    expect(Number(root.attrs.failures)).toBe(total('failures'));
    expect(Number(root.attrs.errors)).toBe(1);
  });

  it('has one test case per rule that ran and a failure per error or warning finding', () => {
    const [md, pdf, site] = suites(junit(sampleRun(), ctx));
    const cases = elements(md, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([
      'report/required-section',
      'report/empty-section',
      'report/table-sum',
      'report/date-format',
      'report/publish-deadline',
    ]);
    expect(md.attrs).toMatchObject({ tests: '5', failures: '3', errors: '0', skipped: '1' });
    expect(elements(cases[0])).toEqual([]);
    expect(elements(cases[4], 'skipped')[0].attrs.message).toBe('不适用');
    const dateFailure = elements(cases[3], 'failure');
    // the suppressed info finding does not show up at all
    expect(dateFailure).toHaveLength(1);
    expect(dateFailure[0].attrs.type).toBe('warning');
    expect(dateFailure[0].attrs.message).toBe('日期“二〇二四年三月”与全文格式“2024年3月1日”不一致 <b>&</b>');
    expect(textOf(dateFailure[0]).split('\n')[0]).toBe('102:17');

    const sum = elements(pdf, 'testcase').find((c) => c.attrs.name === 'report/table-sum')!;
    const f = elements(sum, 'failure');
    expect(f.map((x) => x.attrs.type)).toEqual(['error', 'warning']);
    expect(textOf(f[1]).split('\n')[0]).toBe('第3页 第7段');

    const props = Object.fromEntries(elements(elements(site, 'properties')[0], 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toEqual({ kind: 'site', score: '86', passed: 'false', grade: '良好', vetoed: 'site/stale-column' });
    const stale = elements(site, 'testcase').find((c) => c.attrs.name === 'site/stale-column')!;
    expect(textOf(elements(stale, 'failure')[0])).toContain('/zwgk/tzgg/');
  });

  it('puts info findings in system-out, not in failures', () => {
    const town = suites(junit(sampleRun(), ctx))[4];
    const link = elements(town, 'testcase').find((c) => c.attrs.name === 'site/broken-link')!;
    expect(elements(link, 'failure')).toHaveLength(2);
    expect(textOf(elements(link, 'system-out')[0])).toBe('/c.html 外部链接跳转了3次');
  });

  it('turns a load error into an <error>', () => {
    const broken = suites(junit(sampleRun(), ctx))[5];
    expect(broken.attrs).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const [c] = elements(broken, 'testcase');
    expect(c.attrs.name).toBe('加载');
    const [err] = elements(c, 'error');
    expect(err.attrs).toEqual({ type: 'load-failed', message: '文件不是有效的 Word 文档（zip 结构损坏）' });
  });

  it('escapes markup and strips characters XML cannot hold', () => {
    const run: RunResult = {
      tool: { name: 'gongkai', version: '0.1.0' },
      results: [
        {
          target: 'a&b<"c">.md',
          kind: 'report',
          score: 90,
          passed: true,
          findings: [{ ruleId: 'report/x', severity: 'error', message: 'bad \u0001 ]]> </failure> \'q\' & more', line: 1 }],
        },
      ],
    };
    const xml = junit(run, ctx);
    expect(xml).not.toContain('\u0001');
    const [s] = suites(xml);
    expect(s.attrs.name).toBe('a&b<"c">.md');
    const [failure] = elements(elements(s, 'testcase')[0], 'failure');
    expect(failure.attrs.message).toBe("bad  ]]> </failure> 'q' & more");
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
