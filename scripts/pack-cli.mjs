// Builds a self-contained tarball of @gongkai/cli: the workspace packages it uses are bundled inside it
// (bundleDependencies), and their third-party dependencies become the CLI's own, so `npm install gongkai-cli-*.tgz`
// needs nothing but the npm registry. Usage: node scripts/pack-cli.mjs [outDir]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = resolve(process.argv[2] ?? join(root, 'out'));
const internal = { core: 'packages/core', report: 'packages/report', crawler: 'packages/crawler', rules: 'rules', cli: 'packages/cli' };

const work = mkdtempSync(join(tmpdir(), 'gongkai-pack-'));
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

// pnpm pack rewrites workspace:* ranges to real versions.
const tarballs = {};
for (const [name, dir] of Object.entries(internal)) {
  const dest = join(work, 'tgz', name);
  mkdirSync(dest, { recursive: true });
  sh('pnpm', ['pack', '--pack-destination', dest], join(root, dir));
  tarballs[name] = join(dest, readdirSync(dest)[0]);
}

const stage = join(work, 'stage');
mkdirSync(stage, { recursive: true });
sh('tar', ['xzf', tarballs.cli, '-C', stage], root);
const pkgDir = join(stage, 'package');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const bundled = [];
for (const name of ['core', 'report', 'crawler', 'rules']) {
  const target = join(pkgDir, 'node_modules', '@gongkai');
  mkdirSync(target, { recursive: true });
  const tmp = join(work, 'x', name);
  mkdirSync(tmp, { recursive: true });
  sh('tar', ['xzf', tarballs[name], '-C', tmp], root);
  renameSync(join(tmp, 'package'), join(target, name));
  const dep = JSON.parse(readFileSync(join(target, name, 'package.json'), 'utf8'));
  for (const [d, range] of Object.entries(dep.dependencies ?? {})) {
    if (!d.startsWith('@gongkai/') && !pkg.dependencies[d]) pkg.dependencies[d] = range;
  }
  bundled.push(`@gongkai/${name}`);
}
pkg.bundleDependencies = bundled;
writeFileSync(join(pkgDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
mkdirSync(out, { recursive: true });
const file = sh('npm', ['pack', '--silent', '--pack-destination', out], pkgDir).trim().split('\n').pop();
rmSync(work, { recursive: true, force: true });
console.log(join(out, file));
