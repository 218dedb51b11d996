import { relative } from 'node:path';
import { todayInShanghai, type ExitPolicy, type FormatContext, type Locale } from '@gongkai/core';
import { loadConfig, type LoadedConfig } from './setup.js';
import { checkChoice, checkDate, checkNumber } from './options.js';
import { parseFormats, wantsColor, type OutputSpec } from './output.js';
import { parseLocale } from '@gongkai/core';

/** Options shared by `report` and `audit`. */
export interface CommonOptions {
  format?: string[];
  config?: string;
  locale?: string;
  asOf?: string;
  level?: string;
  failOn?: string;
  maxWarnings?: string;
  minScore?: string;
  debug?: boolean;
  quiet?: boolean;
}

export interface RunContext {
  config: LoadedConfig;
  locale: Locale;
  asOf: string;
  level?: 'department' | 'government' | 'township';
  outputs: OutputSpec[];
  policy: ExitPolicy;
  format: FormatContext;
  cwd: string;
}

export const LEVELS = ['department', 'government', 'township'] as const;

export function makeContext(opts: CommonOptions, fallbackLocale: Locale): RunContext {
  const outputs = parseFormats(opts.format);
  const config = loadConfig({ config: opts.config });
  const locale = parseLocale(opts.locale) ?? parseLocale(config.user.locale) ?? fallbackLocale;
  const asOf = checkDate('--as-of', opts.asOf) ?? todayInShanghai();
  const level = checkChoice('--level', opts.level, LEVELS) ?? config.user.agency?.level;
  const policy: ExitPolicy = {
    failOn: checkChoice('--fail-on', opts.failOn, ['error', 'warning', 'info'] as const) ?? config.user.failOn,
    maxWarnings: checkNumber('--max-warnings', opts.maxWarnings, { nonNegative: true, integer: true }) ?? config.user.maxWarnings,
    minScore: checkNumber('--min-score', opts.minScore, { nonNegative: true }) ?? config.user.minScore,
  };
  const cwd = process.cwd();
  return {
    config,
    locale,
    asOf,
    level,
    outputs,
    policy,
    cwd,
    format: { locale, color: wantsColor(process.stdout), rules: config.registry.metas(), cwd },
  };
}

export function relativeTarget(target: string, cwd: string): string {
  if (/^https?:/.test(target)) return target;
  const rel = relative(cwd, target);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : target;
}
