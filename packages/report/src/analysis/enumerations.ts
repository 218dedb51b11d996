/**
 * Inline enumerations: 一是…二是…三是… inside the text of one part. They are not headings, but a list that says
 * 三是 twice ("一是…二是…三是…三是…四是") is a numbering slip of the same kind as a repeated heading number.
 */
import type { Block, Paragraph, ReportDocument, Section } from '../model/types.js';
import { parseChineseNumber } from '../text/chinese-number.js';

export interface EnumerationMark {
  value: number;
  raw: string;
  block: Paragraph;
  /** Offset of the marker in the block's text. */
  index: number;
}

/** 一是/二是 at the start of a clause: after a sentence or clause end, a colon, or at the start of the text. */
const ENUM = /(?<=^|[。；;：:！？!?\s，,])([一二三四五六七八九十]{1,3})是(?![否非的为])/g;

function marks(block: Paragraph): EnumerationMark[] {
  const out: EnumerationMark[] = [];
  if (!block.text.includes('是')) return out;
  ENUM.lastIndex = 0;
  for (let m = ENUM.exec(block.text); m; m = ENUM.exec(block.text)) {
    const v = parseChineseNumber(m[1]!);
    if (v !== null && v >= 1 && v <= 30) out.push({ value: v, raw: m[0], block, index: m.index });
  }
  return out;
}

function blockMarks(blocks: readonly Block[]): EnumerationMark[] {
  const out: EnumerationMark[] = [];
  for (const b of blocks) if (b.kind === 'paragraph') out.push(...marks(b));
  return out;
}

/**
 * Marks that repeat the number just before them within one part's own text. A list restarts at 一是, so two
 * lists in one part ("一是…二是…" then "一是…三是…") are two runs, never one.
 */
export function repeatedEnumerations(doc: ReportDocument): Array<{ mark: EnumerationMark; previous: EnumerationMark }> {
  const out: Array<{ mark: EnumerationMark; previous: EnumerationMark }> = [];
  const visit = (blocks: readonly Block[]) => {
    let prev: EnumerationMark | undefined;
    for (const m of blockMarks(blocks)) {
      if (prev && m.value === prev.value && m.value !== 1) out.push({ mark: m, previous: prev });
      prev = m;
    }
  };
  const walk = (secs: readonly Section[]) => {
    for (const s of secs) {
      visit(s.blocks);
      walk(s.children);
    }
  };
  visit(doc.preamble);
  walk(doc.sections);
  return out;
}
