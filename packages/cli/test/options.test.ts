import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNumber } from '../src/options.js';
import { checkOutputPath } from '../src/output.js';
import { readMapping } from '../src/config-files.js';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return [(e as { code?: string }).code, (e as Error).message];
  }
  return undefined;
};

describe('numeric options', () => {
  it('rejects zero and negatives where the option needs a positive count, with one line', () => {
    expect(code(() => checkNumber('--concurrency', '0', { positive: true, integer: true }))).toEqual(['cli/bad-number', '--concurrency must be greater than 0, got "0"']);
    expect(code(() => checkNumber('--delay', '-5', { nonNegative: true }))?.[0]).toBe('cli/bad-number');
    expect(code(() => checkNumber('--max-pages', '1.5', { positive: true, integer: true }))?.[1]).toMatch(/whole number/);
    expect(checkNumber('--delay', '0', { nonNegative: true })).toBe(0);
    expect(checkNumber('--max-size', '0.5', { positive: true })).toBe(0.5);
  });
});

describe('output paths and data files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));

  it('creates directories only under the working directory', () => {
    expect(code(() => checkOutputPath('out/deep/x.html', dir))).toBeUndefined();
    expect(code(() => checkOutputPath(join(dir, 'x.html'), dir))).toBeUndefined();
    expect(code(() => checkOutputPath('/nonexistent-gongkai/dir/x.html', dir))?.[0]).toBe('cli/bad-output');
    expect(code(() => checkOutputPath('../nonexistent-gongkai/deeper/x.html', dir))?.[0]).toBe('cli/bad-output');
    // One missing level outside cwd is created (and announced by writeOut).
    expect(code(() => checkOutputPath(join(dir, '..', 'one-level-gongkai', 'x.html'), join(dir, 'sub')))).toBeUndefined();
  });

  it('names a non-mapping pack by its kind, never quoting it', () => {
    writeFileSync(join(dir, 'map.yaml'), 'extends: [report]\n');
    writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n');
    writeFileSync(join(dir, 'text.yaml'), 'just a secret sentence\n');
    expect(readMapping(join(dir, 'map.yaml'))).toEqual({ extends: ['report'] });
    expect(code(() => readMapping(join(dir, 'list.yaml')))?.[1]).toMatch(/got a list\)$/);
    const text = code(() => readMapping(join(dir, 'text.yaml')));
    expect(text?.[0]).toBe('config/not-mapping');
    expect(text?.[1]).not.toContain('secret');
    expect(code(() => readMapping('/dev/zero'))?.[0]).toBe('config/not-data');
    rmSync(dir, { recursive: true, force: true });
  });
});
