// Writes the published JSON Schemas from the engine's source of truth (run after `tsc -b`).
import { writeFileSync } from 'node:fs';
import { packSchema, configSchema } from '../packages/core/dist/index.js';
const dir = new URL('../rules/schema/', import.meta.url);
writeFileSync(new URL('pack.schema.json', dir), JSON.stringify(packSchema, null, 2) + '\n');
writeFileSync(new URL('config.schema.json', dir), JSON.stringify(configSchema, null, 2) + '\n');
console.log('schemas written');
