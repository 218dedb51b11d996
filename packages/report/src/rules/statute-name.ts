import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { locInBlock } from '../analysis/position.js';
import { textUnits } from './support.js';

const CORRECT = '中华人民共和国政府信息公开条例';
/** Titles in book-title marks that mention information disclosure and end in 条例. */
const CITED = /《([^《》]{2,30}?条例)》/g;
/** Short forms that are right: the full title, the title without the state's name, and the 以下简称 form. */
const ACCEPTED = new Set([CORRECT, '政府信息公开条例', '条例']);

/**
 * Whether a cited title is meant to be the national Regulations but is misnamed: the state's name followed by some
 * other wording (《中华人民共和国政府信息公开工作条例》), or a bare variant with no place in front
 * (《政府信息公开工作条例》). Local rules carry a place name (《某省政府信息公开规定》) and are left alone.
 */
export function misnamedRegulations(title: string): boolean {
  const t = title.replace(/\s+/g, '');
  if (ACCEPTED.has(t) || !/信息公开|政务公开/.test(t)) return false;
  if (t.startsWith('中华人民共和国')) return true;
  return /^(?:政府)?(?:信息公开|政务公开)(?:工作)?条例$/.test(t) || /^政府信息公开工作条例$/.test(t);
}

export const statuteName: Rule<ReportDocument, Record<string, never>> = {
  meta: {
    id: 'report/statute-name',
    type: 'problem',
    subject: 'report',
    category: 'quality',
    description: {
      zh: '检查引用的《中华人民共和国政府信息公开条例》名称是否写对',
      en: 'Checks that the Regulations on the Disclosure of Government Information are cited by their right name',
    },
    messages: {
      misnamed: {
        zh: '法规名称有误：《{cited}》，应为《中华人民共和国政府信息公开条例》',
        en: 'misnamed regulation: 《{cited}》 should be 《中华人民共和国政府信息公开条例》',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    defaultSeverity: 'warning',
    weight: 1,
  },
  check(doc, _options, context) {
    const seen = new Set<string>();
    for (const unit of textUnits(doc)) {
      if (!unit.text.includes('条例')) continue;
      CITED.lastIndex = 0;
      for (let m = CITED.exec(unit.text); m; m = CITED.exec(unit.text)) {
        const cited = m[1]!;
        // One finding per wrong name: the same slip repeated is one mistake to fix.
        if (seen.has(cited) || !misnamedRegulations(cited)) continue;
        seen.add(cited);
        context.report({
          messageId: 'misnamed',
          data: { cited },
          findingData: { cited },
          loc: locInBlock(doc, unit.block, unit.base + m.index, m[0].length),
        });
      }
    }
  },
};
