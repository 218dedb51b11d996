import type { Locale, LocalizedText } from './types.js';
import { localize } from './i18n/format.js';

/**
 * An error meant for the user: one line, no stack, exit code 2. `code` is stable for tooling; the text is localised
 * when printed, so callers throw before they know the locale.
 */
export class GongkaiError extends Error {
  readonly code: string;
  readonly text: LocalizedText;
  readonly data: Record<string, unknown>;

  constructor(code: string, text: LocalizedText, data: Record<string, unknown> = {}) {
    super(localize(text, 'en', data));
    this.name = 'GongkaiError';
    this.code = code;
    this.text = text;
    this.data = data;
  }

  render(locale: Locale): string {
    return localize(this.text, locale, this.data);
  }
}

export function isGongkaiError(e: unknown): e is GongkaiError {
  return e instanceof GongkaiError;
}

/** Renders any thrown value as a single line for the terminal. */
export function errorLine(e: unknown, locale: Locale): string {
  if (isGongkaiError(e)) return e.render(locale);
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}
