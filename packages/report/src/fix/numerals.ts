const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: the forms used in heading numbers. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = '';
  if (h) s += DIGITS[h] + '百';
  if (t) s += (t === 1 && !h ? '' : DIGITS[t]) + '十';
  else if (h && u) s += '零';
  if (u) s += DIGITS[u];
  return s;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN_OR_DIGITS = /[零〇一二三四五六七八九十百]+|[0-9０-９]+|[①-⑳]/;

/** The marker as written with its number replaced: "三、" → "二、", "（3）" → "（2）", "第三部分" → "第二部分". */
export function renumberMarker(raw: string, style: string, value: number): string {
  let replacement: string;
  if (style === 'circled') replacement = CIRCLED[value - 1] ?? String(value);
  else if (style === 'arabic' || style === 'paren-arabic') replacement = String(value);
  else replacement = toChineseNumeral(value);
  const m = CN_OR_DIGITS.exec(raw);
  if (!m) return raw;
  // Keep full-width digits full width.
  if (/[０-９]/.test(m[0])) replacement = replacement.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return raw.slice(0, m.index) + replacement + raw.slice(m.index + m[0].length);
}
