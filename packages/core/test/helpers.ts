import type { Rule, Subject, SubjectFacts } from '@gongkai/core';

/** A tiny subject for engine tests: a list of lines. */
export class LinesSubject implements Subject {
  readonly kind = 'report' as const;
  constructor(
    readonly target: string,
    readonly lines: string[],
    private readonly extra: Partial<SubjectFacts> = {},
    readonly directives: Subject['directives'] = [],
  ) {}
  facts(): SubjectFacts {
    return { kind: 'report', ...this.extra };
  }
}

export const forbiddenWord: Rule<LinesSubject, { words: string[] }> = {
  meta: {
    id: 'report/forbidden-word',
    type: 'problem',
    subject: 'report',
    category: 'wording',
    description: { zh: '禁用词', en: 'forbidden words' },
    messages: { found: { zh: '出现禁用词“{word}”', en: 'forbidden word "{word}"' } },
    schema: {
      type: 'object',
      properties: {
        words: { type: 'array', items: { type: 'string' } },
        deadline: { type: 'string', pattern: '^\\d{2}-\\d{2}$', errorMessage: 'must be MM-DD' },
      },
      additionalProperties: false,
    },
    defaultOptions: { words: ['XX'] },
    defaultSeverity: 'error',
    weight: 5,
  },
  check(subject, options, context) {
    subject.lines.forEach((line, i) => {
      for (const word of options.words) {
        const at = line.indexOf(word);
        if (at >= 0) context.report({ messageId: 'found', data: { word }, loc: { line: i + 1, column: at + 1 } });
      }
    });
  },
};

export const crashing: Rule<LinesSubject> = {
  meta: {
    id: 'report/crashing',
    type: 'problem',
    subject: 'report',
    category: 'wording',
    description: { zh: '总是出错', en: 'always throws' },
    messages: {},
    defaultSeverity: 'error',
    weight: 1,
  },
  check() {
    throw new Error('boom');
  },
};

export const vetoRule: Rule<LinesSubject> = {
  meta: {
    id: 'report/empty',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: { zh: '空文档', en: 'empty document' },
    messages: { empty: { zh: '文档为空', en: 'document is empty' } },
    defaultSeverity: 'error',
    weight: 10,
    veto: true,
  },
  check(subject, _o, context) {
    if (subject.lines.every((l) => !l.trim())) context.report({ messageId: 'empty' });
  },
};

export const notForSummaries: Rule<LinesSubject> = {
  meta: {
    id: 'report/only-reports',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: { zh: '仅适用于年报', en: 'annual reports only' },
    messages: { x: { zh: 'x', en: 'x' } },
    defaultSeverity: 'warning',
    weight: 4,
  },
  check(subject, _o, context) {
    if (subject.facts().documentType !== 'annual-report') context.notApplicable('not an annual report');
    else context.report({ messageId: 'x' });
  },
};
