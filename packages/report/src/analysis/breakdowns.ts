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
  /**
   * What the shares are shares of: the total, or a part when the later items are sub-counts of it ("共89项，其中行政许可
   * 57项，一趟不用跑的45项，占比78.9%" — 45/57). Parts after such a base are not parts of the total and are dropped.
   */
  shareBase: Quantity;
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

/** "在公开的74条信息中，工作动态类12条…": the total stands inside the opener; the mark is its 中. */
const IN_OPENER = /在[^。，；,;]{0,14}?[0-9]+\s*(?:余|多)?\s*[条件项篇个][^。，；,;]{0,10}?中(?=[，,：:])/g;
/** Words that mark a count as the sentence's total ("共计8件", "合计", "累计主动公开251条"). */
const TOTAL_WORD = /(?:共|共计|合计|总计|累计|总数为?|总量为?|一共)[^，。；,;0-9]{0,8}$/;

function openerMarks(text: string): number[] {
  const marks: number[] = [];
  for (let i = text.indexOf('其中'); i >= 0; i = text.indexOf('其中', i + 2)) marks.push(i);
  if (text.includes('在')) {
    IN_OPENER.lastIndex = 0;
    for (let m = IN_OPENER.exec(text); m; m = IN_OPENER.exec(text)) marks.push(m.index + m[0].length - 1);
  }
  return marks.sort((a, b) => a - b);
}

/** The total a breakdown refers to: a count marked as a total (共/合计…) wins over the last count before the mark. */
function pickTotal(text: string, qs: Quantity[], from: number, k: number, parens: Int8Array): Quantity | undefined {
  let last: Quantity | undefined;
  let marked: Quantity | undefined;
  for (let j = firstAtOrAfter(qs, from); j < qs.length && qs[j].index < k; j++) {
    const q = qs[j];
    if (!isCount(q) || parens[q.index]) continue;
    last = q;
    if (TOTAL_WORD.test(text.slice(Math.max(from, q.index - 12), q.index))) marked = q;
  }
  return marked ?? last;
}

function shareFits(share: Share, base: Quantity): boolean {
  if (!share.part || base.value <= 0) return false;
  const step = 10 ** -share.percent.decimals;
  return Math.abs((share.part.value / base.value) * 100 - share.percent.value) <= step + 1e-9;
}

/**
 * A part that the shares are shares of, when more of them fit it than fit the total (see `Breakdown.shareBase`).
 * Counting fits rather than demanding all of them keeps one wrong share from hiding the nesting.
 */
function nestedBase(total: Quantity, parts: Quantity[], shares: Share[]): Quantity | undefined {
  const withPart = shares.filter((s) => s.part);
  if (withPart.length < 2) return undefined;
  const onTotal = withPart.filter((s) => shareFits(s, total)).length;
  let best: Quantity | undefined;
  let bestFits = Math.max(1, onTotal);
  for (const p of parts) {
    const fits = withPart.filter((s) => s.part!.index > p.index && shareFits(s, p)).length;
    if (fits > bestFits) {
      best = p;
      bestFits = fits;
    }
  }
  return best;
}

export function findBreakdowns(text: string): Breakdown[] {
  if (!text.includes('其中') && !text.includes('中，') && !text.includes('中,')) return [];
  const qs = scanQuantities(text);
  if (qs.length < 3) return [];
  const sentences = splitSentences(text);
  const parens = parenDepths(text);
  const out: Breakdown[] = [];
  const marks = openerMarks(text);
  if (marks.length === 0) return [];
  let mi = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    while (mi < marks.length && marks[mi] < s.start) mi++;
    const k = mi < marks.length ? marks[mi] : -1;
    if (k < 0 || k >= s.end) continue;
    // Total: the count before 其中 in this sentence; if 其中 opens the sentence, from the previous one.
    const lead = text.slice(s.start, k).replace(/[\s\u3000：:，,]/g, '');
    const from = lead.length === 0 && si > 0 ? sentences[si - 1].start : s.start;
    const total = pickTotal(text, qs, from, k, parens);
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
      // "在主动公开的90条信息中，全文电子化的共90条，…": the total said again is not a part.
      if (q.value === total.value && TOTAL_WORD.test(text.slice(Math.max(k, q.index - 12), q.index))) continue;
      if (q.unit === total.unit) {
        parts.push(q);
        lastPart = q;
      }
    }
    const partsText = text.slice(k, stop);
    const base = nestedBase(total, parts, shares);
    const kept = base ? parts.filter((p) => p.index <= base.index) : parts;
    out.push({ total, parts: kept, shares, shareBase: base ?? total, openEnded: OPEN_RE.test(partsText), start: total.index, end: stop });
  }
  return out;
}
