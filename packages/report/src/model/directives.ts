/**
 * Inline suppression comments in Markdown/HTML sources:
 *   <!-- gongkai-disable-next-line report/rule-id -- reason -->
 *   <!-- gongkai-disable rule-a, rule-b -->   <!-- gongkai-enable -->   <!-- gongkai-disable-line … -->
 * No rule list means every rule. The reason follows a " -- " separator.
 */
import type { Directive } from '@gongkai/core';
import { computeLineStarts, lineColumn } from './positions.js';

const BODY_RE = /^\s*gongkai-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Parses the inside of one comment (without `<!--`/`-->`); null when it is not a gongkai directive. */
export function parseDirectiveComment(body: string, line: number, column: number): Directive | null {
  const m = BODY_RE.exec(body);
  if (!m) return null;
  let rest = m[2]!;
  let reason: string | undefined;
  const sep = rest.search(/\s--\s|\s--$/);
  if (sep >= 0) {
    reason = rest.slice(sep).replace(/^\s*--\s*/, '').trim() || undefined;
    rest = rest.slice(0, sep);
  }
  const rules = rest
    .split(/[\s,，]+/)
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const d: Directive = { kind: m[1] as Directive['kind'], rules, line, column };
  if (reason !== undefined) d.reason = reason;
  return d;
}

/** Strips the comment delimiters, if present, then parses. */
export function parseDirectiveCommentText(comment: string, line: number, column: number): Directive | null {
  const body = comment.replace(/^\s*<!--/, '').replace(/-->\s*$/, '');
  return parseDirectiveComment(body, line, column);
}

const COMMENT_RE = /<!--([\s\S]*?)-->/g;

/**
 * Every directive comment in a text, with 1-based line/column of the `<!--`. `lineStarts` may be passed when the
 * caller already has them.
 */
export function findDirectives(text: string, lineStarts?: readonly number[]): Directive[] {
  if (!text.includes('gongkai-')) return [];
  const starts = lineStarts ?? computeLineStarts(text);
  const out: Directive[] = [];
  COMMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT_RE.exec(text)) !== null) {
    const { line, column } = lineColumn(starts, m.index);
    const d = parseDirectiveComment(m[1]!, line, column);
    if (d) out.push(d);
  }
  return out;
}
