import type { Locale, Rule } from '@gongkai/core';
import { checkCreditCode, isMaskedCode, type CreditCodeResult } from '../analysis/credit-code.js';
import { fieldValue, firstToken, readPageFields } from '../analysis/labeled-fields.js';
import { defaultCreditCodeLabels, defaultRecordFields, recordVocabulary, type RecordFieldSpec } from '../analysis/record-fields.js';
import type { SiteSubject } from '../analysis/subject.js';
import { joinNames, reachableAnalysis } from './shared.js';

interface Options {
  fields?: RecordFieldSpec[];
  creditCodeLabels?: string[];
  checkCreditCode?: boolean;
  maxFindings?: number;
}

const TYPE = {
  licensing: { zh: '行政许可', en: 'licensing' },
  penalty: { zh: '行政处罚', en: 'penalty' },
  unknown: { zh: '双公示', en: 'licensing/penalty' },
} as const;

function codeProblem(r: CreditCodeResult, locale: Locale): string {
  const en = locale === 'en';
  if (r.problem === 'length') return en ? `${r.length} characters instead of 18` : `应为18位，实为${r.length}位`;
  if (r.problem === 'characters') return en ? 'characters outside the code alphabet (I, O, Z, S, V and lower-case letters are not used)' : '含有代码字符集以外的字符（不使用 I、O、Z、S、V）';
  return en ? `check character should be ${r.expected}` : `校验码应为 ${r.expected}`;
}

const labels = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 } as const;

/**
 * 发改电〔2015〕557号 / 发改办财金〔2018〕424号: 双公示 records must carry the data items of the standard (“确保公示信息
 * 准确、合法、无遗漏”, “规范公示标准”); a 统一社会信用代码 that is shown must be a valid GB 32100-2015 code.
 */
export const dualPublicityFields: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/dual-publicity-fields',
    type: 'problem',
    subject: 'site',
    category: 'dual-publicity',
    description: { zh: '“双公示”信息缺少必填项或统一社会信用代码无效', en: 'Licensing/penalty record lacks required fields or shows an invalid credit code' },
    messages: {
      missing: {
        zh: '{type}信息“{title}”缺少必填项：{fields}',
        en: '{type} record "{title}" lacks required fields: {fields}',
      },
      invalidCode: {
        zh: '{type}信息“{title}”的统一社会信用代码“{code}”无效（{problem}）',
        en: '{type} record "{title}" shows an invalid unified social credit code "{code}" ({problem})',
      },
    },
    schema: {
      type: 'object',
      properties: {
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id'],
            properties: {
              id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', errorMessage: 'must be lowercase letters, digits and "-"' },
              name: { type: 'string', minLength: 1 },
              labels,
              types: { type: 'array', items: { enum: ['licensing', 'penalty'] }, uniqueItems: true, minItems: 1 },
              remove: { type: 'boolean' },
            },
            additionalProperties: false,
          },
        },
        creditCodeLabels: labels,
        checkCreditCode: { type: 'boolean' },
        maxFindings: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { fields: defaultRecordFields, creditCodeLabels: defaultCreditCodeLabels, checkCreditCode: true, maxFindings: 100 },
    defaultSeverity: 'warning',
    weight: 1,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const records = a.dualPublicity.records;
    if (!records.length) {
      context.notApplicable('no 双公示 record found');
      return;
    }
    // A merged pack entry may lack name or labels (only a changed `types`); fill them from the built-in field.
    const fields = (options.fields ?? defaultRecordFields)
      .filter((f) => !f.remove)
      .map((f) => ({ ...defaultRecordFields.find((d) => d.id === f.id), ...f }))
      .filter((f): f is RecordFieldSpec => Array.isArray(f.labels) && f.labels.length > 0);
    const codeLabels = options.creditCodeLabels ?? defaultCreditCodeLabels;
    const vocabulary = recordVocabulary(fields, codeLabels);
    const max = options.maxFindings ?? 100;
    const locale = context.locale;
    let reported = 0;
    for (const r of records) {
      if (reported >= max) break;
      const page = subject.page(r.url);
      if (!page) continue;
      const found = readPageFields(page, vocabulary);
      const type = TYPE[r.type][locale === 'en' ? 'en' : 'zh'];
      const title = r.title ?? r.url;
      // An unknown record type is held only to the fields both types need.
      const due = fields.filter((f) => {
        const types = f.types ?? ['licensing', 'penalty'];
        return r.type === 'unknown' ? types.length === 2 : types.includes(r.type);
      });
      const missing = due.filter((f) => !fieldValue(found, f.labels));
      if (missing.length) {
        reported++;
        context.report({
          messageId: 'missing',
          data: { type, title, fields: joinNames(missing.map((f) => f.name ?? f.id), locale, 10) },
          findingData: { recordType: r.type, missing: missing.map((f) => f.id), decision: r.decisionDate, documentNumber: r.documentNumber },
          loc: { url: r.url },
        });
      }
      if (options.checkCreditCode === false || reported >= max) continue;
      const shown = fieldValue(found, codeLabels);
      if (!shown) continue;
      const raw = firstToken(shown.value);
      if (isMaskedCode(raw)) continue;
      const result = checkCreditCode(raw);
      if (result.valid) continue;
      reported++;
      context.report({
        messageId: 'invalidCode',
        data: { type, title, code: raw, problem: codeProblem(result, locale) },
        findingData: { recordType: r.type, code: result.code, problem: result.problem, ...(result.expected ? { expected: result.expected } : {}), label: shown.label },
        loc: { url: r.url },
      });
    }
  },
};
