import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormatContext } from '../src/formatters/index.js';
import { artifactUri, sarif } from '../src/formatters/index.js';
import { CWD, EXPECTED, RULES, sampleRun } from './fixtures/formatters/sample-run.js';

const schema = JSON.parse(readFileSync(new URL('./fixtures/formatters/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// Both are CommonJS; under NodeNext their default export is the module object.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const ctx: FormatContext = { locale: 'zh-CN', color: false, rules: RULES, cwd: CWD };

function log(run = sampleRun(), c = ctx) {
  return JSON.parse(sarif(run, c));
}

describe('sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const ok = validate(log());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate(log(sampleRun(), { ...ctx, locale: 'en', cwd: undefined }))).toBe(true);
  });

  it('the schema check is real: a broken log is rejected', () => {
    const bad = log();
    bad.runs[0].results[0].level = 'fatal';
    expect(validate(bad)).toBe(false);
    const bad2 = log();
    bad2.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(bad2)).toBe(false);
  });

  it('describes the tool and every rule that ran, with levels and scoring properties', () => {
    const { runs, version } = log();
    expect(version).toBe('2.1.0');
    expect(runs).toHaveLength(1);
    const driver = runs[0].tool.driver;
    expect(driver.name).toBe('gongkai');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const ids = driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...RULES.keys()].sort());
    const veto = driver.rules.find((r: { id: string }) => r.id === 'site/stale-column');
    expect(veto).toEqual({
      id: 'site/stale-column',
      shortDescription: { text: '栏目应按期更新' },
      helpUri: 'https://github.com/gongkai-project/gongkai/blob/main/docs/rules/site/stale-column.md',
      defaultConfiguration: { level: 'error' },
      properties: { category: 'columns', subject: 'site', type: 'problem', weight: 6, veto: true, tags: ['site', 'columns'] },
    });
    const dateFormat = driver.rules.find((r: { id: string }) => r.id === 'report/date-format');
    expect(dateFormat.defaultConfiguration.level).toBe('warning');
    const en = log(sampleRun(), { ...ctx, locale: 'en' });
    expect(en.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'site/stale-column').shortDescription.text).toBe(
      'columns are updated on schedule',
    );
  });

  it('maps every finding to a result with the right location and level', () => {
    const run = log().runs[0];
    const results = run.results as Array<any>;
    expect(results).toHaveLength(EXPECTED.findingRows + EXPECTED.suppressed);
    for (const r of results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);

    const levels = results.filter((r) => !r.suppressions).map((r) => r.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(EXPECTED.error);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(EXPECTED.warning);
    expect(levels.filter((l) => l === 'note')).toHaveLength(EXPECTED.info);

    const [empty, sum, date, suppressed] = results;
    const mdUri = `reports/${encodeURIComponent('2024年度政府信息公开工作年度报告')}.md`;
    expect(empty.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: mdUri },
      region: { startLine: 12, startColumn: 1, endLine: 12, endColumn: 11 },
    });
    expect(sum.locations[0].physicalLocation.region).toEqual({ startLine: 48, startColumn: 5, properties: { path: '表3 第2行 第8列' } });
    expect(sum.properties.data).toEqual({ table: 3, expected: 350, actual: 348 });
    expect(date.fixes[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { charOffset: 4021, charLength: 7 }, insertedContent: { text: '2024年3月' } },
    ]);
    expect(suppressed.suppressions).toEqual([{ kind: 'external' }]);

    const pdf = results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith('.pdf'));
    expect(pdf).toHaveLength(3);
    expect(pdf[0].locations[0].physicalLocation.region).toEqual({ properties: { page: 1 } });
    expect(pdf[2].locations[0].physicalLocation.region).toEqual({ properties: { page: 3, paragraph: 7 } });

    const stale = results.find((r) => r.ruleId === 'site/stale-column');
    expect(stale.level).toBe('error');
    expect(stale.message.text).toContain('通知公告');
    expect(stale.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'https://www.example-county.gov.cn/zwgk/tzgg/' } });
    expect(stale.locations[0].logicalLocations[0].fullyQualifiedName).toBe('https://www.example-county.gov.cn/');
    const odd = results.find((r) => r.message.text.includes('500'));
    expect(odd.locations[0].physicalLocation.artifactLocation.uri).toBe('https://www.sample-town.gov.cn/a.html?from=%3Cx%3E&y=%221%22');
  });

  it('reports a target that could not be loaded as a failed invocation', () => {
    const inv = log().runs[0].invocations;
    expect(inv).toHaveLength(1);
    expect(inv[0].executionSuccessful).toBe(false);
    expect(inv[0].toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: '文件不是有效的 Word 文档（zip 结构损坏）' },
        descriptor: { id: 'load-failed' },
        locations: [{ physicalLocation: { artifactLocation: { uri: `reports/${encodeURIComponent('损坏的报告')}.docx` } } }],
      },
    ]);
    const clean = sampleRun();
    clean.results.pop();
    expect(log(clean).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('carries the per-target scores in run properties', () => {
    const targets = log().runs[0].properties.targets;
    expect(targets.map((t: { score: number | null }) => t.score)).toEqual([84, 52.5, 86, 95, null]);
    expect(targets[2]).toMatchObject({ kind: 'site', passed: false, vetoed: ['site/stale-column'] });
  });

  it('turns paths into URI references', () => {
    expect(artifactUri('/work/audit/a b/年报.md', '/work/audit')).toBe('a%20b/%E5%B9%B4%E6%8A%A5.md');
    expect(artifactUri('/elsewhere/年报.md', '/work/audit')).toBe('file:///elsewhere/%E5%B9%B4%E6%8A%A5.md');
    expect(artifactUri('C:\\reports\\a.pdf')).toBe('file:///C:/reports/a.pdf');
    expect(artifactUri('https://例子.gov.cn/公开/')).toBe('https://xn--fsqu00a.gov.cn/%E5%85%AC%E5%BC%80/');
    expect(artifactUri('reports\\a.md')).toBe('reports/a.md');
  });
});
