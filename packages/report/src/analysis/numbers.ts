/**
 * Finds quantities in running text ("共658条", "350余条", "近200条", "占1.6%", "3.785亿元"). This is an adapter: rules
 * only see `Quantity`, so the scanner behind it can change without touching them.
 */
import type { ApproxNumber } from '../model/types.js';
import { findNumbers } from '../text/index.js';

export interface Quantity extends ApproxNumber {
  /** 0-based index of the first character (including a leading 约/近) in the scanned text. */
  index: number;
  /** Length of the whole match in the text. */
  length: number;
  /** Digits after the decimal point as written (for percentage rounding). */
  decimals: number;
}

const FULLWIDTH_DIGIT = /[０-９．]/g;

export function toHalfWidth(s: string): string {
  return s.replace(FULLWIDTH_DIGIT, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const DECIMALS_RE = /[.．]([0-9０-９]+)/;

export function scanQuantities(text: string): Quantity[] {
  return findNumbers(text).map((n) => {
    const d = DECIMALS_RE.exec(n.raw);
    const q: Quantity = { ...n, index: n.start, length: n.end - n.start, decimals: d ? d[1].length : 0 };
    return q;
  });
}

/**
 * The interval of true values a written quantity admits. "余/多" means at least the number and less than the next
 * step of its last significant digit (240余 → [240, 250)); "约/左右" one step either side; "近" up to one step
 * below. The step is the place value of the lowest non-zero digit, so "2000余" allows [2000, 3000).
 */
export function interval(q: Pick<ApproxNumber, 'value' | 'approx'>): [number, number] {
  const v = q.value;
  if (!q.approx) return [v, v];
  const step = approxStep(v);
  if (q.approx === 'over') return [v, v + step];
  if (q.approx === 'near') return [v - step, v];
  return [v - step, v + step];
}

export function approxStep(v: number): number {
  if (!Number.isInteger(v) || v === 0) return 1;
  let step = 1;
  let n = Math.abs(v);
  while (n % 10 === 0) {
    n /= 10;
    step *= 10;
  }
  return step;
}
