/**
 * Detects documents whose text was collapsed (a whole page on one or a few lines) and cuts their long blocks at the
 * headings found by `runInCuts`. Only collapsed documents are cut: in well-formed text a long paragraph that lists
 * "一、…；二、…" inline is a paragraph, and cutting it would invent headings.
 */
import type { RawBlock, RawDocument, RawTextBlock } from './raw.js';
import { runInCuts, type RunInOptions } from './run-in.js';
import { isSpace } from '../text/normalize.js';

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
  if (!isCollapsed(raw.blocks)) return { blocks: raw.blocks, collapsed: false };
  const blocks: RawBlock[] = [];
  for (const b of raw.blocks) {
    if (b.kind === 'text' && b.text.length >= MIN_CUT_BLOCK && b.markupLevel === undefined) blocks.push(...cutBlock(b, raw.source, opts));
    else blocks.push(b);
  }
  return { blocks, collapsed: true };
}
