/**
 * Collapsed text: crawlers and copy-paste often turn a whole report page into one line ("…联系。一、总体情况2019年，
 * 我局…二、主动公开政府信息情况…"). Headings then run into the text around them. This module finds where the
 * headings are and cuts such a block into pieces, each a verbatim slice, so the model builder can read headings,
 * paragraphs, the title and the sign-off as it does for well-formed text.
 *
 * It cuts conservatively, because a wrong heading is worse than a missing one:
 * - before a numbering marker (一、 （一） 1. 第一部分) that follows a sentence end, or that opens a statutory part name
 *   ("…总计0000四、因政府信息公开申请行政复议…": a table ran into the next part);
 * - after the heading phrase when the text runs on without punctuation ("一、总体情况2019年，…");
 * - around unnumbered run-in part names ("。概述2016年，…") only when they name a statutory part;
 * - after a leading title and before a trailing sign-off (agency + date).
 * Markers inside flattened tables ("（二）部分公开1000001") follow digits, not sentence ends, and are left alone.
 */
import { normalizeWidth } from '../text/normalize.js';

/** Part names of an annual report that may open a heading without a number or after a table. */
export interface RunInOptions {
  partNames: readonly string[];
}

const CN = '[一二三四五六七八九十]{1,3}';
/** Markers anywhere in the text (width-normalised). Arabic markers must not be a decimal or a date. */
const MARKER = new RegExp(
  `第${CN}部分|(?<![一二三四五六七八九十第])${CN}、|\\(${CN}\\)|(?<![\\d.])\\d{1,2}(?:、|\\.(?![\\d]))|\\(\\d{1,2}\\)`,
  'g',
);
const SENTENCE_END = /[。！？；!?;:：]/;
const HEAD_STOP = /[。！？；!?;:：，,(（<\s]|(?:19|20)\d{2}年|\d|[一二三四五六七八九十]是/;
/** Words a heading phrase ends with; the last one inside the phrase ends the heading. */
const HEAD_FINAL = /(?:情况|事项|概述|综述|概况|问题|措施|数量|类别|形式|渠道|不足|计划|打算|思路|方向|改进|举措|成效|做法|工作|建设|管理|机制|制度|平台|保障|回应|解读|服务|方面)/g;
const MAX_HEAD = 40;
const STRONG_FINAL = /情况|事项/;
const TITLE_LEAD = /^.{2,60}?(?:年度报告|年报|工作报告|情况报告|自查报告|工作总结|落实情况)(?=[\s\u3000]|[^\s\u3000。，,的和及])/;
const DATELINE = /^[\s]*[^。，,；;\s]{0,30}?(?:19|20)\d{2}[ ]*年[ ]*\d{1,2}[ ]*月(?:[ ]*\d{1,2}[ ]*日)?(?=\s)/;
const SIGN_OFF = /[。！？!?][\s\u3000]*([^。！？!?；;]{2,40}?[\s\u3000]*)((?:19|20)\d{2}[ ]*年[ ]*\d{1,2}[ ]*月[ ]*\d{1,2}[ ]*日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)[\s\u3000]*$/;

/** End of the heading phrase that starts at `from`, or -1 when the text there does not read as a heading. */
export function headingEnd(norm: string, start: number): { end: number; inline: boolean } | null {
  let from = start;
  while (from < norm.length && /\s/.test(norm[from]!)) from++;
  const window = norm.slice(from, from + MAX_HEAD + 12);
  const stop = window.search(HEAD_STOP);
  const phrase = stop < 0 ? window.slice(0, MAX_HEAD) : window.slice(0, stop);
  // 情况/事项 close a part name for certain: "收到和处理政府信息公开申请情况申请人情况…" ends at the first one.
  const strong = STRONG_FINAL.exec(phrase);
  if (strong && strong.index >= 1 && strong.index + strong[0].length <= MAX_HEAD) {
    const end = strong.index + strong[0].length;
    if (end < phrase.trimEnd().length || stop < 0 || !SENTENCE_END.test(window[stop]!)) return { end: from + end, inline: false };
  }
  if (stop >= 0 && stop <= MAX_HEAD && phrase.trim().length >= 2 && SENTENCE_END.test(window[stop]!)) {
    return { end: from + stop, inline: true };
  }
  let last = -1;
  HEAD_FINAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEAD_FINAL.exec(phrase)) !== null) if (m.index + m[0].length <= MAX_HEAD) last = m.index + m[0].length;
  if (last < 2) return null;
  return { end: from + last, inline: false };
}

function startsPart(norm: string, at: number, parts: readonly string[]): boolean {
  const head = norm.slice(at, at + 24).replace(/[\s、，,]/g, '');
  return parts.some((p) => p.length >= 2 && head.startsWith(p));
}

/** `at` moved back over whitespace: where a cut before the whitespace would have been recorded. */
function trimBack(norm: string, at: number): number {
  let k = at;
  while (k > 0 && /\s/.test(norm[k - 1]!)) k--;
  return k;
}

function prevChar(norm: string, at: number): string {
  let k = at - 1;
  while (k >= 0 && /\s/.test(norm[k]!)) k--;
  return k < 0 ? '' : norm[k]!;
}

/** Offsets (within `text`) where a collapsed block should be cut, in order, without duplicates. */
export function runInCuts(text: string, opts: RunInOptions): number[] {
  const norm = normalizeWidth(text);
  const cuts = new Set<number>();
  const title = TITLE_LEAD.exec(norm);
  if (title) {
    cuts.add(title[0].length);
    // A dateline under the title ("某某局2013年2月 根据…") is its own line too.
    const date = DATELINE.exec(norm.slice(title[0].length));
    if (date) cuts.add(title[0].length + date[0].length);
  }
  addUnnumberedParts(norm, opts, cuts);
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(norm)) !== null) {
    const at = m.index;
    const after = at + m[0].length;
    const prev = prevChar(norm, at);
    // Right after a heading that was cut out counts as a line start too ("…情况（一）主动公开…").
    const afterSentence = prev === '' || SENTENCE_END.test(prev) || prev === '”' || prev === '"' || cuts.has(trimBack(norm, at));
    const part = /[一二三四五六七八九十]、|第/.test(m[0]) && (startsPart(norm, after, opts.partNames) || startsPartLoose(norm, after, opts.partNames));
    if (!afterSentence && !part) continue;
    const head = headingEnd(norm, after);
    if (!head && !part) continue;
    cuts.add(at);
    if (head && !head.inline) cuts.add(head.end);
  }
  addSignOff(norm, cuts);
  return [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
}

/**
 * "。概述2016年，…" / "。政府信息主动公开情况（一）…": a statutory part name right after a sentence end, followed by a
 * year, a number or a sub-heading marker, is a heading that lost its line break and its number.
 */
function addUnnumberedParts(norm: string, opts: RunInOptions, cuts: Set<number>): void {
  const re = /[。！？!?][\s]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    const at = m.index + m[0].length;
    if (!startsPart(norm, at, opts.partNames) && !startsPartLoose(norm, at, opts.partNames)) continue;
    const head = headingEnd(norm, at);
    if (!head || head.inline || head.end - at > 24) continue;
    const next = norm.slice(head.end, head.end + 8);
    if (!/^(?:[\s]*(?:(?:19|20)\d{2}年|\(|[一二三四五六七八九十]、|\d))/.test(next)) continue;
    cuts.add(at);
    cuts.add(head.end);
  }
}

/** A short phrase ending in 情况/事项 that contains a part name ("政府信息主动公开情况" contains 主动公开). */
function startsPartLoose(norm: string, at: number, parts: readonly string[]): boolean {
  const head = headingEnd(norm, at);
  if (!head || head.inline) return false;
  const phrase = norm.slice(at, head.end);
  return phrase.length <= 24 && /(?:情况|事项|概述|概况)$/.test(phrase) && parts.some((p) => p.length >= 2 && phrase.includes(p));
}

/** A statistics annex right after the sign-off date: "…二○一二年二月十日附表：…统计表…". */
const ANNEX_AFTER_DATE = /日[\s]*(?=附表|附件[0-9一二三：:])/;

/**
 * Cuts around the closing signature (agency, then date) at the end of the text or right before an annex, so the
 * model finds the sign-off and the annex is its own block.
 */
function addSignOff(norm: string, cuts: Set<number>): void {
  ANNEX_AFTER_DATE.lastIndex = 0;
  const annex = ANNEX_AFTER_DATE.exec(norm);
  const end = annex ? annex.index + annex[0].length : norm.length;
  if (annex) cuts.add(end);
  const sign = SIGN_OFF.exec(norm.slice(0, end));
  if (!sign) return;
  cuts.add(sign.index + 1);
  cuts.add(sign.index + sign[0].trimEnd().length - sign[2]!.length);
}
