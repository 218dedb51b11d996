/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet (digits and capitals without I, O, Z, S,
 * V), the last one a check character over the first 17 (weights 3^i mod 31, check = 31 − Σ mod 31, 31 → 0).
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'check';

export interface CreditCodeResult {
  /** The code as compared: NFKC, upper case, without spaces and hyphens. */
  code: string;
  valid: boolean;
  problem?: CreditCodeProblem;
  /** Length found, for `length` problems. */
  length?: number;
  /** The check character the first 17 characters call for, for `check` problems. */
  expected?: string;
}

export function normalizeCreditCode(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s\-－—]/g, '');
}

/** The check character for the first 17 characters, or undefined when one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c];
}

export function checkCreditCode(raw: string): CreditCodeResult {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) return { code, valid: false, problem: 'length', length: code.length };
  if (![...code].every((ch) => ALPHABET.includes(ch))) return { code, valid: false, problem: 'characters' };
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  if (expected !== code[17]) return { code, valid: false, problem: 'check', expected };
  return { code, valid: true };
}

/** A value that hides part of the code on purpose (自然人 records: 9133****1234) is not a wrong code. */
export function isMaskedCode(raw: string): boolean {
  return /[*×]/.test(raw.normalize('NFKC'));
}
