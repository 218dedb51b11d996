/** Retry-After parsing and the backoff schedule used when a server gives no hint. */

/**
 * Milliseconds to wait for a Retry-After value: delta-seconds or an HTTP-date (relative to `now`). Undefined for
 * absent or unparsable values; dates in the past give 0.
 */
export function parseRetryAfter(value: string | undefined | null, now: number = Date.now()): number | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // Some servers send fractional seconds; be lenient.
  if (/^\d+\.\d+$/.test(v)) return Math.round(Number(v) * 1000);
  // Only accept things that look like an HTTP date, not any string Date.parse happens to like ("1").
  if (!/[a-z]{3}/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Exponential backoff with full jitter over the upper half: attempt 0 → 0.5–1 × base, attempt 1 → 1–2 × base … */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
