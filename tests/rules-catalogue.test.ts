import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/cli.js';
// Built output, as the CLI uses it: `pnpm test` builds first.
import { builtinPacks, builtinRegistry } from '../packages/cli/dist/setup.js';
import { ruleIndexMarkdown } from '../scripts/rule-index.mjs';

describe('the built-in rule catalogue', () => {
  const registry = builtinRegistry();
  const metas = registry.all().map((r) => r.meta);

  it('every rule has a docs page, zh and en texts, and is turned on by a built-in pack', () => {
    const packs = builtinPacks(registry).all();
    for (const m of metas) {
      const page = join(repoRoot, 'docs/rules', `${m.id}.md`);
      expect(existsSync(page), `docs page for ${m.id}`).toBe(true);
      expect(readFileSync(page, 'utf8')).toContain(m.id);
      expect(m.description.zh && m.description.en, m.id).toBeTruthy();
      for (const [id, text] of Object.entries(m.messages)) expect(text.zh && text.en, `${m.id}:${id}`).toBeTruthy();
      expect(packs.some((p) => p.rules && m.id in p.rules), `${m.id} in a pack`).toBe(true);
    }
  });

  it('the rule index page is up to date', async () => {
    expect(readFileSync(join(repoRoot, 'docs/rules/README.md'), 'utf8')).toBe(await ruleIndexMarkdown());
  });
});
