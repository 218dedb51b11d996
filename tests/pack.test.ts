import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './helpers/cli.js';

// The CLI must install and run from its own tarball: the workspace packages are bundled inside it, so a user needs
// nothing but the npm registry for the third-party dependencies.
describe('@gongkai/cli tarball', () => {
  it('installs alone with npm and runs a check', { timeout: 240_000 }, () => {
    const out = tempDir('gongkai-pack-out-');
    const tgz = execFileSync(process.execPath, [join(repoRoot, 'scripts/pack-cli.mjs'), out], { cwd: repoRoot }).toString().trim().split('\n').pop()!;
    const app = tempDir('gongkai-install-');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tgz], { cwd: app, stdio: 'pipe' });
    const bin = join(app, 'node_modules/.bin/gongkai');
    expect(execFileSync(bin, ['--version'], { cwd: app }).toString().trim()).toBe(
      JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')).version,
    );
    let stdout = '';
    try {
      execFileSync(bin, ['report', join(repoRoot, 'fixtures/reports/report-2024-errors.docx'), '--format', 'json', '--published', '2025-01-20'], { cwd: app });
    } catch (e) {
      // Exit code 1: the fixture has planted errors.
      expect((e as { status: number }).status).toBe(1);
      stdout = (e as { stdout: Buffer }).stdout.toString();
    }
    const result = JSON.parse(stdout).results[0];
    expect(result.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('report/table-arithmetic');
    expect(execFileSync(bin, ['rules', '--pack', 'site'], { cwd: app }).toString()).toContain('site/missing-column');
  });
});
