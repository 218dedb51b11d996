/**
 * Text extracted from a PDF keeps the PDF's line breaks: every line of a paragraph ends at the page margin, titles
 * and sentences are cut in the middle ("…年度报" / "告"), and page footers ("- 1 -") sit in the middle of paragraphs.
 * Reflow joins such lines back into paragraphs, the way a reader does: a line that reaches the margin and does not
 * end a sentence goes on in the next line. The margin is found from the text itself (the most common line width),
 * so the step does nothing to text that was not hard-wrapped.
 */
import { displayWidth } from '@gongkai/core';
import type { RawBlock, RawTextBlock } from './raw.js';
import { matchNumbering } from './numbering.js';
import { normalizeWidth } from '../text/normalize.js';

/** A page number or footer line: "- 1 -", "— 2 —", "第 3 页 共 9 页", "3/9". */
export const FOOTER_LINE = /^[\s]*(?:[—\-–－]{1,2}[\s]*[0-9]{1,3}[\s]*[—\-–－]{1,2}|第[\s]*[0-9]{1,3}[\s]*页(?:[\s,，]*共[\s]*[0-9]{1,3}[\s]*页)?|[0-9]{1,3}[\s]*\/[\s]*[0-9]{1,3})[\s]*$/;
const SENTENCE_ENDS = new Set([...'。！？；;:：!?」』”']);
/** Whether the text's last character ends a sentence (a set lookup: a `…$` pattern would scan the whole line). */
function endsSentence(text: string): boolean {
  return SENTENCE_ENDS.has(text[text.length - 1] ?? '');
}
/** Characters in the longest line taken for a margin-wide one (an A4 page holds about 40 CJK characters). */
const MAX_LINE = 120;
/** Lines narrower than this are never taken for margin-wide lines. */
const MIN_WIDTH = 30;
/** Columns a margin-wide line may fall short of the margin: a two-character indent and some proportional digits. */
const SLACK = 8;
/** A wrapped-off tail: up to four characters, no punctuation ("…年度报" / "告", "（三）不予公" / "开"). */
const TAIL = /^[\u4e00-\u9fff]{1,4}$/;
/** How many lines must share the margin width before the text counts as hard-wrapped. */
const MIN_FULL_LINES = 6;

export interface Reflowed {
  blocks: RawBlock[];
  /** Line breaks removed inside paragraphs. */
  joins: number;
  /** Footer lines dropped from the middle of paragraphs. */
  footers: number;
}

/** The margin: the most common width among wide lines, or null when too few lines share it. */
function marginWidth(blocks: readonly RawBlock[]): number | null {
  if (!manyAlike(blocks)) return null;
  const counts = new Map<number, number>();
  let wide = 0;
  for (const b of blocks) {
    // A line cut at a page margin is short; long lines (a paragraph per line) are never margin-wide.
    if (b.kind !== 'text' || b.text.length > MAX_LINE || b.text.length < MIN_WIDTH / 2) continue;
    wide++;
    // Only a line that does not end a sentence can have been cut at the margin; measure just those.
    if (endsSentence(b.text) || !joinable(b)) continue;
    const w = displayWidth(b.text);
    if (w >= MIN_WIDTH) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // Lines that reach the margin differ by a few columns (proportional digits, a first-line indent the extraction
  // dropped); count them together.
  let best: number | null = null;
  let bestCount = 0;
  for (const w of counts.keys()) {
    let n = 0;
    for (let d = 0; d <= SLACK; d++) n += counts.get(w - d) ?? 0;
    if (n > bestCount || (n === bestCount && best !== null && w > best)) {
      best = w;
      bestCount = n;
    }
  }
  return best !== null && bestCount >= MIN_FULL_LINES && bestCount >= 0.25 * wide ? best : null;
}

/**
 * A cheap look first (lengths, not widths): are there enough lines of nearly one length to be a margin at all?
 * Most documents are not hard-wrapped and stop here.
 */
function manyAlike(blocks: readonly RawBlock[]): boolean {
  const byLength = new Map<number, number>();
  for (const b of blocks) {
    // A line that ends a sentence ends its paragraph too: only the others can be cut at a margin.
    if (b.kind !== 'text' || b.text.length > MAX_LINE || b.text.length < MIN_WIDTH / 2 || endsSentence(b.text) || !joinable(b)) continue;
    const k = b.text.length >> 3;
    byLength.set(k, (byLength.get(k) ?? 0) + 1);
  }
  for (const [k, n] of byLength) if (n + (byLength.get(k + 1) ?? 0) >= MIN_FULL_LINES) return true;
  return false;
}

/** A row of a table laid out with spaces or bars ("（三）不予公开  1  0  0  1"): never part of a paragraph. */
const TABLE_ROW = /\S(?: {2,}|\t| ?[|｜] ?)\S|(?:\s\d+){2,}\s*$/;

function joinable(b: RawBlock | undefined): b is RawTextBlock {
  return b !== undefined && b.kind === 'text' && b.markupLevel === undefined && !TABLE_ROW.test(b.text);
}

/** Joins the lines of hard-wrapped paragraphs; each joined block maps its text back to the source piece by piece. */
export function reflowHardBreaks(blocks: readonly RawBlock[], source: string): Reflowed {
  const margin = marginWidth(blocks);
  if (margin === null) return { blocks: blocks as RawBlock[], joins: 0, footers: 0 };
  const full = (b: RawTextBlock) => {
    const w = displayWidth(b.text);
    return w >= margin - SLACK && w <= margin + 2 && !endsSentence(b.text);
  };
  // A line whose last characters were wrapped onto a line of their own, in a narrower column (a title, a cell).
  // Not after a numbered line: "四、…情况" followed by a table's first header cell "行政复议" is two lines.
  const tailFollows = (b: RawTextBlock, next: RawBlock | undefined) =>
    joinable(next) && TAIL.test(next.text.trim()) && !endsSentence(b.text) && /[\u4e00-\u9fff]$/.test(b.text) && !matchNumbering(normalizeWidth(b.text));
  const out: RawBlock[] = [];
  let joins = 0;
  let footers = 0;
  for (let i = 0; i < blocks.length; i++) {
    const first = blocks[i]!;
    if (!joinable(first) || (!full(first) && !tailFollows(first, blocks[i + 1]))) {
      out.push(first);
      continue;
    }
    const parts: RawTextBlock[] = [first];
    let j = i + 1;
    if (!full(first)) {
      parts.push(blocks[i + 1] as RawTextBlock);
      j = i + 2;
    }
    while (full(parts[parts.length - 1]!)) {
      let k = j;
      while (joinable(blocks[k]) && FOOTER_LINE.test((blocks[k] as RawTextBlock).text)) k++;
      const next = blocks[k];
      if (!joinable(next) || FOOTER_LINE.test(next.text)) break;
      footers += k - j;
      parts.push(next);
      j = k + 1;
    }
    out.push(parts.length > 1 ? merge(parts, source) : first);
    joins += parts.length - 1;
    i = j - 1;
  }
  return { blocks: out, joins, footers };
}

function merge(parts: RawTextBlock[], source: string): RawTextBlock {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const b: RawTextBlock = { kind: 'text', text: parts.map((p) => p.text).join(''), start: first.start, end: last.end };
  if (first.page !== undefined) b.page = first.page;
  if (first.paragraph !== undefined) b.paragraph = first.paragraph;
  // Each piece is a verbatim slice of the source: positions inside the joined text stay exact.
  if (parts.every((p) => p.end - p.start === p.text.length && source.startsWith(p.text, p.start))) {
    let at = 0;
    b.pieces = parts.map((p) => {
      const piece = { at, offset: p.start };
      at += p.text.length;
      return piece;
    });
  }
  return b;
}
