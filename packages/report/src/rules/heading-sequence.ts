import type { Fix, Rule } from '@gongkai/core';
import type { Heading, NumberingStyle, ReportDocument, Section } from '../model/types.js';
import { locOfSpan } from '../analysis/position.js';
import { toChineseNumeral } from '../fix/numerals.js';
import { renumberEdits } from '../fix/renumber.js';
import { repeatedEnumerations } from '../analysis/enumerations.js';
import { locInBlock } from '../analysis/position.js';

export interface HeadingSequenceOptions {
  /** Also check that the first heading of a run is numbered 1. */
  mustStartAtOne?: boolean;
  /** Report headings whose numbering style normally belongs higher than their parent's (一、 under （一）). */
  checkNesting?: boolean;
}

const RANK: Record<NumberingStyle, number> = {
  part: 0,
  chinese: 1,
  'paren-chinese': 2,
  arabic: 3,
  'paren-arabic': 4,
  circled: 5,
  none: 99,
};

function show(style: NumberingStyle, value: number): string {
  switch (style) {
    case 'chinese':
      return `${toChineseNumeral(value)}、`;
    case 'paren-chinese':
      return `（${toChineseNumeral(value)}）`;
    case 'arabic':
      return `${value}.`;
    case 'paren-arabic':
      return `（${value}）`;
    case 'part':
      return `第${toChineseNumeral(value)}部分`;
    default:
      return String(value);
  }
}

function numbered(h: Heading): boolean {
  return !!h.numbering && h.numbering.style !== 'none';
}

export const headingSequence: Rule<ReportDocument, HeadingSequenceOptions> = {
  meta: {
    id: 'report/heading-sequence',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: {
      zh: '检查章节编号是否连续：有无跳号、重号、倒序，以及编号层级是否混用',
      en: 'Checks that heading numbers run on without gaps, duplicates or reversals, and that numbering levels are not mixed up',
    },
    messages: {
      gap: {
        zh: '编号跳号：“{heading}”之前缺少{missing}',
        en: 'numbering gap: {missing} is missing before "{heading}"',
      },
      duplicate: {
        zh: '编号重复：“{heading}”与前一个同级标题的编号相同（{marker}）',
        en: 'duplicate number: "{heading}" repeats the number of the previous heading at this level ({marker})',
      },
      reversed: {
        zh: '编号倒序：“{heading}”的编号{marker}小于前一个同级标题',
        en: 'numbers go backwards: "{heading}" ({marker}) comes after a higher number at the same level',
      },
      mixedStyle: {
        zh: '编号层级混用：“{heading}”使用“{marker}”，而同级其他标题使用“{expected}”式编号',
        en: 'mixed numbering levels: "{heading}" uses "{marker}" while its sibling headings use the "{expected}" style',
      },
      enumDuplicate: {
        zh: '列举序号重复：“{marker}”出现了两次（“{excerpt}”）',
        en: 'enumeration repeats a number: "{marker}" appears twice ("{excerpt}")',
      },
      nesting: {
        zh: '编号层级颠倒：“{heading}”（{marker}）位于下级编号“{parent}”之下',
        en: 'numbering levels inverted: "{heading}" ({marker}) sits under the lower-level heading "{parent}"',
      },
    },
    schema: {
      type: 'object',
      properties: { mustStartAtOne: { type: 'boolean' }, checkNesting: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { mustStartAtOne: true, checkNesting: true },
    defaultSeverity: 'error',
    weight: 3,
    fixable: true,
  },
  check(doc, options, context) {
    // In damaged text (collapsed, flattened tables, lines broken by a PDF extraction) sub-headings cannot be told
    // reliably from list items and table rows, so only the parts (一、 / 第一部分) are checked there;
    // `report/extraction-quality` says so.
    const q = doc.quality;
    const topOnly = q.collapsed || q.flattenedTables !== undefined || q.hardBreaks !== undefined;
    const visit = (siblings: Section[], parent: Heading | undefined) => {
      let heads = siblings.map((s) => s.heading).filter(numbered);
      if (topOnly) heads = parent ? [] : heads.filter((h) => h.numbering!.style === 'chinese' || h.numbering!.style === 'part');
      if (heads.length) checkRun(heads, parent);
      for (const s of siblings) if (s.children.length) visit(s.children, numbered(s.heading) ? s.heading : parent);
    };

    const checkRun = (heads: Heading[], parent: Heading | undefined) => {
      // The style most siblings use defines the run; the others are level mix-ups.
      const counts = new Map<NumberingStyle, number>();
      for (const h of heads) counts.set(h.numbering!.style, (counts.get(h.numbering!.style) ?? 0) + 1);
      let style: NumberingStyle = heads[0].numbering!.style;
      for (const [s, c] of counts) if (c > counts.get(style)! || (c === counts.get(style)! && RANK[s] < RANK[style])) style = s;
      const run: Heading[] = [];
      for (const h of heads) {
        const n = h.numbering!;
        if (n.style !== style) {
          context.report({
            messageId: 'mixedStyle',
            data: { heading: h.raw.trim(), marker: n.raw, expected: show(style, 1) },
            findingData: { style: n.style, expectedStyle: style },
            loc: locOfSpan(h.span),
          });
          continue;
        }
        run.push(h);
      }
      if (options.checkNesting !== false && parent?.numbering && RANK[style] <= RANK[parent.numbering.style]) {
        const h = run[0];
        if (h) {
          context.report({
            messageId: 'nesting',
            data: { heading: h.raw.trim(), marker: h.numbering!.raw, parent: parent.raw.trim() },
            findingData: { style, parentStyle: parent.numbering.style },
            loc: locOfSpan(h.span),
          });
        }
      }
      let expected = 1;
      let prev: number | null = null;
      let fix: Fix | undefined;
      let fixComputed = false;
      const fixFor = (): Fix | undefined => {
        if (fixComputed) return undefined; // one fix per run: it renumbers the whole run
        fixComputed = true;
        const edits = renumberEdits(doc, run);
        fix = edits && edits.length ? { edits } : undefined;
        return fix;
      };
      for (let i = 0; i < run.length; i++) {
        const h = run[i];
        const v = h.numbering!.value;
        if (v === null) continue;
        const marker = h.numbering!.raw;
        if (prev !== null && v === prev) {
          context.report({
            messageId: 'duplicate',
            data: { heading: h.raw.trim(), marker },
            findingData: { value: v, expected },
            loc: locOfSpan(h.span),
            fix: fixFor(),
          });
        } else if (prev !== null && v < prev) {
          context.report({
            messageId: 'reversed',
            data: { heading: h.raw.trim(), marker },
            findingData: { value: v, expected },
            loc: locOfSpan(h.span),
            fix: fixFor(),
          });
        } else if (v > expected && (prev !== null || options.mustStartAtOne !== false)) {
          const missing: string[] = [];
          for (let k = expected; k < v && missing.length < 5; k++) missing.push(show(style, k));
          if (v - expected > 5) missing.push('…');
          context.report({
            messageId: 'gap',
            data: { heading: h.raw.trim(), missing: missing.join('') },
            findingData: { value: v, expected },
            loc: locOfSpan(h.span),
            fix: fixFor(),
          });
        }
        if (prev === null || v > prev) expected = v + 1;
        else expected = Math.max(expected, prev + 1);
        prev = Math.max(prev ?? v, v);
      }
    };

    visit(doc.sections, undefined);
    for (const { mark } of repeatedEnumerations(doc)) {
      context.report({
        messageId: 'enumDuplicate',
        data: { marker: mark.raw, excerpt: mark.block.text.slice(mark.index, mark.index + 20) },
        findingData: { enumeration: mark.value },
        loc: locInBlock(doc, mark.block, mark.index, mark.raw.length),
      });
    }
  },
};
