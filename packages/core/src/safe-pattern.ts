/**
 * Regular expressions from packs and configs, run in linear time. JavaScript's engine backtracks, so a pattern
 * such as `(a+)+$` takes minutes on forty characters, and packs are written by users. These patterns run on RE2
 * (re2js, pure JS), whose time grows linearly with the text whatever the pattern; what RE2 cannot run — lookaround
 * and backreferences — is refused when the pack loads, with a message that says why.
 *
 * Patterns are written in JavaScript syntax (as the docs always said); the few escapes RE2 spells differently are
 * translated: `\uXXXX` and `\u{…}`, and `\s`, which in JavaScript also matches the ideographic space U+3000 that
 * Chinese text is full of.
 */
import { RE2JS } from 're2js';
import { GongkaiError } from './errors.js';
import type { LocalizedText } from './types.js';

// JavaScript's \s, as an RE2 class body.
const JS_SPACE = '\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

type Translation = { source: string } | { problem: 'lookaround' | 'backreference' };

/** JavaScript pattern syntax → RE2 syntax, or what in it RE2 cannot run. */
function toRe2(js: string): Translation {
  let out = '';
  let inClass = false;
  for (let i = 0; i < js.length; i++) {
    const c = js[i]!;
    if (c === '\\') {
      const n = js[i + 1] ?? '';
      if (n === 'u' && js[i + 2] === '{') {
        const close = js.indexOf('}', i + 3);
        if (close < 0) return { source: js };
        out += `\\x{${js.slice(i + 3, close)}}`;
        i = close;
      } else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(js.slice(i + 2, i + 6))) {
        out += `\\x{${js.slice(i + 2, i + 6)}}`;
        i += 5;
      } else if (n === 's') {
        out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
        i++;
      } else if (n === 'S' && !inClass) {
        out += `[^${JS_SPACE}]`;
        i++;
      } else if ((/[1-9]/.test(n) || (n === 'k' && js[i + 2] === '<')) && !inClass) {
        return { problem: 'backreference' };
      } else {
        out += c + n;
        i++;
      }
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && /^\(\?<?[=!]/.test(js.slice(i, i + 4))) return { problem: 'lookaround' };
    out += c;
  }
  return { source: out };
}

const PROBLEM_TEXT: Record<'lookaround' | 'backreference', LocalizedText> = {
  lookaround: {
    zh: '使用了环视（(?=…)、(?!…)、(?<=…)、(?<!…)），无法保证在线性时间内匹配，请改写',
    en: 'uses lookaround ((?=…), (?!…), (?<=…), (?<!…)), which cannot be matched in linear time; rewrite it without',
  },
  backreference: {
    zh: '使用了反向引用（\\1、\\k<名称>），无法保证在线性时间内匹配，请改写',
    en: 'uses a backreference (\\1, \\k<name>), which cannot be matched in linear time; rewrite it without',
  },
};

const cache = new Map<string, RE2JS | LocalizedText>();

function compileOrProblem(source: string): RE2JS | LocalizedText {
  let hit = cache.get(source);
  if (hit) return hit;
  const t = toRe2(source);
  if ('problem' in t) hit = PROBLEM_TEXT[t.problem];
  else {
    try {
      // JavaScript's native check first: a pattern must also be valid where the docs say it is JavaScript.
      new RegExp(source);
      hit = RE2JS.compile(t.source);
    } catch (e) {
      const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 120);
      hit = { zh: `不是有效的正则表达式（${detail}）`, en: `is not a valid regular expression (${detail})` };
    }
  }
  cache.set(source, hit);
  return hit;
}

/** Why a pack pattern cannot be used (invalid, or not runnable in linear time), or undefined when it can. */
export function patternProblem(source: string): LocalizedText | undefined {
  const r = compileOrProblem(source);
  return r instanceof RE2JS ? undefined : r;
}

export interface PatternMatch {
  index: number;
  text: string;
}

/** Something that finds the first match in `text` at or after `from`: a user pattern or a built-in RegExp. */
export interface Finder {
  exec(text: string, from: number): PatternMatch | null;
  /** Longest text it is given at a time (default SCAN_WINDOW); see scanMatches. */
  readonly window?: number;
}

/** A pack or config pattern compiled for RE2. */
export class UserPattern implements Finder {
  readonly source: string;
  /** RE2 is linear in the text, and `^`/`$` in a user's pattern must see where the text really ends: no windows. */
  readonly window = Infinity;
  readonly #re: RE2JS;

  private constructor(source: string, re: RE2JS) {
    this.source = source;
    this.#re = re;
  }

  /** Compiles a pattern; one that validation would have refused throws the same reason as a GongkaiError. */
  static compile(source: string): UserPattern {
    const r = compileOrProblem(source);
    if (!(r instanceof RE2JS)) {
      throw new GongkaiError('config/unsafe-pattern', { zh: `正则表达式 {pattern} ${r.zh}`, en: `the pattern {pattern} ${r.en}` }, { pattern: JSON.stringify(source) });
    }
    return new UserPattern(source, r);
  }

  exec(text: string, from = 0): PatternMatch | null {
    const m = this.#re.matcher(text);
    if (from > text.length || !m.find(from)) return null;
    return { index: m.start(), text: m.group() ?? '' };
  }

  test(text: string): boolean {
    return scanMatches(this, text).next().done === false;
  }
}

/** A built-in global RegExp as a Finder. */
export function regexFinder(re: RegExp): Finder {
  const g = re.global ? re : new RegExp(re.source, re.flags + 'g');
  return {
    exec(text, from) {
      g.lastIndex = from;
      const m = g.exec(text);
      return m ? { index: m.index, text: m[0] } : null;
    },
  };
}

/** Longest piece of text a built-in pattern sees at a time. */
export const SCAN_WINDOW = 4096;
/** How far consecutive pieces overlap: matches up to this long are found whole wherever they lie. */
export const SCAN_OVERLAP = 256;
/** Text kept before each piece so that lookbehinds (up to this long) see what precedes it. */
const BEHIND = 32;

/**
 * Every non-empty match of `finder` in `text`, left to right, not overlapping. Text longer than the finder's window
 * (a line of a megabyte, a title with no end) is read in overlapping pieces, so no built-in pattern ever sees more
 * than a window: linear patterns stay linear with a small constant, and an unforeseen super-linear one is bounded
 * per piece. Piece edges look like text edges to `^`, `$` and `\b`, so windowed patterns must not use them.
 */
export function* scanMatches(finder: Finder, text: string): Generator<PatternMatch> {
  const window = finder.window ?? SCAN_WINDOW;
  const step = window - SCAN_OVERLAP;
  let next = 0;
  for (let start = 0; ; start += step) {
    // Piece = [start - BEHIND, start + window); its matches are those starting in [start, start + step).
    const from0 = Math.max(0, start - BEHIND);
    const end = Math.min(text.length, start + window);
    const piece = from0 === 0 && end === text.length ? text : text.slice(from0, end);
    const last = end === text.length;
    const limit = last ? Infinity : start + step - from0;
    for (let from = Math.max(start, next) - from0; from <= piece.length; ) {
      const m = finder.exec(piece, from);
      if (!m || m.index >= limit) break;
      if (!m.text.length) {
        from = m.index + 1;
        continue;
      }
      yield { index: from0 + m.index, text: m.text };
      next = from0 + m.index + m.text.length;
      from = m.index + m.text.length;
    }
    if (last) return;
  }
}

/** The first match, or null; like `scanMatches(...).next()`. */
export function firstMatch(finder: Finder, text: string): PatternMatch | null {
  const r = scanMatches(finder, text).next();
  return r.done ? null : r.value;
}
