import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { interval } from '../analysis/numbers.js';
import { locInBlock } from '../analysis/position.js';
import { breakdownsOf, textUnits } from './support.js';

export interface PercentMismatchOptions {
  /** Extra tolerance in percentage points on top of the rounding of the stated figure. */
  tolerance?: number;
}

export const percentMismatch: Rule<ReportDocument, PercentMismatchOptions> = {
  meta: {
    id: 'report/percent-mismatch',
    type: 'problem',
    subject: 'report',
    category: 'statistics',
    description: {
      zh: '核对正文中“占X%”的百分比是否与所述分项和总数相符',
      en: 'Checks that a stated share ("占X%") matches the part and total it refers to',
    },
    messages: {
      mismatch: {
        zh: '“{percent}”与数字不符：{part}占{total}应为{expected}%',
        en: '"{percent}" does not match the figures: {part} out of {total} is {expected}%',
      },
    },
    schema: {
      type: 'object',
      properties: { tolerance: { type: 'number', minimum: 0 } },
      additionalProperties: false,
    },
    defaultOptions: { tolerance: 0 },
    defaultSeverity: 'error',
    weight: 2,
  },
  check(doc, options, context) {
    const extra = options.tolerance ?? 0;
    for (const unit of textUnits(doc)) {
      for (const b of breakdownsOf(unit)) {
        for (const share of b.shares) {
          if (!share.part) continue;
          const [plo, phi] = interval(share.part);
          const [tlo, thi] = interval(b.shareBase);
          if (thi <= 0) continue;
          // The stated figure may be rounded or truncated to its decimals; approximations widen the range.
          const step = 10 ** -share.percent.decimals;
          const lo = (plo / Math.max(thi, 1e-9)) * 100;
          const hi = tlo > 0 ? (phi / tlo) * 100 : Infinity;
          const p = share.percent.value;
          if (p + step + extra >= lo && p - step - extra <= hi) continue;
          const expected = ((share.part.value / b.shareBase.value) * 100).toFixed(Math.max(1, share.percent.decimals));
          context.report({
            messageId: 'mismatch',
            data: { percent: share.percent.raw, part: share.part.raw, total: b.shareBase.raw, expected },
            findingData: { stated: p, expected: Number(expected), part: share.part.value, total: b.shareBase.value },
            loc: locInBlock(doc, unit.block, unit.base + share.percent.index, share.percent.length),
          });
        }
      }
    }
  },
};
