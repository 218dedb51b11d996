import type { Rule, Severity } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import type { ColumnResult, Requirement } from '../analysis/types.js';
import { basisText, columnIdsSchema, joinNames, reachableAnalysis, weaker } from './shared.js';

interface Options {
  /** Check exactly these column ids (as required) instead of what the catalogue asks of the agency's level. */
  columns?: string[];
  /** Columns whose duties the agency does not have (no 建议提案 to answer, no fees): not checked. */
  notApplicable?: string[];
  ignore?: string[];
}

/**
 * The catalogue says which columns each level must have and on what basis (条例 art. 20, the 2019 platform notice,
 * the inspection indicators …). Only a `required` column is an error when missing; a column required where the
 * agency has such duties is a warning that tells how to mark it not applicable; good practice is info.
 */
const SEVERITY: Record<Requirement, Severity> = { required: 'error', applicable: 'warning', recommended: 'info' };

const MISSING: Record<Requirement, string> = { required: 'missing', applicable: 'missingApplicable', recommended: 'missingRecommended' };

export const missingColumn: Rule<SiteSubject, Options> = {
  meta: {
    id: 'site/missing-column',
    type: 'problem',
    subject: 'site',
    category: 'columns',
    description: { zh: '缺少必设栏目', en: 'A required column is missing' },
    messages: {
      missing: {
        zh: '未找到必设栏目“{name}”（依据：{basis}；已查找的名称：{variants}）',
        en: 'required column "{name}" not found (basis: {basis}; names looked for: {variants})',
      },
      missingApplicable: {
        zh: '未找到栏目“{name}”：有此项职责的机关应当设置（依据：{basis}）。本机关如无此项职责，请在配置中将其标为不适用：rules 下 site/missing-column 的 notApplicable: [{column}]',
        en: 'column "{name}" not found: agencies with these duties must have it (basis: {basis}). If yours has none, mark it not applicable in the config: notApplicable: [{column}] in the options of site/missing-column',
      },
      missingRecommended: {
        zh: '未找到栏目“{name}”（良好做法，参考：{basis}）',
        en: 'column "{name}" not found (good practice; see {basis})',
      },
      unreachable: {
        zh: '栏目“{name}”的链接 {url} 无法打开（{status}；依据：{basis}）',
        en: 'column "{name}" is linked at {url} but cannot be opened ({status}; basis: {basis})',
      },
    },
    schema: {
      type: 'object',
      properties: { columns: columnIdsSchema, notApplicable: columnIdsSchema, ignore: columnIdsSchema },
      additionalProperties: false,
    },
    defaultOptions: { notApplicable: [], ignore: [] },
    defaultSeverity: 'error',
    weight: 5,
  },
  check(subject, options, context) {
    const a = reachableAnalysis(subject, context);
    if (!a) return;
    const skip = new Set([...(options.ignore ?? []), ...(options.notApplicable ?? [])]);
    const wanted = options.columns ? new Set(options.columns) : undefined;
    const specs = subject.resolveOptions(context.settings).columns;
    for (const c of a.columns) {
      const requirement: Requirement | undefined = wanted ? (wanted.has(c.id) ? 'required' : undefined) : c.requirement;
      if (skip.has(c.id) || !requirement) continue;
      const severity = weaker(context.severity, SEVERITY[requirement]);
      const basis = basisText(c.basis, context.locale);
      if (!c.found) {
        const variants = joinNames(specs?.find((s) => s.id === c.id)?.variants ?? [c.name], context.locale, 6);
        context.report({
          messageId: MISSING[requirement],
          data: { column: c.id, name: c.name, variants, basis },
          findingData: { column: c.id, name: c.name, requirement, basis },
          loc: { url: a.site },
          severity,
        });
      } else if (c.reachable === false) {
        reportUnreachable(c, requirement, basis, severity, context);
      }
    }
  },
};

function reportUnreachable(
  c: ColumnResult,
  requirement: Requirement,
  basis: string,
  severity: Severity,
  context: Parameters<typeof missingColumn.check>[2],
): void {
  context.report({
    messageId: 'unreachable',
    data: { column: c.id, name: c.name, url: c.location!.url, status: c.status ?? '?', basis },
    findingData: { column: c.id, name: c.name, status: c.status, from: c.location!.via, requirement, basis },
    loc: { url: c.location!.url },
    severity,
  });
}
