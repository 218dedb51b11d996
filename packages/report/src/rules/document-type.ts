import type { Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { classify } from '../analysis/document.js';
import { locOfSpan } from '../analysis/position.js';
import { clip, sectionDefs } from './support.js';

export interface DocumentTypeOptions {
  /** Document types that pass. */
  accept?: string[];
}

export const documentType: Rule<ReportDocument, DocumentTypeOptions> = {
  meta: {
    id: 'report/document-type',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: {
      zh: '检查文件是否为政府信息公开工作年度报告（而不是政务公开工作总结等其他文件）',
      en: 'Checks that the document is an annual report on government information disclosure, not a work summary or another document',
    },
    messages: {
      workSummary: {
        zh: '本文件“{title}”是工作总结，不是《政府信息公开条例》要求的政府信息公开工作年度报告；年度报告的法定内容检查不适用',
        en: 'this document ("{title}") is a work summary, not the annual report on government information disclosure the Regulations require; the annual-report content checks do not apply',
      },
      other: {
        zh: '未能识别为政府信息公开工作年度报告（{title}）：没有年度报告标题，也没有找到足够的法定章节',
        en: 'not recognised as an annual report on government information disclosure ({title}): no annual-report title and too few statutory sections',
      },
    },
    schema: {
      type: 'object',
      properties: {
        accept: { type: 'array', items: { enum: ['annual-report', 'work-summary', 'other'] }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { accept: ['annual-report'] },
    defaultSeverity: 'error',
    weight: 10,
  },
  check(doc, options, context) {
    const c = classify(doc, sectionDefs(context));
    if ((options.accept ?? ['annual-report']).includes(c.type)) return;
    const title = c.title ? clip(c.title.text, 40) : context.locale === 'en' ? 'untitled' : '无标题';
    context.report({
      messageId: c.type === 'work-summary' ? 'workSummary' : 'other',
      data: { title },
      findingData: { documentType: c.type, basis: c.basis, title: c.title?.text },
      loc: locOfSpan(c.title?.span ?? doc.blocks[0]?.span) ?? { line: 1, column: 1 },
    });
  },
};
