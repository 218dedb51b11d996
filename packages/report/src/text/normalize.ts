/**
 * Width normalisation. Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space each map to exactly one
 * ASCII code unit, so the normalised string has the same length as the original and every offset found in it is an
 * offset into the original text as well. Parsers work on the normalised copy and slice the original for display.
 */

const WIDE = /[\uFF01-\uFF5E\u3000\u00A0\u2000-\u200A\u202F\u205F]/;
const WIDE_G = /[\uFF01-\uFF5E\u3000\u00A0\u2000-\u200A\u202F\u205F]/g;

function toNarrow(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0xff00) return ' '; // U+3000, NBSP and the typographic spaces U+2000–U+205F
  return String.fromCharCode(c - 0xfee0);
}

/** Full-width digits, letters and punctuation → ASCII; U+3000, NBSP, em/en spaces → space. Length-preserving. */
export function normalizeWidth(text: string): string {
  // Most lines carry no full-width ASCII at all; the test is much cheaper than a replace pass.
  if (!WIDE.test(text)) return text;
  return text.replace(WIDE_G, toNarrow);
}

/** Whitespace as it appears in Chinese documents: ASCII whitespace, U+3000, NBSP, zero-width and BOM characters. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x3000 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff ||
    code === 0x200b
  );
}

/** [start, end) of `text` without surrounding whitespace (see `isSpace`). */
export function trimRange(text: string, start = 0, end = text.length): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}
