import type { Rule } from '@gongkai/core';
import type { ReportDocument, Section } from '../model/types.js';
import { classifyHeading } from '../analysis/sections.js';
import { locOfSpan } from '../analysis/position.js';
import { SECTION_ID_SCHEMA, sectionDefs } from './support.js';

export interface EmptySectionOptions {
  /** Sections where a bare 无 / 暂无 is an acceptable answer (nothing to report). */
  allowNone?: string[];
  /** Content shorter than this many characters (after trimming) counts as empty. */
  minLength?: number;
}

const NONE_RE = /^[（(]?(?:无|暂无|没有|本年度无|本年无|无其他需要报告的事项)[）)]?[。.．]?$/;
const TRIM_RE = /[\s\u3000]+/g;

function contentText(s: Section): string {
  let t = s.heading.rest ?? '';
  for (const b of s.blocks) {
    if (b.kind === 'table') return '\u0000table';
    if (b.kind === 'paragraph') t += b.text;
    else t += b.raw;
  }
  return t.replace(TRIM_RE, '');
}

export const emptySection: Rule<ReportDocument, EmptySectionOptions> = {
  meta: {
    id: 'report/empty-section',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: {
      zh: '检查章节标题下是否有内容；“其他需要报告的事项”等章节下写“无”是允许的',
      en: 'Checks that every heading has content; a bare 无 is accepted under 其他需要报告的事项 and similar parts',
    },
    messages: {
      empty: { zh: '“{heading}”下没有内容', en: 'heading "{heading}" has no content' },
      none: {
        zh: '“{heading}”下只写了“{text}”；这一部分应如实说明情况，不能只写“无”',
        en: 'heading "{heading}" only says "{text}"; this part must describe the situation, not just say "none"',
      },
    },
    schema: {
      type: 'object',
      properties: {
        allowNone: { type: 'array', items: SECTION_ID_SCHEMA, uniqueItems: true },
        minLength: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowNone: ['other', 'fees', 'reviews-litigation', 'requests'], minLength: 1 },
    defaultSeverity: 'warning',
    weight: 3,
  },
  check(doc, options, context) {
    const defs = sectionDefs(context);
    const allow = new Set(options.allowNone ?? []);
    const min = options.minLength ?? 1;
    const visit = (list: Section[], inheritedId: string | undefined) => {
      for (const s of list) {
        const id = classifyHeading(s.heading.text, defs)?.id ?? inheritedId;
        const text = contentText(s);
        if (s.children.length === 0) {
          if (text.length < min) {
            context.report({
              messageId: 'empty',
              data: { heading: s.heading.raw.trim() },
              findingData: { section: id },
              loc: locOfSpan(s.heading.span),
            });
          } else if (NONE_RE.test(text) && !(id && allow.has(id))) {
            context.report({
              messageId: 'none',
              data: { heading: s.heading.raw.trim(), text },
              findingData: { section: id },
              loc: locOfSpan(s.heading.span),
            });
          }
        }
        if (s.children.length) visit(s.children, id);
      }
    };
    visit(doc.sections, undefined);
  },
};
