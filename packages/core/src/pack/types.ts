import type { AgencyInfo, LocalizedText, ScoringConfig, SeveritySetting } from '../types.js';

export type RuleEntry = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface AppliesTo {
  kind?: 'report' | 'site';
  regime?: string[];
  reportYear?: { min?: number; max?: number };
  level?: string[];
  documentType?: string[];
  region?: string[];
}

export interface PackDefinition {
  id: string;
  description?: string | LocalizedText;
  extends?: string[];
  appliesTo?: AppliesTo;
  rules?: Record<string, RuleEntry>;
  scoring?: Partial<Omit<ScoringConfig, 'weights'>> & { weights?: ScoringConfig['weights'] };
  data?: Record<string, unknown>;
  /** Where it was read from, for error messages. */
  file: string;
}

export interface UserConfig {
  extends?: string[];
  agency?: AgencyInfo;
  rules?: Record<string, RuleEntry>;
  scoring?: PackDefinition['scoring'];
  data?: Record<string, unknown>;
  locale?: string;
  regulation?: '2008' | '2019' | '2021';
  /** Glob patterns of files to skip when `gongkai report` walks a directory. */
  ignore?: string[];
  failOn?: 'error' | 'warning' | 'info';
  maxWarnings?: number;
  minScore?: number;
  crawl?: Record<string, unknown>;
  file: string;
}
