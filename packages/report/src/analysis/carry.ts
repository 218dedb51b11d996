import type { ReportDocument } from '../model/types.js';
import { recogniseTables, REQUEST_COLUMNS } from './tables.js';
import { reportYearOf } from './document.js';
import { matchSections } from './sections.js';
import type { Section } from '../model/types.js';

/**
 * What one report says about requests carried between years (table 3, rows 二、上年结转 and 四、结转下年度), keyed by
 * the agency and report year so that reports of consecutive years can be compared.
 */
export interface CarryFacts {
  agency: string;
  year: number;
  /** Column key → 二、上年结转政府信息公开申请数量. */
  carriedIn: Record<string, number | null>;
  /** Column key → 四、结转下年度继续办理. */
  carryForward: Record<string, number | null>;
  /** Text of 存在的主要问题及改进情况 (capped), for report/repeated-problems. */
  problemsText?: string;
}

const MAX_SECTION_TEXT = 20_000;

/** Every heading and paragraph under a section, in order, as one string. */
export function sectionText(section: Section): string {
  const parts: string[] = [];
  const walk = (s: Section) => {
    if (s.heading.rest) parts.push(s.heading.rest);
    for (const b of s.blocks) if (b.kind === 'paragraph') parts.push(b.text);
    for (const c of s.children) {
      parts.push(c.heading.text);
      walk(c);
    }
  };
  walk(section);
  return parts.join('\n').slice(0, MAX_SECTION_TEXT);
}

/** Agency names differ in spacing and full-width forms between years; compare them without either. */
export function agencyKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000·•]/g, '');
}

export function carryFacts(doc: ReportDocument): CarryFacts | undefined {
  const agency = doc.meta.agency?.value;
  const year = reportYearOf(doc)?.year;
  if (!agency || year === undefined) return undefined;
  const table = recogniseTables(doc).requests;
  const carriedIn: Record<string, number | null> = {};
  const carryForward: Record<string, number | null> = {};
  for (const col of REQUEST_COLUMNS) {
    if (!table?.columns.has(col)) continue;
    carriedIn[col] = table.at('carried', col)?.value ?? null;
    carryForward[col] = table.at('carryForward', col)?.value ?? null;
  }
  const problems = matchSections(doc).byId.get('problems-improvements');
  const facts: CarryFacts = { agency: agencyKey(agency), year, carriedIn, carryForward };
  if (problems) facts.problemsText = sectionText(problems.section);
  return facts;
}
