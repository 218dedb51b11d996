import { test } from 'vitest';
import { formatters } from '../../src/formatters/index.js';
import { sampleRun, RULES, CWD } from '../fixtures/formatters/sample-run.js';
test('smoke', () => {
  for (const name of ['stylish', 'junit'] as const) console.log(formatters[name](sampleRun(), { locale: 'zh-CN', color: false, rules: RULES, cwd: CWD }));
  console.log(formatters.stylish(sampleRun(), { locale: 'en', color: true, rules: RULES, cwd: CWD }));
});
