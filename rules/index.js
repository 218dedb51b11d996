// Built-in rule packs. Reading them needs the file system, so it lives here rather than in the pure engine.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';

export const packsDir = fileURLToPath(new URL('./packs/', import.meta.url));
export const schemaDir = fileURLToPath(new URL('./schema/', import.meta.url));

/** Every built-in pack as `{ id, file, data }`, parsed but not yet validated (the engine validates). */
export function loadBuiltinPacks() {
  return readdirSync(packsDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => {
      const file = join(packsDir, f);
      const text = readFileSync(file, 'utf8');
      const data = f.endsWith('.json') ? JSON.parse(text) : parse(text);
      return { id: data && data.id, file, data };
    });
}

export function readSchema(name) {
  return JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8'));
}
