import { GongkaiError, messagePair, parseLocale, type Locale } from '@gongkai/core';
import './messages.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new GongkaiError('cli/bad-date', messagePair('cli.badDate', { option, value }));
  }
  return value;
}

/**
 * What a numeric option accepts. Counts, sizes and times are `positive` (0 would mean "nothing may happen" and
 * used to surface as an internal error deep in the crawler); limits that may meaningfully be 0 are `nonNegative`.
 */
export interface NumberRange {
  positive?: boolean;
  nonNegative?: boolean;
  integer?: boolean;
}

export function checkNumber(option: string, value: string | undefined, range: NumberRange = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || value.trim() === '') {
    throw new GongkaiError('cli/bad-number', messagePair('cli.badNumber', { option, value }));
  }
  if (range.positive && n <= 0) throw new GongkaiError('cli/bad-number', messagePair('cli.positiveNumber', { option, value }));
  if (range.nonNegative && n < 0) throw new GongkaiError('cli/bad-number', messagePair('cli.nonNegativeNumber', { option, value }));
  if (range.integer && !Number.isInteger(n)) throw new GongkaiError('cli/bad-number', messagePair('cli.integerNumber', { option, value }));
  return n;
}

export function checkChoice<T extends string>(option: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new GongkaiError('cli/bad-choice', messagePair('cli.badChoice', { option, value, choices: choices.join(', ') }));
  }
  return value as T;
}

/** The locale before anything else is parsed, so even argument errors come out in the user's language. */
export function sniffLocale(argv: string[]): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const v = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return parseLocale(v) ?? parseLocale(process.env.GONGKAI_LOCALE) ?? 'zh-CN';
}
