/**
 * Detects documents whose text was collapsed (a whole page on one or a few lines) and cuts their long blocks at the
 * headings found by `runInCuts`. Only collapsed documents are cut: in well-formed text a long paragraph that lists
 * "一、…；二、…" inline is a paragraph, and cutting it would invent headings.
 */
import type { RawBlock, RawDocument, RawTextBlock } from './raw.js';
import { headingEnd, runInCuts, type RunInOptions } from './run-in.js';
import { matchNumbering } from './numbering.js';
import { isSpace, normalizeWidth } from '../text/normalize.js';

/** A block this long is a page, not a paragraph. */
const PAGE_BLOCK = 2000;
/** A block holding most of the text is a collapsed page from this length on (a short report fits in ~800 chars). */
const PAGE_SHARE_MIN = 600;
/** Blocks shorter than this are left whole even in a collapsed document. */
const MIN_CUT_BLOCK = 120;

export function isCollapsed(blocks: readonly RawBlock[]): boolean {
  let total = 0;
  let longest = 0;
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    total += b.text.length;
    if (b.text.length > longest) longest = b.text.length;
  }
  return longest >= PAGE_BLOCK || (longest >= PAGE_SHARE_MIN && longest >= 0.6 * total);
}

function piece(b: RawTextBlock, from: number, to: number, verbatim: boolean): RawTextBlock | null {
  let s = from;
  let e = to;
  while (s < e && isSpace(b.text.charCodeAt(s))) s++;
  while (e > s && isSpace(b.text.charCodeAt(e - 1))) e--;
  if (e <= s) return null;
  const out: RawTextBlock = { kind: 'text', text: b.text.slice(s, e), start: verbatim ? b.start + s : b.start, end: verbatim ? b.start + e : b.end };
  if (b.page !== undefined) out.page = b.page;
  if (b.paragraph !== undefined) out.paragraph = b.paragraph;
  return out;
}

/** Cuts one block; pieces that are cut-out part names are marked `runIn` when they carry no number. */
function cutBlock(b: RawTextBlock, source: string, opts: RunInOptions): RawTextBlock[] {
  const cuts = runInCuts(b.text, opts);
  if (cuts.length === 0) return [b];
  const verbatim = b.end - b.start === b.text.length && source.startsWith(b.text, b.start);
  const out: RawTextBlock[] = [];
  const bounds = [0, ...cuts, b.text.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const p = piece(b, bounds[i]!, bounds[i + 1]!, verbatim);
    if (!p) continue;
    if (p.text.length <= 24 && opts.partNames.some((n) => n.length >= 2 && p.text.includes(n)) && !/[。，,；;]/.test(p.text)) p.runIn = true;
    out.push(p);
  }
  return out;
}

/** The raw blocks with collapsed ones cut at their headings, and whether the document was collapsed. */
export function expandCollapsed(raw: RawDocument, opts: RunInOptions): { blocks: RawBlock[]; collapsed: boolean } {
  if (!isCollapsed(raw.blocks)) {
    // Paragraphs on their own lines may still have lost the break after a heading ("一、总体情况 2022年，…").
    const blocks: RawBlock[] = [];
    for (const b of raw.blocks) {
      if (b.kind === 'text' && PART_MARKER_START.test(b.text)) blocks.push(...splitLeadingHeading(b, raw.source, opts));
      else blocks.push(b);
    }
    return { blocks, collapsed: false };
  }
  const blocks: RawBlock[] = [];
  for (const b of raw.blocks) {
    if (b.kind === 'text' && b.text.length >= MIN_CUT_BLOCK && b.markupLevel === undefined) blocks.push(...cutBlock(b, raw.source, opts));
    else blocks.push(b);
  }
  return { blocks, collapsed: true };
}

/** How much of a line can hold its heading: the marker and a phrase of up to 40 characters, with some slack. */
const HEAD_WINDOW = 72;
/** What a line that opens with a part marker (一、, 第一部分) starts with, before width normalisation. */
const PART_MARKER_START = /^[\s\u3000]*[一二三四五六七八九十第]/;

/**
 * A line that opens with a part heading (一、 or 第一部分) and runs on into its text without punctuation
 * ("一、总体情况 2022年，本机关…", "三、收到和处理政府信息公开申请情况本年度…"): the heading is cut off when its phrase
 * ends in 情况/事项 or names a statutory part. A heading that ends at a sentence mark is left to the model builder.
 */
function splitLeadingHeading(b: RawTextBlock, source: string, opts: RunInOptions): RawTextBlock[] {
  if (b.markupLevel !== undefined || b.text.length < 12) return [b];
  // The heading sits in the first few dozen characters; the rest of a long line need not be normalised.
  const norm = normalizeWidth(b.text.length > HEAD_WINDOW ? b.text.slice(0, HEAD_WINDOW) : b.text);
  const num = matchNumbering(norm);
  if (!num) return [b];
  const head = headingEnd(norm, num.end);
  if (!head || head.inline || head.end >= b.text.trimEnd().length) return [b];
  const phrase = norm.slice(num.end, head.end);
  if (!/(?:情况|事项)$/.test(phrase) && !opts.partNames.some((n) => phrase.includes(n))) return [b];
  // Text that goes on with a sentence mark right after the phrase is an inline heading the builder reads itself.
  if (/^[\s]*[。；：:;，,]/.test(norm.slice(head.end, head.end + 4))) return [b];
  const verbatim = b.end - b.start === b.text.length && source.startsWith(b.text, b.start);
  return [piece(b, 0, head.end, verbatim), piece(b, head.end, b.text.length, verbatim)].filter((p): p is RawTextBlock => p !== null);
}
