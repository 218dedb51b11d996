/**
 * Numbering markers at the start of a line or paragraph, in the styles of Chinese official documents:
 * 第一部分/第一章 (part), 一、 (chinese), （一） (paren-chinese), 1. / 1、 (arabic), （1） (paren-arabic), ① (circled).
 * Works on width-normalised text (see text/normalize), so （一） arrives as (一) and １． as 1. — offsets still match
 * the original. 一是/二是 are inline enumerations, not headings: `matchEnumeration` reads those.
 */
import type { Numbering, NumberingStyle } from './types.js';
import { parseChineseNumber } from '../text/chinese-number.js';
import { isSpace } from '../text/normalize.js';

export interface NumberingMatch extends Numbering {
  /** Offset in the input where the marker starts (after leading whitespace). */
  start: number;
  /** Offset where the heading text starts (after the marker and any separator/whitespace). */
  end: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const PART_RE = new RegExp(`^第(${CN}|[零〇两百]+|\\d{1,2})(?:部分|章|篇)[ 、.:：]*`);
// 一、 一. 一．(normalised to .) — not 一.5, and never 一是.
const CHINESE_RE = new RegExp(`^(${CN})[ ]*(?:、|\\.(?!\\d))[ ]*`);
const PAREN_CHINESE_RE = new RegExp(`^\\([ ]*(${CN})[ ]*\\)[ ]*[、.]?[ ]*`);
const PAREN_ARABIC_RE = /^\([ ]*(\d{1,2})[ ]*\)[ ]*[、.]?[ ]*/;
// 1) as used in some reports: same rank as (1).
const HALF_PAREN_ARABIC_RE = /^(\d{1,2})\)(?!\d)[ ]*/;
// 1、 1. 1, — but not 2012年, 1.5, 3.31, 1,234 (the separator must not be followed by a digit).
const ARABIC_RE = /^(\d{1,2})(?:[ ]*、|[.,](?!\d))[ ]*/;
const CIRCLED_RE = /^([\u2460-\u2473])[ 、.]*/;
const ENUM_RE = new RegExp(`^(${CN})是`);

function leading(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function make(
  style: NumberingStyle,
  value: number | null,
  original: string,
  start: number,
  markerLen: number,
  fullLen: number,
): NumberingMatch {
  return { style, value, raw: original.slice(start, start + markerLen).trimEnd(), start, end: start + fullLen };
}

/** The marker's own length without trailing separators/whitespace the regex swallowed after the marker. */
function markerLength(matched: string): number {
  return matched.replace(/[ ]+$/, '').length;
}

/**
 * Reads a numbering marker at the start of `norm` (width-normalised). `original` (same length) is used for `raw`;
 * it defaults to `norm`.
 */
export function matchNumbering(norm: string, original: string = norm): NumberingMatch | null {
  const s0 = leading(norm);
  const s = s0 === 0 ? norm : norm.slice(s0);
  const c = s.charCodeAt(0);
  let m: RegExpExecArray | null;
  if (c === 0x7b2c /* 第 */) {
    if ((m = PART_RE.exec(s))) {
      const v = /\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumber(m[1]!);
      return make('part', v, original, s0, markerLength(m[0]), m[0].length);
    }
    return null;
  }
  if (c === 0x28 /* ( */) {
    if ((m = PAREN_CHINESE_RE.exec(s))) {
      return make('paren-chinese', parseChineseNumber(m[1]!), original, s0, markerLength(m[0]), m[0].length);
    }
    if ((m = PAREN_ARABIC_RE.exec(s))) {
      return make('paren-arabic', Number(m[1]), original, s0, markerLength(m[0]), m[0].length);
    }
    return null;
  }
  if (c >= 0x30 && c <= 0x39) {
    if ((m = ARABIC_RE.exec(s))) return make('arabic', Number(m[1]), original, s0, markerLength(m[0]), m[0].length);
    if ((m = HALF_PAREN_ARABIC_RE.exec(s))) {
      return make('paren-arabic', Number(m[1]), original, s0, markerLength(m[0]), m[0].length);
    }
    return null;
  }
  if (c >= 0x2460 && c <= 0x2473) {
    m = CIRCLED_RE.exec(s)!;
    return make('circled', c - 0x2460 + 1, original, s0, markerLength(m[0]), m[0].length);
  }
  if ((m = CHINESE_RE.exec(s))) {
    return make('chinese', parseChineseNumber(m[1]!), original, s0, markerLength(m[0]), m[0].length);
  }
  return null;
}

/** 一是 / 二是 at the start of a sentence: an inline enumeration item, never a heading. */
export function matchEnumeration(norm: string): { value: number; raw: string; start: number; end: number } | null {
  const s0 = leading(norm);
  const m = ENUM_RE.exec(s0 === 0 ? norm : norm.slice(s0));
  if (!m) return null;
  return { value: parseChineseNumber(m[1]!)!, raw: m[0], start: s0, end: s0 + m[0].length };
}

/** Conventional nesting rank of each style (lower = outer), used to break ties when building the outline. */
export const STYLE_RANK: Record<NumberingStyle, number> = {
  part: 0,
  chinese: 1,
  'paren-chinese': 2,
  arabic: 3,
  'paren-arabic': 4,
  circled: 5,
  none: 6,
};
