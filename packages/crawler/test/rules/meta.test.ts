import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { siteRules } from '../../src/rules/index.js';
import { columnSpecSchema, defaultColumns, defaultWindows } from '../../src/analysis/index.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const YAML = createRequire(`${root}rules/package.json`)('yaml');
const requireCore = createRequire(`${root}packages/core/package.json`);
const Ajv = requireCore('ajv').default ?? requireCore('ajv');
const ajvErrors = requireCore('ajv-errors').default ?? requireCore('ajv-errors');
const ajv = new Ajv({ allErrors: true, strict: false });
ajvErrors(ajv);

const pack = (name: string) => YAML.parse(readFileSync(`${root}rules/packs/${name}.yaml`, 'utf8'));
const byId = new Map(siteRules.map((r) => [r.meta.id, r]));

describe('site rule metadata', () => {
  it('has unique site/ ids, zh+en messages, strict option schemas and a docs page', () => {
    expect(byId.size).toBe(siteRules.length);
    for (const r of siteRules) {
      expect(r.meta.id).toMatch(/^site\/[a-z0-9-]+$/);
      expect(r.meta.subject).toBe('site');
      expect(r.meta.description.zh && r.meta.description.en).toBeTruthy();
      for (const m of Object.values(r.meta.messages)) expect(m.zh && m.en, r.meta.id).toBeTruthy();
      expect(r.meta.schema?.additionalProperties, r.meta.id).toBe(false);
      expect(ajv.validate(r.meta.schema!, r.meta.defaultOptions ?? {}), `${r.meta.id} defaults`).toBe(true);
      expect(ajv.validate(r.meta.schema!, { nonsense: 1 }), `${r.meta.id} rejects unknown keys`).toBe(false);
      expect(existsSync(`${root}docs/rules/${r.meta.id}.md`), `${r.meta.id} docs`).toBe(true);
    }
    expect(['site/unreachable', 'site/too-many-stale-columns', 'site/home-stale', 'site/interaction-unanswered'].every((id) => byId.get(id)!.meta.veto)).toBe(true);
  });

  it('rejects bad option values with readable messages', () => {
    const late = byId.get('site/annual-report-late')!;
    expect(ajv.validate(late.meta.schema!, { deadlines: { department: '1月31日' } })).toBe(false);
    expect(JSON.stringify(ajv.errors)).toContain('must be MM-DD');
  });
});

describe('built-in site packs', () => {
  it('site.yaml carries the same column catalogue and windows as the code', () => {
    const p = pack('site');
    expect(p.data.columns).toEqual(defaultColumns);
    expect(p.data.windows).toEqual(defaultWindows);
    for (const c of p.data.columns) expect(ajv.validate(columnSpecSchema, c), c.id).toBe(true);
  });

  it('every catalogue column carries its basis and at least one level, and the schema checks both', () => {
    for (const c of defaultColumns) {
      expect(c.basis?.zh, c.id).toMatch(/条例|国办|国发|发改|预算法|检查指标|指引/);
      expect(c.basis?.en, c.id).toBeTruthy();
      if (c.id !== 'licensing' && c.id !== 'penalties') {
        expect([...(c.requiredFor ?? []), ...(c.applicableFor ?? []), ...(c.recommendedFor ?? [])].length, c.id).toBeGreaterThan(0);
      }
    }
    // The national minimum: 建议提案办理 is required only where the agency has such duties.
    const jyta = defaultColumns.find((c) => c.id === 'suggestions-proposals')!;
    expect(jyta.requiredFor).toEqual([]);
    expect(jyta.applicableFor).toEqual(['department', 'government']);
    expect(ajv.validate(columnSpecSchema, { id: 'x', basis: '条例第二十条' })).toBe(false);
    expect(JSON.stringify(ajv.errors)).toContain('naming the document and article');
    expect(ajv.validate(columnSpecSchema, { id: 'x', applicableFor: ['county'] })).toBe(false);
    expect(ajv.validate(columnSpecSchema, { id: 'x', recommendedFor: ['township'], basis: { zh: '某省细则第3条' } })).toBe(true);
  });

  it('docs/columns.md shows every column with its basis', () => {
    const doc = readFileSync(`${root}docs/columns.md`, 'utf8');
    for (const c of defaultColumns) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${c.id}\` |`));
      expect(row, c.id).toBeDefined();
      expect(row, c.id).toContain(c.basis!.zh);
    }
  });

  it('site.yaml repeats the rule defaults of the 双公示 fields, the 互动回应 and 栏目不更新 options, and lists every veto', () => {
    const p = pack('site');
    for (const id of ['site/dual-publicity-fields', 'site/interaction-unanswered', 'site/too-many-stale-columns']) {
      expect(p.rules[id][1], id).toEqual(byId.get(id)!.meta.defaultOptions);
    }
    const vetoes = siteRules.filter((r) => r.meta.veto).map((r) => r.meta.id).sort();
    expect([...p.scoring.veto].sort()).toEqual(vetoes);
    for (const r of siteRules) if (r.meta.defaultSeverity !== 'info') expect(p.scoring.weights[r.meta.id], r.meta.id).toBeDefined();
    expect(p.data.columns.find((c: { id: string }) => c.id === 'consultation').requiredFor).toEqual(['department', 'government']);
  });

  it('rejects bad windows for the new options', () => {
    expect(ajv.validate(byId.get('site/interaction-unanswered')!.meta.schema!, { responseWindow: '三个月' })).toBe(false);
    expect(JSON.stringify(ajv.errors)).toContain('must be a duration such as 3m');
    expect(ajv.validate(byId.get('site/dual-publicity-fields')!.meta.schema!, { fields: [{ id: 'x', labels: [] }] })).toBe(false);
    expect(ajv.validate(byId.get('site/dual-publicity-fields')!.meta.schema!, { fields: [{ id: 'x', label: 'y' }] })).toBe(false);
  });

  for (const name of ['site', 'site-example-province']) {
    it(`${name}.yaml only configures existing site rules with valid options`, () => {
      const p = pack(name);
      expect(p.id).toBe(name);
      for (const [id, setting] of Object.entries<unknown>(p.rules)) {
        const rule = byId.get(id);
        expect(rule, id).toBeDefined();
        const [severity, options] = Array.isArray(setting) ? setting : [setting, {}];
        expect(['error', 'warning', 'info', 'off']).toContain(severity);
        expect(ajv.validate(rule!.meta.schema!, options), `${name} ${id}: ${JSON.stringify(ajv.errors)}`).toBe(true);
      }
      for (const id of Object.keys(p.scoring?.weights ?? {})) expect(byId.has(id), id).toBe(true);
      for (const c of p.data?.columns ?? []) expect(ajv.validate({ ...columnSpecSchema, required: ['id'] }, c), c.id).toBe(true);
    });
  }
});
