import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPORT_EXTENSIONS = /\.(txt|md|markdown|html?|docx|pdf)$/i;

/**
 * Expands the command-line paths: files are taken as given (even with an unknown extension, so the loader can say
 * what is wrong with them), directories are walked for report files. Missing paths are kept so that each gets its
 * own one-line error while the others are still checked.
 */
export function expandInputs(paths: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (const given of paths) {
    const p = resolve(given);
    if (existsSync(p) && statSync(p).isDirectory()) {
      for (const f of walk(p)) add(f);
    } else add(p);
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
