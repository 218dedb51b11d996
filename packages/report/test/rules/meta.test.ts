import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { reportRules } from '../../src/rules/index.js';
import { loadPacks, repoRoot } from './helpers.js';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('report rule metadata', () => {
  it('has the ids the packs and docs use', () => {
    expect(reportRules.map((r) => r.meta.id)).toEqual(
      expect.arrayContaining([
        'report/document-type', 'report/required-section', 'report/section-order', 'report/heading-sequence',
        'report/empty-section', 'report/report-year', 'report/timeliness', 'report/table-missing',
        'report/table-format', 'report/table-arithmetic', 'report/sum-mismatch', 'report/percent-mismatch',
        'report/placeholder', 'report/government-items', 'report/fee-statement', 'report/prose-table-mismatch',
      ]),
    );
  });
  for (const rule of reportRules) {
    it(`${rule.meta.id}: complete meta, closed schema, same placeholders in zh and en, a docs page`, () => {
      const m = rule.meta;
      expect(m.subject).toBe('report');
      expect(m.description.zh && m.description.en).toBeTruthy();
      expect(m.weight).toBeGreaterThan(0);
      expect((m.schema as { additionalProperties?: boolean }).additionalProperties).toBe(false);
      for (const [id, msg] of Object.entries(m.messages)) {
        expect(placeholders(msg.zh), `${id}`).toEqual(placeholders(msg.en));
      }
      expect(existsSync(path.join(repoRoot, 'docs/rules', `${m.id}.md`))).toBe(true);
    });
  }
  it('the built-in packs validate against the pack schema and the rules\' option schemas', () => {
    const { resolved } = loadPacks();
    expect(resolved.packs.map((p) => p.id)).toEqual(['report-base', 'report-common', 'report-2008', 'report-2019', 'report-2021', 'report']);
  });
});
