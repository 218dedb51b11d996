import type { Directive, Finding, Locale } from '../types.js';
import { t } from '../i18n/catalog.js';
import { docsUrlFor } from '../docs-url.js';

export const UNUSED_DIRECTIVE_RULE = 'gongkai/unused-disable';

interface Region {
  directive: Directive;
  rules: string[];
  fromLine: number;
  toLine: number;
  used: boolean;
}

function covers(region: Region, f: Finding): boolean {
  if (f.line === undefined) return false;
  if (f.line < region.fromLine || f.line > region.toLine) return false;
  return region.rules.length === 0 || region.rules.includes(f.ruleId);
}

/** Turns disable/enable pairs and next-line/line directives into line regions. */
function regions(directives: Directive[]): Region[] {
  const out: Region[] = [];
  const open: Region[] = [];
  const sorted = [...directives].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const d of sorted) {
    switch (d.kind) {
      case 'disable-next-line':
        out.push({ directive: d, rules: d.rules, fromLine: d.line + 1, toLine: d.line + 1, used: false });
        break;
      case 'disable-line':
        out.push({ directive: d, rules: d.rules, fromLine: d.line, toLine: d.line, used: false });
        break;
      case 'disable': {
        const r: Region = { directive: d, rules: d.rules, fromLine: d.line, toLine: Number.MAX_SAFE_INTEGER, used: false };
        open.push(r);
        out.push(r);
        break;
      }
      case 'enable':
        // An enable closes the matching open disables: all of them when it names no rule, else those it names.
        for (const r of open) {
          if (r.toLine !== Number.MAX_SAFE_INTEGER) continue;
          if (d.rules.length === 0 || r.rules.some((id) => d.rules.includes(id)) || r.rules.length === 0) r.toLine = d.line;
        }
        break;
    }
  }
  return out;
}

/**
 * Marks findings covered by inline directives as suppressed, and reports each directive that suppressed nothing
 * (an unused disable hides nothing today but would hide a real problem tomorrow).
 */
export function applyDirectives(findings: Finding[], directives: Directive[] | undefined, locale: Locale): Finding[] {
  if (!directives?.length) return findings;
  const rs = regions(directives);
  for (const f of findings) {
    for (const r of rs) {
      if (covers(r, f)) {
        f.suppressed = true;
        r.used = true;
      }
    }
  }
  const unused: Finding[] = rs
    .filter((r) => !r.used)
    .map((r) => ({
      ruleId: UNUSED_DIRECTIVE_RULE,
      severity: 'warning' as const,
      message: t('engine.unusedDirective', locale, {
        rules: r.rules.length ? `（${r.rules.join(', ')}）` : '',
      }),
      line: r.directive.line,
      column: r.directive.column,
      data: { directive: r.directive.kind, rules: r.rules },
      docsUrl: docsUrlFor(UNUSED_DIRECTIVE_RULE),
    }));
  return [...findings, ...unused];
}
