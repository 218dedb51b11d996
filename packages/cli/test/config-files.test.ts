import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findConfigFile, readDataFile } from '../src/config-files.js';
import { unifiedDiff } from '../src/diff.js';
import type { GongkaiError } from '@gongkai/core';

describe('config discovery', () => {
  it('finds the nearest config upward, in the documented order of names', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-cfg-'));
    const deep = join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    expect(findConfigFile(deep)).toBeUndefined();
    writeFileSync(join(root, '.gongkairc.json'), '{}');
    expect(findConfigFile(deep)).toBe(join(root, '.gongkairc.json'));
    writeFileSync(join(root, 'a', 'gongkai.config.yml'), 'rules: {}\n');
    expect(findConfigFile(deep)).toBe(join(root, 'a', 'gongkai.config.yml'));
    writeFileSync(join(root, 'a', 'gongkai.config.yaml'), 'rules: {}\n');
    expect(findConfigFile(deep)).toBe(join(root, 'a', 'gongkai.config.yaml'));
  });

  it('reports JSON and YAML syntax errors with the line, and duplicate keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cfg-'));
    const err = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      try {
        readDataFile(join(dir, name));
      } catch (e) {
        return (e as GongkaiError).render('en');
      }
      return 'no error';
    };
    expect(err('x.json', '{\n  "rules": {,\n}')).toMatch(/x\.json: line 2: invalid JSON/);
    expect(err('y.yaml', 'rules:\n  a: 1\n  a: 2\n')).toMatch(/y\.yaml: line 3: invalid YAML/);
  });
});

describe('unified diff for --fix-dry-run', () => {
  it('shows only the changed lines with context', () => {
    const before = ['标题', '一、总体情况', '正文', '三、主动公开', '正文', '四、其他'].join('\n');
    const after = ['标题', '一、总体情况', '正文', '二、主动公开', '正文', '三、其他'].join('\n');
    const d = unifiedDiff('r.md', before, after);
    expect(d.split('\n')).toEqual([
      '--- r.md',
      '+++ r.md',
      '@@ -2,5 +2,5 @@',
      ' 一、总体情况',
      ' 正文',
      '-三、主动公开',
      '+二、主动公开',
      ' 正文',
      '-四、其他',
      '+三、其他',
      '',
    ]);
    expect(unifiedDiff('r.md', before, before)).toBe('');
  });
});

describe('directory walks', () => {
  it('skips ignored files found in a directory, never a file named on the command line', async () => {
    const { expandInputs, globToRegExp } = await import('../src/inputs.js');
    const root = mkdtempSync(join(tmpdir(), 'gongkai-walk-'));
    mkdirSync(join(root, 'drafts'));
    for (const f of ['2023.md', '2024.docx', 'README.md', 'notes.xlsx', 'drafts/2025.md']) writeFileSync(join(root, f), 'x');
    const rel = (list: string[]) => list.map((p) => p.slice(root.length + 1));
    expect(rel(expandInputs([root], [], root))).toEqual(['2023.md', '2024.docx', 'drafts/2025.md', 'README.md']);
    expect(rel(expandInputs([root], ['README.md', 'drafts/**'], root))).toEqual(['2023.md', '2024.docx']);
    expect(rel(expandInputs([join(root, 'README.md')], ['README.md'], root))).toEqual(['README.md']);
    expect(globToRegExp('**/*.md').test('a/b/c.md')).toBe(true);
    expect(globToRegExp('*.md').test('a/b/c.md')).toBe(true);
    expect(globToRegExp('a/*.md').test('a/b/c.md')).toBe(false);
  });
});
