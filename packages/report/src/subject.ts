import type { AgencyLevel, SubjectFacts } from '@gongkai/core';
import type { ReportDocument } from './model/types.js';
import { reportFacts } from './analysis/document.js';

export interface SubjectOverrides {
  level?: AgencyLevel;
  regulation?: string;
  /** Result key, e.g. the path relative to the working directory. */
  target?: string;
}

/**
 * Prepares a loaded document for the engine: its facts (report year, regime, level, document type) decide which
 * packs apply. When no year can be read the current regime is assumed, so the structural rules still run and
 * `report/report-year` tells the user the year is missing.
 */
export function reportSubject(doc: ReportDocument, overrides: SubjectOverrides = {}): ReportDocument {
  let facts: SubjectFacts | undefined;
  const level = overrides.level ?? doc.level;
  const subject: ReportDocument = Object.create(doc);
  if (overrides.target) Object.defineProperty(subject, 'target', { value: overrides.target, enumerable: true });
  if (level) Object.defineProperty(subject, 'level', { value: level, enumerable: true });
  Object.defineProperty(subject, 'facts', {
    value: () => {
      if (!facts) {
        facts = reportFacts(doc, { level, regulation: overrides.regulation });
        if (!facts.regime && facts.documentType === 'annual-report') facts.regime = '2021';
      }
      return facts;
    },
  });
  return subject;
}
