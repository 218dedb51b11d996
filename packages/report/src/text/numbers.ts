/**
 * Quantities in running text: 1458条, 350余条, 近万条, 约300件, 1700万元, 99.45%, 1,234件, １２３件, 百分之九十,
 * 20个工作日. Dates and ordinals (第三条) are not quantities and are skipped. Chinese numerals only count when a
 * unit follows, because 一/三 on their own are mostly words (统一, 三是).
 */
import { normalizeWidth } from './normalize.js';
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chinese-number.js';
import { findDates } from './dates.js';
import type { ApproxNumber } from '../model/types.js';

export interface FoundNumber extends ApproxNumber {
  /** 0-based [start, end) into the text passed in. */
  start: number;
  end: number;
}

// Longest first so 个工作日 wins over 个, 万元 over 元.
const UNITS = [
  '个工作日', '工作日', '个百分点', '百分点', '个月', '人次', '万元', '亿元', '千元', '万人', '元',
  '条', '件', '个', '项', '次', '人', '篇', '份', '期', '场', '家', '页', '天', '批', '户', '名', '部', '本', '张',
  '册', '所', '类', '种', '套', '台', '起', '处', '则', '封', '例', '位', '年', '%', '‰',
];
const UNIT_ALT = UNITS.map((u) => u.replace(/[%‰]/g, '\\$&')).join('|');
const CN = `[${CHINESE_NUMERAL_CHARS}]`;
const WORD_BEFORE_ONE = new Set([...'统唯进单同逐划之其万专如合归择任']);

const NUMBER_RE = new RegExp(
  [
    `(?<pre>大约|约|将近|接近|近|超过|逾)?`,
    `(?:`,
    // 百分之九十, 百分之99.5
    `百分之(?<pct>${CN}+(?:点${CN}+)?|\\d+(?:\\.\\d+)?)`,
    `|`,
    // 1,234.5 / 1458 / 1.2 (thousands separators only in groups of three)
    `(?<![\\d.])(?<ar>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?<big>[万亿](?![元人]))?`,
    `|`,
    `(?<cn>${CN}+)`,
    `)`,
    `(?<suf1>余|多)?`,
    `(?<unit>${UNIT_ALT})?`,
    `(?<suf2>左右|以上|余)?`,
  ].join(''),
  'g',
);

const APPROX: Record<string, ApproxNumber['approx']> = {
  大约: 'about', 约: 'about', 左右: 'about',
  将近: 'near', 接近: 'near', 近: 'near',
  超过: 'over', 逾: 'over', 余: 'over', 多: 'over', 以上: 'over',
};

function parseCnDecimal(s: string): number | null {
  const dot = s.indexOf('点');
  if (dot < 0) return parseChineseNumber(s);
  const int = parseChineseNumber(s.slice(0, dot));
  const frac = s.slice(dot + 1);
  if (int === null) return null;
  let digits = '';
  for (const ch of frac) {
    const d = parseChineseNumber(ch);
    if (d === null || d > 9) return null;
    digits += String(d);
  }
  return Number(`${int}.${digits}`);
}

export function findNumbers(text: string): FoundNumber[] {
  const norm = normalizeWidth(text);
  const dates = findDates(text);
  const out: FoundNumber[] = [];
  let di = 0;
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(norm)) !== null) {
    if (m[0].length === 0) {
      NUMBER_RE.lastIndex++;
      continue;
    }
    const g = { ...m.groups } as Record<string, string | undefined>;
    let start = m.index;
    let end = m.index + m[0].length;
    let value: number | null = null;
    let unit = g.unit;
    // The core number's own range (without prefix), for the date and ordinal checks.
    const coreStart = start + (g.pre?.length ?? 0);
    if (g.pct !== undefined) {
      value = /\d/.test(g.pct) ? Number(g.pct) : parseCnDecimal(g.pct);
      // 百分之九十 already carries its unit; a following unit char belongs to the next word.
      if (unit !== undefined) {
        end = coreStart + 3 + g.pct.length + (g.suf1?.length ?? 0);
        NUMBER_RE.lastIndex = end;
        g.suf2 = undefined;
      }
      unit = '%';
    } else if (g.ar !== undefined) {
      let ar = g.ar;
      if (ar.includes(',')) {
        // A comma that was a full-width ，in the original separates clauses, not thousands.
        const firstFull = text.indexOf('，', coreStart);
        if (firstFull >= 0 && firstFull < coreStart + ar.length) {
          ar = ar.slice(0, firstFull - coreStart);
          end = coreStart + ar.length;
          NUMBER_RE.lastIndex = end;
          unit = undefined;
          g.big = undefined;
          g.suf1 = undefined;
          g.suf2 = undefined;
        }
      }
      value = Number(ar.replace(/,/g, ''));
      if (g.big !== undefined) value *= g.big === '万' ? 1e4 : 1e8;
    } else if (g.cn !== undefined) {
      let cn = g.cn;
      if (unit === undefined) continue; // 一是, 十分: words, not quantities
      // 统一部署, 进一步, 唯一: 一 bound to the word before it.
      if (cn === '一' && WORD_BEFORE_ONE.has(norm[m.index - 1] ?? '')) continue;
      if ((unit === '元' || unit === '人') && /[万亿]$/.test(cn) && cn.length > 1) {
        // 三万元 reads like 3万元: keep the 万 with the unit, as the tables do.
        unit = cn.endsWith('万') ? `万${unit}` : `亿${unit}`;
        cn = cn.slice(0, -1);
      }
      value = parseChineseNumber(cn);
    }
    if (value === null || !Number.isFinite(value)) continue;
    if (norm.charCodeAt(coreStart - 1) === 0x7b2c /* 第 */) continue; // ordinal
    // Skip numbers that are part of a date mention.
    while (di < dates.length && dates[di]!.end <= coreStart) di++;
    if (di < dates.length && dates[di]!.start < end && dates[di]!.end > coreStart) continue;
    if (unit === '年' && value >= 1900 && value < 2200) continue;

    let approx: ApproxNumber['approx'];
    const marker = g.pre ?? g.suf1 ?? g.suf2;
    if (marker !== undefined && end === m.index + m[0].length) approx = APPROX[marker];
    else if (g.pre !== undefined) approx = APPROX[g.pre];
    if (g.pre === undefined) start = coreStart;
    const found: FoundNumber = { value, raw: text.slice(start, end), start, end };
    if (unit !== undefined) found.unit = unit;
    if (approx !== undefined) found.approx = approx;
    out.push(found);
  }
  return out;
}

/**
 * A table cell's number: "12", "1,234", "5件", "99.45%", "三". Blank, 无, —, -, / and anything with words → null.
 */
export function parseCellNumber(text: string): number | null {
  const s = normalizeWidth(text).replace(/\s+/g, '');
  if (s === '' || s === '无' || /^[-—–_/\\~·.]+$/.test(s)) return null;
  const m = /^([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)(?:个工作日|万元|亿元|元|条|件|个|项|次|人次|人|%|篇|份|页)?$/.exec(s);
  if (m) return Number(m[1]!.replace(/,/g, ''));
  const c = /^([零〇一二两三四五六七八九十百千万]+)(?:件|条|个|项|次|人)?$/.exec(s);
  if (c) return parseChineseNumber(c[1]!);
  return null;
}
