import { describe, expect, it } from 'vitest';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from './helpers/cli.js';

const oneLine = (s: string) => s.trim().split('\n').length === 1;

describe('gongkai basics', () => {
  it('prints its version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists rules with severity, weight and docs link, in both locales', async () => {
    const zh = await runCli(['rules']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^规则\s+严重级别\s+权重\s+说明\s+文档/);
    for (const id of ['report/required-section', 'report/table-arithmetic', 'site/missing-column', 'site/unreachable']) {
      expect(zh.stdout).toContain(id);
    }
    expect(zh.stdout).toMatch(/docs\/rules\/report\/required-section\.md/);
    const en = await runCli(['rules', '--locale', 'en', '--pack', 'site']);
    expect(en.stdout).toMatch(/^rule\s+severity\s+weight/);
    expect(en.stdout).toContain('site/stale-column');
    expect(en.stdout).not.toContain('report/required-section');
  });

  it('prints the resolved config', async () => {
    const r = await runCli(['print-config', '--json', '--regime', '2008']);
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg.extends).toEqual(['report', 'site']);
    expect(cfg.packs.find((p: { id: string }) => p.id === 'report-2008').applies).toBe(true);
    expect(cfg.packs.find((p: { id: string }) => p.id === 'report-2021').applies).toBe(false);
    expect(cfg.rules['report/required-section']).toBeDefined();
    expect(cfg.scoring.passLine).toBe(60);
  });

  it('rejects a bad config value with a one-line, path-bearing error and exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gongkai.config.yaml'), 'agency:\n  level: 市级\n');
    const r = await runCli(['print-config'], { cwd: dir, env: { GONGKAI_LOCALE: 'en' } });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr.trim()).toBe('gongkai: gongkai.config.yaml: agency.level: must be department, government or township, got "市级"');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('suggests the right id for a typo in a pack, in Chinese by default', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'my-pack.yaml'), 'id: my-province\nrules:\n  report/requried-section: error\n');
    writeFileSync(join(dir, 'gongkai.config.yaml'), 'extends: [report, ./my-pack.yaml]\n');
    const r = await runCli(['print-config'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toContain('my-pack.yaml: rules.report/requried-section: 未知的规则，是否应为 "report/required-section"？');
  });

  it('checks pack data when it loads: a bad regular expression, a typo in a column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gongkai.config.yaml'), 'extends: [report]\ndata:\n  sections:\n    - id: requests\n      evidence: ["(未收到"]\n');
    const a = await runCli(['print-config', '--locale', 'en'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toBe(
      'gongkai: gongkai.config.yaml: data.sections[0].evidence[0]: the pattern "(未收到" is not a valid regular expression (Invalid regular expression: /(未收到/: Unterminated group)',
    );
    writeFileSync(join(dir, 'gongkai.config.yaml'), 'extends: [site]\ndata:\n  columns:\n    - id: news\n      freshnes: 1w\n');
    const b = await runCli(['print-config'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr.trim()).toBe('gongkai: gongkai.config.yaml: data.columns[0].freshnes: 未知的键 "freshnes"，是否应为 "freshness"？');
  });

  it('reports YAML syntax errors with the line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.gongkairc.yaml'), 'rules:\n  report/placeholder: [error\n');
    const r = await runCli(['print-config', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gongkai: \.gongkairc\.yaml: line \d+: invalid YAML/);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it('turns unknown options and commands into one-line usage errors', async () => {
    const a = await runCli(['report', '--nope', 'x.txt', '--locale', 'en']);
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toBe("gongkai: unknown option '--nope'");
    const b = await runCli(['reprot']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('未知的命令');
    const c = await runCli(['report', 'x.txt', '--as-of', '2024/01/01']);
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toBe('gongkai: --as-of 应为 YYYY-MM-DD，实际为 "2024/01/01"');
  });

  it('init writes a commented config without asking when not on a TTY, and it loads', async () => {
    const dir = tempDir();
    const r = await runCli(['init', '--name', '示例市科学技术局', '--level', 'department'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'gongkai.config.yaml'), 'utf8');
    expect(text).toContain('# ');
    expect(text).toContain('name: "示例市科学技术局"');
    const p = await runCli(['print-config', '--json'], { cwd: dir });
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout).agency).toEqual({ name: '示例市科学技术局', level: 'department', region: '' });
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(existsSync(join(dir, 'gongkai.config.yaml'))).toBe(true);
  });
});
