/**
 * Signs that text was copied from another organ's report: a signature that spells the organ differently from the
 * title, a text that calls itself 我委 in a 局's report, a 政府信息公开指南 of another organ claimed as one's own.
 */
import type { Paragraph, ReportDocument, Span } from '../model/types.js';
import { readTitle } from '../model/metadata.js';
import { normalizeWidth } from '../text/normalize.js';
import { documentTitle } from './document.js';

/** Levenshtein distance, bounded: returns max + 1 as soon as it is certain to exceed `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The organ that issues the report: the title's agency, else the page's 发布机构. */
export function ownAgency(doc: ReportDocument): string | undefined {
  const title = documentTitle(doc);
  const fromTitle = title ? readTitle(normalizeWidth(title.text)).agency : undefined;
  for (const name of [fromTitle, doc.meta.agency?.value]) {
    const n = name?.replace(/\s+/g, '');
    // An organ's name ends in what it is (局, 委员会, 人民政府 …); "政府" alone is a word of the title, not a name.
    if (n && n.length >= 4 && OWN_END.test(n)) return n;
  }
  return undefined;
}

const OWN_END = /(?:局|委|委员会|办|办公室|厅|人民政府|中心|院|署|会|处|所)$/;

/** Whether `short` is `long` abbreviated: its characters appear in `long` in order (安监局 in 安全生产监督管理局). */
export function abbreviates(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** A signature that is the title's organ misspelled: close (1–2 edits) but not the same, and not a short form. */
export function misspelledSignature(doc: ReportDocument): { signed: string; own: string; span?: Span } | undefined {
  const own = ownAgency(doc);
  const signed = doc.meta.signedBy?.value.replace(/\s+/g, '');
  if (!own || !signed || own === signed || own.includes(signed) || signed.includes(own)) return undefined;
  if (Math.min(own.length, signed.length) < 5) return undefined;
  const d = editDistance(own, signed, 2);
  // Same length and one or two characters different: a typo (全融 for 金融), not another wording of the name.
  return d >= 1 && d <= 2 && own.length === signed.length ? { signed, own, span: doc.meta.signedBy?.span } : undefined;
}

const SELF = /我(局|委|办|厅|院|署|中心|处)(?![\u4e00-\u9fff]{0,1}(?:员|属|系统))/g;

/** 我委 in a 局's report: the organ kinds the text calls itself that its own name does not contain. */
export function foreignSelfReferences(doc: ReportDocument): Array<{ block: Paragraph; index: number; raw: string; own: string }> {
  const own = ownAgency(doc);
  if (!own) return [];
  const out: Array<{ block: Paragraph; index: number; raw: string; own: string }> = [];
  const counts = new Map<string, number>();
  const hits: Array<{ block: Paragraph; index: number; raw: string; kind: string }> = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph' || !b.text.includes('我')) continue;
    SELF.lastIndex = 0;
    for (let m = SELF.exec(b.text); m; m = SELF.exec(b.text)) {
      hits.push({ block: b, index: m.index, raw: m[0], kind: m[1]! });
      counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
  }
  for (const h of hits) {
    // The organ's own kind is named in it (财政局 → 局; 管委会 → 委); a kind it has is never foreign.
    if (own.includes(h.kind)) continue;
    // Only when the text mostly uses the organ's own kind: a single foreign word among many of its own.
    const ownCount = [...counts.entries()].filter(([k]) => own.includes(k)).reduce((n, [, c]) => n + c, 0);
    if (ownCount >= 1 && (counts.get(h.kind) ?? 0) < ownCount) out.push({ block: h.block, index: h.index, raw: h.raw, own });
  }
  return out;
}

const GUIDE = /《([^《》]{2,30}?)政府信息公开指南/g;
const ORG_END = /(?:局|委|委员会|办|办公室|厅|中心|院|署)$/;

/** "编制了《某县经贸局政府信息公开指南》" in a 财政局's report: another organ's guide claimed as its own. */
export function otherOrgansGuide(doc: ReportDocument): Array<{ block: Paragraph; index: number; organ: string; own: string }> {
  const own = ownAgency(doc);
  if (!own) return [];
  const out: Array<{ block: Paragraph; index: number; organ: string; own: string }> = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph' || !b.text.includes('指南')) continue;
    GUIDE.lastIndex = 0;
    for (let m = GUIDE.exec(b.text); m; m = GUIDE.exec(b.text)) {
      const organ = m[1]!.trim();
      if (!ORG_END.test(organ) || own.includes(organ) || organ.includes(own) || abbreviates(organ, own) || abbreviates(own, organ)) continue;
      // Compare the organ kinds' stems: 平潭县经贸局 vs 平潭县财政局 differ in what comes before 局.
      if (editDistance(organ, own, 1) <= 1) continue;
      // Only a guide the text says it compiled itself; a superior's guide may be cited.
      const lead = b.text.slice(Math.max(0, m.index - 12), m.index);
      if (!/编制|制定|编写|修订|完善了|更新了/.test(lead)) continue;
      out.push({ block: b, index: m.index, organ, own });
    }
  }
  return out;
}
