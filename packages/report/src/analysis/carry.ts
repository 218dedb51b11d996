import type { ReportDocument } from '../model/types.js';
import { recogniseTables, REQUEST_COLUMNS } from './tables.js';
import { reportYearOf } from './document.js';

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
}

/** Agency names differ in spacing and full-width forms between years; compare them without either. */
export function agencyKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000·•]/g, '');
}

export function carryFacts(doc: ReportDocument): CarryFacts | undefined {
  const agency = doc.meta.agency?.value;
  const year = reportYearOf(doc)?.year;
  const table = recogniseTables(doc).requests;
  if (!agency || year === undefined || !table) return undefined;
  const carriedIn: Record<string, number | null> = {};
  const carryForward: Record<string, number | null> = {};
  for (const col of REQUEST_COLUMNS) {
    if (!table.columns.has(col)) continue;
    carriedIn[col] = table.at('carried', col)?.value ?? null;
    carryForward[col] = table.at('carryForward', col)?.value ?? null;
  }
  return { agency: agencyKey(agency), year, carriedIn, carryForward };
}
