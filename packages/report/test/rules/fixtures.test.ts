import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, fixturesDir, runPacks } from './helpers.js';


const errorsMd = path.join(fixturesDir, 'report-2024-errors.md');
describe('fixtures/reports (rules selected by the built-in packs)', () => {
  it('every <!-- expect: rule --> marker in report-2024-errors.md gets its finding, on its line', async () => {
    const lines = readFileSync(errorsMd, 'utf8').split('\n');
    const expected: Array<[number, string]> = [];
    lines.forEach((l, i) => {
      for (const m of l.matchAll(/<!--\s*expect:\s*([\w/-]+)\s*-->/g)) expected.push([i + 1, m[1]]);
    });
    expect(expected.length).toBeGreaterThan(5);
    const { findings } = await runPacks(await fixture('report-2024-errors.md'), { agency: { level: 'department' } });
    for (const [line, rule] of expected) {
      expect(findings.some((f) => f.ruleId === rule && f.line === line), `${rule} at line ${line}`).toBe(true);
    }
    // Nothing unexpected at error severity.
    const extra = findings.filter((f) => f.severity === 'error' && !expected.some(([l, r]) => r === f.ruleId && l === f.line));
    expect(extra.map((f) => `${f.ruleId}@${f.line}`)).toEqual([]);
  });

  for (const name of ['report-2024-clean.md', 'report-2024-clean.html', 'report-2024-clean.docx']) {
    it(`${name}: no errors or warnings`, async () => {
      const { findings } = await runPacks(await fixture(name), { agency: { level: 'department' }, published: '2025-01-20' });
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    });
  }
});
