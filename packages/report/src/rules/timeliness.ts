import type { AgencyLevel, Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { levelBasisText, levelFor, numberSetting, regimeFor, reportYearOf } from '../analysis/document.js';
import { locOfSpan } from '../analysis/position.js';
import { daysBetween, isIsoDate, workdaysBetween } from '../analysis/workdays.js';
import { MMDD_SCHEMA, requireAnnualReport } from './support.js';

export interface DeadlineEntry {
  id: string;
  regimes?: string[];
  levels?: string[];
  /** MM-DD in the year after the report year. */
  deadline: string;
  /** Legal basis shown in the message. */
  basis?: string;
}

export interface TimelinessOptions {
  deadlines?: DeadlineEntry[];
  /** Drafts: warn when fewer working days than this remain before the deadline. */
  draftWarningWorkdays?: number;
}

export const DEFAULT_DEADLINES: DeadlineEntry[] = [
  { id: '2008-all', regimes: ['2008'], deadline: '03-31', basis: '2008年条例第三十一条' },
  { id: 'department', regimes: ['2019', '2021'], levels: ['department'], deadline: '01-31', basis: '条例第四十九条' },
  { id: 'government', regimes: ['2019', '2021'], levels: ['government'], deadline: '03-31', basis: '条例第四十九条' },
  { id: 'township', regimes: ['2019', '2021'], levels: ['township'], deadline: '03-31', basis: '省级规定（可配置）' },
];

function pickDeadline(list: DeadlineEntry[], regime: string, level: AgencyLevel | undefined): DeadlineEntry | undefined {
  const fits = list.filter((d) => !d.regimes || d.regimes.includes(regime));
  if (level) return fits.find((d) => !d.levels || d.levels.includes(level));
  // Without a level only entries that do not depend on it are certain.
  return fits.find((d) => !d.levels);
}

export const timeliness: Rule<ReportDocument, TimelinessOptions> = {
  meta: {
    id: 'report/timeliness',
    type: 'problem',
    subject: 'report',
    category: 'timeliness',
    description: {
      zh: '检查年度报告是否在法定期限内公布：2018年及以前的报告为次年3月31日前；2019年起政府部门为次年1月31日前、本级政府为次年3月31日前（条例第四十九条）',
      en: 'Checks that the annual report was published by its legal deadline: 31 March of the next year up to the 2018 report; from 2019 on 31 January for government departments and 31 March for the government itself (Art. 49)',
    },
    messages: {
      late: {
        zh: '{year}年度报告于{published}公布，晚于法定期限{deadline}（{basis}{levelNote}）{days}天',
        en: 'the {year} report was published on {published}, {days} days after the legal deadline {deadline} ({basis}{levelNote})',
      },
      early: {
        zh: '{year}年度报告的公布日期{published}早于该年度结束，统计数据不可能完整；请核对发布日期或报告年度',
        en: 'the {year} report is dated {published}, before that year ended, so its figures cannot be complete; check the publication date or the report year',
      },
      unknownDate: {
        zh: '未能确定报告的公布日期，无法检查是否按时公布（期限为{deadline}）；请用 --published YYYY-MM-DD 指定，或在配置中设置 published',
        en: 'the publication date is unknown, so timeliness cannot be checked (deadline {deadline}); pass --published YYYY-MM-DD or set published in the config',
      },
      unknownLevel: {
        zh: '报告于{published}公布。政府部门的期限是{departmentDeadline}，本级政府的期限是{governmentDeadline}；未配置机关层级（agency.level），只按较晚的期限检查',
        en: 'published on {published}. The deadline is {departmentDeadline} for a government department and {governmentDeadline} for a government; agency.level is not configured, so only the later one was checked',
      },
      draftNear: {
        zh: '距法定公布期限{deadline}只剩{workdays}个工作日（截至{asOf}），请尽快定稿公布',
        en: 'only {workdays} working days remain until the publication deadline {deadline} (as of {asOf}); finalise and publish soon',
      },
      draftPast: {
        zh: '法定公布期限{deadline}已过（截至{asOf}），报告仍是草稿',
        en: 'the publication deadline {deadline} has passed (as of {asOf}) and the report is still a draft',
      },
    },
    schema: {
      type: 'object',
      properties: {
        deadlines: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              regimes: { type: 'array', items: { enum: ['2008', '2019', '2021'] } },
              levels: { type: 'array', items: { enum: ['department', 'government', 'township'] } },
              deadline: MMDD_SCHEMA,
              basis: { type: 'string' },
              remove: { type: 'boolean' },
            },
            required: ['id'],
            additionalProperties: false,
          },
        },
        draftWarningWorkdays: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    defaultOptions: { deadlines: DEFAULT_DEADLINES, draftWarningWorkdays: 10 },
    defaultSeverity: 'error',
    weight: 6,
  },
  check(doc, options, context) {
    if (!requireAnnualReport(doc, context, false)) return;
    const s = context.settings;
    const yearEv = reportYearOf(doc, numberSetting(s.reportYear));
    const regime = regimeFor(doc, s);
    if (!yearEv || !regime) {
      context.notApplicable('report year unknown');
      return;
    }
    const year = yearEv.year;
    const list = (options.deadlines ?? DEFAULT_DEADLINES).filter((d) => d.deadline && !(d as { remove?: boolean }).remove);
    const level = levelFor(doc, s as { agency?: { level?: AgencyLevel } });
    let entry = pickDeadline(list, regime, level);
    let levelUnknown = false;
    if (!entry && !level) {
      // Fall back to the latest deadline for the regime, and say so.
      const fits = list.filter((d) => !d.regimes || d.regimes.includes(regime));
      entry = fits.sort((a, b) => b.deadline.localeCompare(a.deadline))[0];
      levelUnknown = fits.length > 1 && new Set(fits.map((d) => d.deadline)).size > 1;
    }
    if (!entry) {
      context.notApplicable('no deadline configured');
      return;
    }
    const deadline = `${year + 1}-${entry.deadline}`;
    const basis = entry.basis ?? entry.id;
    const firstLoc = locOfSpan(doc.meta.publishedAt?.span ?? doc.blocks[0]?.span) ?? { line: 1, column: 1 };

    const fromSettings = isIsoDate(s.published) ? s.published : undefined;
    const fromDoc = doc.meta.publishedAt?.value;
    const published = fromSettings ?? (isIsoDate(fromDoc) ? fromDoc : undefined);

    // A draft is checked against the time left: asked for with --draft, or implied by an explicit --as-of on a
    // document that carries no publication date (how CI checks a report before it goes out).
    if (s.draft === true || (s.asOfExplicit === true && !published)) {
      const asOf = s.asOf;
      if (asOf > deadline) context.report({ messageId: 'draftPast', severity: 'warning', data: { deadline, asOf }, loc: firstLoc });
      else {
        const workdays = workdaysBetween(asOf, deadline);
        if (workdays < (options.draftWarningWorkdays ?? 10)) {
          context.report({ messageId: 'draftNear', severity: 'warning', data: { deadline, workdays, asOf }, loc: firstLoc });
        }
      }
      return;
    }

    if (!published) {
      context.report({ messageId: 'unknownDate', severity: 'info', data: { deadline }, loc: firstLoc });
      return;
    }
    if (published > deadline) {
      context.report({
        messageId: 'late',
        data: { year, published, deadline, basis, days: daysBetween(deadline, published), levelNote: levelNote(entry, level, doc, s, context.locale === 'en') },
        findingData: { year, published, deadline, basis, days: daysBetween(deadline, published), level, regime },
        loc: firstLoc,
      });
      return;
    }
    if (published <= `${year}-12-31`) {
      context.report({ messageId: 'early', severity: 'warning', data: { year, published }, loc: firstLoc });
      return;
    }
    if (levelUnknown) {
      const dep = pickDeadline(list, regime, 'department');
      const gov = pickDeadline(list, regime, 'government');
      if (dep && gov && published > `${year + 1}-${dep.deadline}`) {
        context.report({
          messageId: 'unknownLevel',
          severity: 'info',
          data: { published, departmentDeadline: `${year + 1}-${dep.deadline}`, governmentDeadline: `${year + 1}-${gov.deadline}` },
          loc: firstLoc,
        });
      }
    }
  },
};

const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  government: { zh: '本级人民政府', en: 'a government' },
  department: { zh: '政府部门', en: 'a government department' },
  township: { zh: '乡镇、街道', en: 'a township or street office' },
};

/** When the deadline depends on the level, which level was taken and why ("；按政府部门的期限，依据标题中的“局”"). */
function levelNote(entry: DeadlineEntry, level: AgencyLevel | undefined, doc: ReportDocument, s: Record<string, unknown>, en: boolean): string {
  if (!entry.levels || !level) return '';
  const name = LEVEL_NAMES[level]?.[en ? 'en' : 'zh'] ?? level;
  const why = levelBasisText(doc, s as { agency?: { level?: AgencyLevel } }, en);
  return en ? `; deadline for ${name}, ${why}` : `；按${name}的期限，${why}`;
}
