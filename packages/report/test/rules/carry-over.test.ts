import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runRule } from '@gongkai/core';
import { carryFacts, carryOver, loadReport, reportSubject } from '@gongkai/report';

const clean = readFileSync(new URL('../../../../fixtures/reports/report-2024-clean.md', import.meta.url));

describe('report/carry-over', () => {
  it('reads the carried rows of table 3', async () => {
    const facts = carryFacts(await loadReport(clean, 'r.md'))!;
    expect(facts).toMatchObject({ year: 2024, agency: '示例市科学技术局' });
    expect(facts.carriedIn).toMatchObject({ natural: 2, business: 0, total: 2 });
    expect(facts.carryForward).toMatchObject({ natural: 1, business: 1, total: 2 });
  });

  it('reports each column whose carry-in differs from last year\'s carry-forward', async () => {
    const doc = reportSubject(await loadReport(clean, 'r.md'), { level: 'department' });
    const previous = { agency: '示例市科学技术局', year: 2023, carriedIn: {}, carryForward: { natural: 3, business: 0, total: 3 } };
    const f = await runRule(carryOver, doc, {}, { settings: { previousReport: previous } });
    expect(f.map((x) => x.data?.column)).toEqual(['natural', 'total']);
    expect(f[0].data).toMatchObject({ actual: 2, expected: 3, previousYear: 2023 });
    const same = { ...previous, carryForward: { natural: 2, business: 0, total: 2 } };
    expect(await runRule(carryOver, doc, {}, { settings: { previousReport: same } })).toEqual([]);
  });

  it('is not applicable without last year\'s report', async () => {
    const doc = reportSubject(await loadReport(clean, 'r.md'));
    expect(await runRule(carryOver, doc)).toEqual([]);
  });
});
