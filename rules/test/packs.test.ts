import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { packSchema, configSchema } from '@gongkai/core';
import { loadBuiltinPacks } from '../index.js';
import { builtinRegistry, builtinPacks } from '../../packages/cli/src/setup.js';

describe('built-in packs', () => {
  it('publishes the schemas the engine validates with', () => {
    expect(JSON.parse(readFileSync(new URL('../schema/pack.schema.json', import.meta.url), 'utf8'))).toEqual(packSchema);
    expect(JSON.parse(readFileSync(new URL('../schema/config.schema.json', import.meta.url), 'utf8'))).toEqual(configSchema);
  });

  it('every built-in pack validates against the schema and names only known rules', () => {
    const packs = loadBuiltinPacks();
    expect(packs.length).toBeGreaterThan(0);
    const set = builtinPacks(builtinRegistry());
    for (const p of packs) expect(set.get(p.id), p.file).toBeDefined();
  });
});
