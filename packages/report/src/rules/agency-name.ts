import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { foreignSelfReferences, misspelledSignature, otherOrgansGuide } from '../analysis/agency-names.js';
import { locInBlock, locOfSpan } from '../analysis/position.js';
import { requireAnnualReport } from './support.js';

export const agencyName: Rule<ReportDocument, Record<string, never>> = {
  meta: {
    id: 'report/agency-name',
    type: 'problem',
    subject: 'report',
    category: 'quality',
    description: {
      zh: '检查机关名称是否前后一致：落款与标题、正文自称、自行编制的公开指南，发现套用其他机关文本的痕迹',
      en: "Checks that the organ's name is consistent (signature vs title, how the text refers to itself, the disclosure guide it compiled), catching text copied from another organ",
    },
    messages: {
      signature: {
        zh: '落款机关“{signed}”与标题中的“{own}”不一致，可能有错别字',
        en: 'the signature names "{signed}" while the title names "{own}"; one of them may be misspelled',
      },
      selfReference: {
        zh: '正文自称“{raw}”，与机关名称“{own}”不符；可能套用了其他机关的文本',
        en: 'the text calls itself "{raw}", which does not fit the organ "{own}"; text may have been copied from another organ',
      },
      otherGuide: {
        zh: '报告称编制了《{organ}政府信息公开指南》，而报告机关是“{own}”；可能套用了其他机关的文本',
        en: 'the report says it compiled the disclosure guide of "{organ}", but the reporting organ is "{own}"; text may have been copied from another organ',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    defaultSeverity: 'warning',
    weight: 2,
  },
  check(doc, _options, context) {
    if (!requireAnnualReport(doc, context)) return;
    const sig = misspelledSignature(doc);
    if (sig) {
      context.report({ messageId: 'signature', data: { signed: sig.signed, own: sig.own }, findingData: { signed: sig.signed, own: sig.own }, loc: locOfSpan(sig.span) });
    }
    for (const r of foreignSelfReferences(doc)) {
      context.report({ messageId: 'selfReference', data: { raw: r.raw, own: r.own }, findingData: { raw: r.raw }, loc: locInBlock(doc, r.block, r.index, r.raw.length) });
    }
    for (const g of otherOrgansGuide(doc)) {
      context.report({ messageId: 'otherGuide', data: { organ: g.organ, own: g.own }, findingData: { organ: g.organ }, loc: locInBlock(doc, g.block, g.index, g.organ.length + 1) });
    }
  },
};
