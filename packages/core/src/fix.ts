import type { Finding, TextEdit } from './types.js';

/**
 * Applies the fixes of the given findings to a source text. Edits that overlap an edit already taken are skipped
 * (the next run picks them up), as ESLint does, so one bad fix cannot corrupt the text.
 */
export function applyFixes(source: string, findings: Finding[]): { output: string; applied: number; skipped: number } {
  const edits: TextEdit[] = [];
  for (const f of findings) if (f.fix && !f.suppressed) edits.push(...f.fix.edits);
  edits.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  for (const e of edits) {
    const [start, end] = e.range;
    if (start < cursor || start > end || end > source.length) {
      skipped++;
      continue;
    }
    out += source.slice(cursor, start) + e.text;
    cursor = end;
    applied++;
  }
  out += source.slice(cursor);
  return { output: out, applied, skipped };
}
