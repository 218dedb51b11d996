/**
 * "共N条，其中A a条、B b条……" statements: a total followed by its parts, possibly with shares ("占1.6%"). Found per
 * paragraph in one pass over its sentences. When 其中 opens a sentence, the total is taken from the previous one
 * ("主动公开政府信息350余条。其中：工作信息240余条……").
 */
import { scanQuantities, type Quantity } from './numbers.js';

export interface Share {
  percent: Quantity;
  /** The part the share belongs to (the last count before it in the same clause), if any. */
  part?: Quantity;
}

export interface Breakdown {
  total: Quantity;
  parts: Quantity[];
  shares: Share[];
  /** The list may leave items out (等, 包括, 主要): a smaller sum is then not an error. */
  openEnded: boolean;
  /** Offsets into the paragraph text. */
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?\n]/g;
const CLAUSE_END = /[；;]/;
const OPEN_RE = /等|包括|主要|含|如|部分/;
const SHARE_RE = /(?:占|占比|比例为|比重为|比例达|占比为|占比达)[^，。；,;]{0,12}$/;

/** Units that count things; 年/月/天/工作日/% and money are not summed with them. */
const NON_COUNT = new Set(['%', '‰', '年', '个月', '天', '个工作日', '工作日', '个百分点', '百分点']);

export function isCount(q: Quantity): boolean {
  return !!q.unit && !NON_COUNT.has(q.unit);
}

interface Sentence {
  start: number;
  end: number;
}

function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Whether position i of the text sits inside （…） or (…). */
function parenDepths(text: string): Int8Array {
  const d = new Int8Array(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    d[i] = depth > 0 ? 1 : 0;
    if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return d;
}

function firstAtOrAfter(qs: Quantity[], pos: number): number {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid].index < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function findBreakdowns(text: string): Breakdown[] {
  if (!text.includes('其中')) return [];
  const qs = scanQuantities(text);
  if (qs.length < 3) return [];
  const sentences = splitSentences(text);
  const parens = parenDepths(text);
  const out: Breakdown[] = [];
  const marks: number[] = [];
  for (let i = text.indexOf('其中'); i >= 0; i = text.indexOf('其中', i + 2)) marks.push(i);
  let mi = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    while (mi < marks.length && marks[mi] < s.start) mi++;
    const k = mi < marks.length ? marks[mi] : -1;
    if (k < 0 || k >= s.end) continue;
    // Total: last count before 其中 in this sentence; if 其中 opens the sentence, from the previous one.
    let total: Quantity | undefined;
    const lead = text.slice(s.start, k).replace(/[\s\u3000：:，,]/g, '');
    const from = lead.length === 0 && si > 0 ? sentences[si - 1].start : s.start;
    for (let j = firstAtOrAfter(qs, from); j < qs.length && qs[j].index < k; j++) {
      const q = qs[j];
      if (isCount(q) && !parens[q.index]) total = q;
    }
    if (!total) continue;
    // Parts: counts of the same unit after 其中 up to the sentence end or a second 其中 (a nested breakdown).
    const k2 = mi + 1 < marks.length ? marks[mi + 1] : -1;
    const stop = k2 >= 0 && k2 < s.end ? k2 : s.end;
    const parts: Quantity[] = [];
    const shares: Share[] = [];
    let lastPart: Quantity | undefined;
    for (let j = firstAtOrAfter(qs, k + 2); j < qs.length && qs[j].index < stop; j++) {
      const q = qs[j];
      // A share belongs to the last part of its own clause; a ； starts a new clause.
      if (lastPart && CLAUSE_END.test(text.slice(lastPart.index, q.index))) lastPart = undefined;
      if (q.unit === '%') {
        const head = text.slice(Math.max(s.start, q.index - 16), q.index);
        if (SHARE_RE.test(head)) shares.push({ percent: q, part: lastPart });
        continue;
      }
      if (parens[q.index]) continue;
      if (q.unit === total.unit) {
        parts.push(q);
        lastPart = q;
      }
    }
    const partsText = text.slice(k, stop);
    out.push({ total, parts, shares, openEnded: OPEN_RE.test(partsText), start: total.index, end: stop });
  }
  return out;
}
