/**
 * The site as a rule subject. It holds the snapshot and builds the analysis once per set of analysis options, so
 * fifteen rules share one pass over the pages.
 */
import type { AgencyLevel, RunSettings, Subject, SubjectFacts } from '@gongkai/core';
import type { FetchedPage, SiteSnapshot } from '../snapshot.js';
import { analyzeSite } from './analyze.js';
import { PageIndex } from './page-index.js';
import type { AnalysisOptions, ColumnSpec, SiteAnalysis, Windows } from './types.js';

export type SiteSubjectOptions = Partial<AnalysisOptions>;

interface SiteData {
  columns?: ColumnSpec[];
  windows?: Windows;
}

export class SiteSubject implements Subject {
  readonly kind = 'site' as const;
  readonly target: string;
  readonly snapshot: SiteSnapshot;
  private readonly preset: SiteSubjectOptions;
  private readonly cache = new Map<string, SiteAnalysis>();
  private index?: PageIndex;

  constructor(snapshot: SiteSnapshot, options: SiteSubjectOptions = {}) {
    this.snapshot = snapshot;
    this.target = snapshot.site.url;
    this.preset = options;
  }

  get level(): AgencyLevel {
    return this.preset.level ?? this.snapshot.site.level ?? 'department';
  }

  facts(): SubjectFacts {
    const region = this.preset.region ?? this.snapshot.site.region;
    return { kind: 'site', level: this.level, ...(region ? { region } : {}) };
  }

  /**
   * Options given to the subject win; otherwise the run's settings supply them (`asOf`, the agency level,
   * `data.columns` / `data.windows` from the merged packs, `checkExternal` from the CLI).
   */
  resolveOptions(settings?: Partial<RunSettings>): Partial<AnalysisOptions> & { asOf: string; level: AgencyLevel } {
    const data = (settings?.data ?? {}) as SiteData;
    const asOf = this.preset.asOf ?? settings?.asOf;
    if (!asOf) throw new Error('site analysis needs an asOf date (YYYY-MM-DD)');
    return {
      ...this.preset,
      asOf,
      level: this.preset.level ?? this.snapshot.site.level ?? settings?.agency?.level ?? 'department',
      columns: this.preset.columns ?? data.columns,
      windows: this.preset.windows ?? data.windows,
      checkExternal: this.preset.checkExternal ?? (settings?.checkExternal as boolean | undefined),
    };
  }

  /** A fetched page by URL (requested or final), for rules that read a page the analysis pointed them to. */
  page(url: string | undefined): FetchedPage | undefined {
    this.index ??= new PageIndex(this.snapshot);
    return this.index.get(url);
  }

  analysis(settings?: Partial<RunSettings>): SiteAnalysis {
    const options = this.resolveOptions(settings);
    const key = JSON.stringify(options);
    let cached = this.cache.get(key);
    if (!cached) {
      cached = analyzeSite(this.snapshot, options);
      this.cache.set(key, cached);
    }
    return cached;
  }
}

/** The subject the CLI hands to the engine together with `siteRules`. */
export function auditSnapshot(snapshot: SiteSnapshot, options: SiteSubjectOptions = {}): SiteSubject {
  return new SiteSubject(snapshot, options);
}
