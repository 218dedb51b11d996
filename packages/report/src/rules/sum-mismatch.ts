import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { interval, type Quantity } from '../analysis/numbers.js';
import { locInBlock } from '../analysis/position.js';
import { breakdownsOf, textUnits } from './support.js';

export interface SumMismatchOptions {
  /** Report a sum smaller than the total even when the list looks open-ended (等, 包括). */
  strictOpenEnded?: boolean;
  /** Fewest parts a statement needs before it is checked. */
  minParts?: number;
}

function fmt(lo: number, hi: number): string {
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** Words that turn the figures after them into extra information ("…其他处理1件，另结转下年度2件"). */
const EXTRA_WORD = /另|此外|结转|还有|同时|以外|之外|除此/;

/**
 * Whether the first parts already add up and the rest are extra information. Only when the text between the two
 * says so: a list that merely happens to reach the total part-way ("5条；37条；3条；1条；29条" against 46) is wrong.
 */
function prefixMatches(text: string, parts: Quantity[], tlo: number, thi: number, minParts: number): boolean {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < parts.length - 1; i++) {
    const [a, z] = interval(parts[i]);
    lo += a;
    hi += z;
    if (i + 1 >= minParts && lo <= thi && hi >= tlo) {
      const between = text.slice(parts[i].index + parts[i].length, parts[i + 1].index);
      if (EXTRA_WORD.test(between)) return true;
    }
  }
  return false;
}

/**
 * A 其中 list that falls short of its total usually names only some of the items ("累计公开251条，其中项目审批191条、
 * 规范性文件3条"); only a near miss with several items reads as an arithmetic slip ("在公开的74条信息中" with seven
 * categories adding up to 73).
 */
const UNDER_MIN_SHARE = 0.9;
const UNDER_MIN_PARTS = 3;

export const sumMismatch: Rule<ReportDocument, SumMismatchOptions> = {
  meta: {
    id: 'report/sum-mismatch',
    type: 'problem',
    subject: 'report',
    category: 'statistics',
    description: {
      zh: '核对正文中“共N条，其中……”的分项之和是否等于总数；带“余、多、约、近、左右”的约数按区间核对',
      en: 'Checks that the parts of a "共N条，其中……" statement add up to the total; approximate figures (余/多/约/近/左右) are compared as ranges',
    },
    messages: {
      over: {
        zh: '分项之和（{parts}＝{sum}）大于总数“{total}”',
        en: 'the parts ({parts} = {sum}) add up to more than the total "{total}"',
      },
      under: {
        zh: '分项之和（{parts}＝{sum}）小于总数“{total}”',
        en: 'the parts ({parts} = {sum}) add up to less than the total "{total}"',
      },
    },
    schema: {
      type: 'object',
      properties: { strictOpenEnded: { type: 'boolean' }, minParts: { type: 'integer', minimum: 2 } },
      additionalProperties: false,
    },
    defaultOptions: { strictOpenEnded: false, minParts: 2 },
    defaultSeverity: 'error',
    weight: 3,
  },
  check(doc, options, context) {
    const minParts = options.minParts ?? 2;
    for (const unit of textUnits(doc)) {
      for (const b of breakdownsOf(unit)) {
        if (b.parts.length < minParts) continue;
        const [tlo, thi] = interval(b.total);
        let lo = 0;
        let hi = 0;
        for (const p of b.parts) {
          const [a, z] = interval(p);
          lo += a;
          hi += z;
        }
        // Ranges that overlap are consistent: 240余+50余+50 may well be 350余.
        const over = lo > thi;
        const under =
          hi < tlo &&
          (!b.openEnded || options.strictOpenEnded) &&
          b.parts.length >= UNDER_MIN_PARTS &&
          hi >= UNDER_MIN_SHARE * tlo;
        if (!over && !under) continue;
        // "共办结38件，其中予以公开18件……其他处理1件，结转下年度2件": trailing figures after a list that already adds
        // up are extra information, not parts.
        if (over && prefixMatches(unit.text, b.parts, tlo, thi, minParts)) continue;
        const exact = b.parts.every((p) => !p.approx);
        const sum = exact ? String(lo) : fmt(lo, hi);
        context.report({
          messageId: over ? 'over' : 'under',
          data: { parts: b.parts.map((p) => p.raw).join('＋'), sum, total: b.total.raw },
          findingData: {
            total: b.total.value,
            totalRange: [tlo, thi],
            parts: b.parts.map((p) => p.value),
            sumRange: [lo, hi],
            approximate: !exact || !!b.total.approx,
          },
          loc: locInBlock(doc, unit.block, unit.base + b.total.index, b.total.length),
        });
      }
    }
  },
};
