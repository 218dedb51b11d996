/**
 * How much of one text is found again in another, as evaluators mean "重复率": the share of this year's character
 * pairs (bigrams) that last year's text also has, counted with multiplicity. Digits, punctuation and spaces are
 * left out first, so a copy with this year's figures typed in is still recognised as a copy.
 */
const NOISE = /[\s\p{P}\p{S}0-9０-９〇零一二三四五六七八九十百千万亿两年月日号]/gu;

function bigrams(text: string): Map<string, number> {
  const clean = text.normalize('NFKC').replace(NOISE, '');
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < clean.length; i++) {
    const g = clean.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export function repeatedShare(current: string, previous: string): { share: number; size: number } {
  const a = bigrams(current);
  const b = bigrams(previous);
  let size = 0;
  let common = 0;
  for (const [g, n] of a) {
    size += n;
    common += Math.min(n, b.get(g) ?? 0);
  }
  return { share: size ? common / size : 0, size };
}
