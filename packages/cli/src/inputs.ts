import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const REPORT_EXTENSIONS = /\.(txt|md|markdown|html?|docx|pdf)$/i;

/**
 * Expands the command-line paths: files are taken as given (even with an unknown extension, so the loader can say
 * what is wrong with them), directories are walked for report files. Missing paths are kept so that each gets its
 * own one-line error while the others are still checked.
 */
/**
 * `*` matches within one path segment, `**` across segments, `?` one character; a pattern without a slash matches
 * a file name anywhere (as in .gitignore).
 */
export function globToRegExp(pattern: string): RegExp {
  const p = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*' && p[i + 1] === '*') {
      re += '.*';
      i++;
      if (p[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(p.includes('/') ? `^${re}$` : `(^|/)${re}$`);
}

/**
 * Expands the command-line paths (see below); files found by walking a directory are skipped when they match one
 * of `ignore` (relative to `cwd`). A file named on the command line is always checked.
 */
export function expandInputs(paths: string[], ignore: string[] = [], cwd = process.cwd()): string[] {
  const patterns = ignore.map(globToRegExp);
  const ignored = (file: string) => {
    const rel = relative(cwd, file).split('\\').join('/');
    return patterns.some((re) => re.test(rel));
  };
  return expandAll(paths).filter((f) => !f.walked || !ignored(f.path)).map((f) => f.path);
}

function expandAll(paths: string[]): Array<{ path: string; walked: boolean }> {
  const out: Array<{ path: string; walked: boolean }> = [];
  const seen = new Set<string>();
  const add = (p: string, walked: boolean) => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push({ path: p, walked });
    }
  };
  for (const given of paths) {
    const p = resolve(given);
    if (existsSync(p) && statSync(p).isDirectory()) {
      for (const f of walk(p)) add(f, true);
    } else add(p, false);
  }
  return out;
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (REPORT_EXTENSIONS.test(e.name)) yield p;
  }
}
