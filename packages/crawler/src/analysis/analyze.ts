import type { SiteSnapshot } from '../snapshot.js';
import { defaultColumns, defaultWindows } from './catalogue.js';
import { analyzeColumns, discoverColumns, type MeasureContext } from './columns.js';
import { findDocuments } from './documents.js';
import { findDualPublicity } from './dual-publicity.js';
import { analyzeHome } from './home.js';
import { analyzeInteraction, CONSULTATION_COLUMN } from './interaction.js';
import { collectEvents, findBrokenLinks, findSoftNotFound } from './links.js';
import { ListFilter } from './lists.js';
import { PageIndex } from './page-index.js';
import type { AnalysisOptions, SiteAnalysis } from './types.js';

const ASOF = /^\d{4}-\d{2}-\d{2}$/;

/** Builds the site analysis from a snapshot. Pure: the same snapshot and options always give the same result. */
export function analyzeSite(snapshot: SiteSnapshot, options: Partial<AnalysisOptions> & { asOf: string }): SiteAnalysis {
  if (!ASOF.test(options.asOf)) throw new Error(`asOf must be YYYY-MM-DD, got "${options.asOf}"`);
  const columns = (options.columns ?? defaultColumns).filter((c) => !(c as { remove?: boolean }).remove);
  const level = options.level ?? snapshot.site.level ?? 'department';
  const index = new PageIndex(snapshot);
  const ctx: MeasureContext = {
    index,
    filter: new ListFilter(snapshot.pages),
    asOf: options.asOf,
    windows: { ...defaultWindows, ...(options.windows ?? {}) },
    urlDatesAreVisible: options.urlDatesAreVisible ?? false,
    minArticleText: options.minArticleText ?? 50,
  };
  const { columns: results, claimed, located } = analyzeColumns(columns, level, ctx);
  const otherColumns = discoverColumns(claimed, ctx);
  const documents = findDocuments(index, ctx.urlDatesAreVisible);
  const broken = findBrokenLinks(snapshot, index);
  return {
    site: snapshot.site.url,
    asOf: options.asOf,
    level,
    windows: ctx.windows,
    home: analyzeHome(snapshot, index, ctx, results),
    columns: results,
    otherColumns,
    annualReport: documents.annualReport,
    budget: documents.budget,
    dualPublicity: { records: findDualPublicity(index) },
    interaction: analyzeInteraction(located.get(CONSULTATION_COLUMN) ?? [], results.find((c) => c.id === CONSULTATION_COLUMN), ctx),
    brokenLinks: options.checkExternal ? broken : broken.filter((b) => !b.external),
    softNotFound: findSoftNotFound(snapshot, index),
    events: collectEvents(snapshot),
  };
}
