/**
 * Text formatters print strings that come from the checked input: headings, link texts, file names, URLs. An
 * escape sequence among them would be run by the terminal (clear the screen, retitle the window, hide text), and
 * bidirectional overrides reorder what is shown. Such characters are written out as visible escapes instead.
 * Newlines and tabs stay: the formatters fold or escape them themselves.
 */
import type { RunResult } from '../types.js';

// C0 controls except tab, newline and carriage return; DEL; C1 controls; bidi embeddings, overrides and isolates.
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every terminal control character shown as `\xNN` / `\uNNNN`. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL_RE, visible);
}

function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map(escapeDeep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[escapeControl(k)] = escapeDeep(v);
    return out as T;
  }
  return value;
}

/**
 * A copy of the run with control characters escaped in every string (targets, messages, notes, data), so a text
 * formatter cannot forget one field. JSON, SARIF and the XML formats escape on their own terms.
 */
export function escapeRunControls(result: RunResult): RunResult {
  return escapeDeep(result);
}
