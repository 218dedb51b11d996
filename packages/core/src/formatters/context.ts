import type { Locale, RuleMeta, RunResult } from '../types.js';

export interface FormatContext {
  locale: Locale;
  /** Whether to emit ANSI colours; the caller decides (TTY and no NO_COLOR). Only `stylish` colours. */
  color: boolean;
  /** Metadata of the rules that ran, for descriptions, docs links and weights. */
  rules: Map<string, RuleMeta>;
  /** Directory to print file targets relative to. */
  cwd?: string;
}

export type Formatter = (result: RunResult, ctx: FormatContext) => string;

export type FormatterName = 'stylish' | 'json' | 'sarif' | 'junit' | 'html' | 'github';
