import { firstMatch, UserPattern, type Rule } from '@gongkai/core';
import type { ReportDocument } from '../model/types.js';
import { matchSections, type SectionDef } from '../analysis/sections.js';
import { regimeFor } from '../analysis/document.js';
import { locInBlock, locOfSpan } from '../analysis/position.js';
import { clip, requireAnnualReport, SECTION_ID_SCHEMA, sectionDefs, textUnits } from './support.js';

export interface RequiredSectionOptions {
  /** Canonical ids of the sections that must have a heading, in statutory order (overrides sectionsByRegime). */
  sections?: string[];
  /** The same, per regime; used when `sections` is not given. */
  sectionsByRegime?: Partial<Record<'2008' | '2019' | '2021', string[]>>;
  /** Look for the content in the body when the heading is missing and downgrade to a warning if found. */
  contentEvidence?: boolean;
  /**
   * Parts, per regime, whose absence is reported as a warning: the 2008 item (六) 其他需要报告的事项 exists only when
   * there is something else to report, and no national template made it a fixed heading before 2019.
   */
  advisoryByRegime?: Partial<Record<'2008' | '2019' | '2021', string[]>>;
}

const SECTION_LIST_SCHEMA = { type: 'array', items: SECTION_ID_SCHEMA, uniqueItems: true } as const;
/** A list of section ids per regime (used for the required and the advisory parts). */
const SECTIONS_BY_REGIME_SCHEMA = {
  type: 'object',
  properties: { '2008': SECTION_LIST_SCHEMA, '2019': SECTION_LIST_SCHEMA, '2021': SECTION_LIST_SCHEMA },
  additionalProperties: false,
} as const;

export const ADVISORY_BY_REGIME: Record<string, string[]> = { '2008': ['other'] };

/**
 * 2008 条例 第三十二条 six items; 2019 条例 第五十条 five items plus the format's 总体情况.
 */
export const REQUIRED_BY_REGIME: Record<string, string[]> = {
  '2008': ['active-disclosure', 'requests', 'fees', 'reviews-litigation', 'problems-improvements', 'other'],
  '2019': ['overview', 'active-disclosure', 'requests', 'reviews-litigation', 'problems-improvements', 'other'],
  '2021': ['overview', 'active-disclosure', 'requests', 'reviews-litigation', 'problems-improvements', 'other'],
};

// Evidence patterns come from packs, so they run on the linear-time engine (UserPattern), never on backtracking.
const evidenceCache = new WeakMap<SectionDef, UserPattern[]>();
function evidenceRes(def: SectionDef): UserPattern[] {
  let r = evidenceCache.get(def);
  if (!r) {
    r = (def.evidence ?? []).map((s) => UserPattern.compile(s));
    evidenceCache.set(def, r);
  }
  return r;
}

export const requiredSection: Rule<ReportDocument, RequiredSectionOptions> = {
  meta: {
    id: 'report/required-section',
    type: 'problem',
    subject: 'report',
    category: 'structure',
    description: {
      zh: '检查年度报告是否包含《政府信息公开条例》规定的各部分内容（2008年条例第三十二条、2019年条例第五十条）',
      en: 'Checks that the annual report has every part the Regulations require (2008 Art. 32, 2019 Art. 50)',
    },
    messages: {
      missing: {
        zh: '缺少法定内容“{title}”：没有找到对应的章节标题，正文中也没有相关内容',
        en: 'missing statutory part "{title}": no heading for it and no matching content in the text',
      },
      advisory: {
        zh: '没有“{title}”部分；如确无其他需要报告的事项，建议写明“无”',
        en: 'there is no "{title}" part; if there is nothing else to report, say so ("无")',
      },
      unconfirmed: {
        zh: '没有找到“{title}”：正文在附表中途结束，这部分内容可能在缺失的部分里，无法确认',
        en: 'no "{title}" found, but the text stops inside the statistics annex, so it may be in the part that was lost',
      },
      noHeading: {
        zh: '“{title}”没有单独的章节标题，但第{line}行提到了相关内容（“{excerpt}”）；请按法定格式单列一节',
        en: '"{title}" has no heading of its own, although line {line} covers it ("{excerpt}"); give it its own section as the format requires',
      },
    },
    schema: {
      type: 'object',
      properties: {
        sections: { type: 'array', items: SECTION_ID_SCHEMA, uniqueItems: true },
        sectionsByRegime: SECTIONS_BY_REGIME_SCHEMA,
        contentEvidence: { type: 'boolean' },
        advisoryByRegime: SECTIONS_BY_REGIME_SCHEMA,
      },
      additionalProperties: false,
    },
    defaultOptions: { contentEvidence: true, sectionsByRegime: REQUIRED_BY_REGIME, advisoryByRegime: ADVISORY_BY_REGIME },
    defaultSeverity: 'error',
    weight: 8,
  },
  check(doc, options, context) {
    if (!requireAnnualReport(doc, context)) return;
    const defs = sectionDefs(context);
    // With the year unknown no regime is assumed: only the parts every regime requires are checked.
    const regime = regimeFor(doc, context.settings);
    const byRegime = { ...REQUIRED_BY_REGIME, ...(options.sectionsByRegime ?? {}) } as Record<string, string[]>;
    const advisory = options.advisoryByRegime ?? ADVISORY_BY_REGIME;
    const required = options.sections ?? (regime ? byRegime[regime]! : commonParts(byRegime, advisory));
    const map = matchSections(doc, defs);
    const en = context.locale === 'en';
    // The preamble often lists the parts by name ("由总体情况、……六部分组成"); that is no evidence of content.
    const preamble = new Set<unknown>(doc.preamble);
    const units = options.contentEvidence === false ? [] : textUnits(doc).filter((u) => !preamble.has(u.block));
    const last = doc.blocks[doc.blocks.length - 1];
    for (let r = 0; r < required.length; r++) {
      const id = required[r];
      if (map.byId.has(id)) continue;
      const def = defs.find((d) => d.id === id);
      const title = def?.title?.[en ? 'en' : 'zh'] ?? id;
      // Point where the part should go: the next required part that is present, else the end of the document.
      let anchor = undefined as ReturnType<typeof locOfSpan>;
      for (let k = r + 1; k < required.length && !anchor; k++) {
        const m = map.byId.get(required[k]);
        if (m) anchor = locOfSpan(m.heading.span);
      }
      anchor ??= locOfSpan(last?.span);
      let found: { unit: (typeof units)[number]; index: number; match: string } | undefined;
      if (def) {
        const res = evidenceRes(def);
        outer: for (const unit of units) {
          for (const re of res) {
            const m = firstMatch(re, unit.text);
            if (m) {
              found = { unit, index: m.index, match: m.text };
              break outer;
            }
          }
        }
      }
      const cell = found || !def ? undefined : tableEvidence(doc, evidenceRes(def));
      if (cell) {
        context.report({
          messageId: 'noHeading',
          severity: 'warning',
          data: { title, line: cell.loc?.line ?? '?', excerpt: clip(cell.text, 30) },
          findingData: { section: id, foundAt: { line: cell.loc?.line, column: cell.loc?.column }, excerpt: cell.text, inTable: true },
          loc: cell.loc,
        });
      } else if (found) {
        const loc = locInBlock(doc, found.unit.block, found.unit.base + found.index, found.match.length);
        context.report({
          messageId: 'noHeading',
          severity: 'warning',
          data: { title, line: loc.line ?? '?', excerpt: clip(found.match, 30) },
          findingData: { section: id, foundAt: { line: loc.line, column: loc.column }, excerpt: found.match },
          loc,
        });
      } else if (regime && advisory[regime]?.includes(id)) {
        context.report({ messageId: 'advisory', severity: 'warning', data: { title }, findingData: { section: id, advisory: true }, loc: anchor });
      } else if (doc.quality.truncated) {
        context.report({ messageId: 'unconfirmed', severity: 'warning', data: { title }, findingData: { section: id, truncated: true }, loc: anchor });
      } else {
        context.report({ messageId: 'missing', data: { title }, findingData: { section: id }, loc: anchor });
      }
    }
  },
};

/**
 * The content may sit only in a statistics table (2008-style 附表 rows such as "行政复议数 件 0"): that is content,
 * not a missing part, so it is found there too before anything is called missing.
 */
function tableEvidence(doc: ReportDocument, res: UserPattern[]): { text: string; loc: ReturnType<typeof locOfSpan> } | undefined {
  for (const t of doc.tables) {
    for (const row of t.rows) {
      const text = row.map((c) => c.text).join(' ');
      if (res.some((re) => re.test(text))) return { text, loc: locOfSpan(row[0]?.span ?? t.span) };
    }
  }
  return undefined;
}

/** The parts that every regime's list requires (and none treats as advisory), in the order of the first list. */
function commonParts(byRegime: Record<string, string[]>, advisory: Partial<Record<string, string[]>>): string[] {
  const lists = Object.values(byRegime);
  const soft = new Set(Object.values(advisory).flatMap((l) => l ?? []));
  return (lists[0] ?? []).filter((id) => !soft.has(id) && lists.every((l) => l.includes(id)));
}
