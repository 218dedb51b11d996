// Writes docs/rules/README.md from the built rule registry (run after `tsc -b`); a test keeps it current.
import { writeFileSync } from 'node:fs';
import { ruleIndexMarkdown } from './rule-index.mjs';

writeFileSync(new URL('../docs/rules/README.md', import.meta.url), await ruleIndexMarkdown());
console.log('docs/rules/README.md written');
