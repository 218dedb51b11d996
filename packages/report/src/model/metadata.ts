/**
 * Reading what a document says about itself: the key/value block that government article pages put above the text
 * (索引号 / 发布机构 / 发布日期 …, often with labels cut off by copy-paste: "号: 002986088/…"), the title's agency and
 * year, and the 统计期限 sentence. All functions take width-normalised text (offsets equal the original's).
 */
import { parseChineseNumber } from '../text/chinese-number.js';
import type { FoundDate } from '../text/dates.js';

/** Known labels; order matters when a truncated label ("号") has to be resolved (the first match wins). */
export const META_LABELS = [
  '索引号', '信息索引号', '组配分类', '发布机构', '发文机关', '发布单位', '主题分类', '体裁分类', '信息分类', '内容分类',
  '名称', '标题', '发文字号', '文号', '主题词', '关键词', '信息来源', '来源', '发布日期', '发布时间', '公开日期', '公开时间', '上网日期', '成文日期',
  '生成日期', '印发日期', '实施日期', '废止日期', '有效性', '效力状态', '日期', '时间', '阅读次数', '浏览次数', '点击数',
  '字体', '公开方式', '公开形式', '公开范围', '公开时限', '责任部门', '所属机构', '统一编号', '编号', '文种', '分类',
];

const LABEL_ALT = [...META_LABELS]
  .sort((a, b) => b.length - a.length)
  .map((l) => [...l].join('[ ]*'))
  .join('|');
const LABEL_RE = new RegExp(`(?<=^|[\\s\\[\\]【】|])(${LABEL_ALT})[ ]*:`, 'g');
const HEAD_RE = /^[ ]*([\u4e00-\u9fff]{1,3})[ ]*:/;

export interface MetaPair {
  key: string;
  value: string;
  /** Offsets of the pair's label start and value end within the line. */
  start: number;
  end: number;
}

function resolveTruncated(label: string): string | undefined {
  for (const known of META_LABELS) if (known.length > label.length && known.endsWith(label)) return known;
  return undefined;
}

/**
 * Key/value pairs of a metadata line ("发布机构: 省科技厅 主题分类: 综合政务"), or null when the line is not one.
 * A line qualifies when it starts with a known label; a cut-off label at the start ("号:", "性:") is accepted when
 * `afterMeta` is true (the previous line was metadata) or the line has another known label.
 */
export function parseMetaLine(norm: string, afterMeta = false): MetaPair[] | null {
  if (norm.length > 200 || !norm.includes(':')) return null;
  const hits: { key: string; start: number; valueStart: number }[] = [];
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(norm)) !== null) {
    hits.push({ key: m[1]!.replace(/ /g, ''), start: m.index, valueStart: m.index + m[0].length });
  }
  const lead = norm.length - norm.trimStart().length;
  if (hits.length === 0 || hits[0]!.start > lead) {
    const h = HEAD_RE.exec(norm);
    const key = h ? resolveTruncated(h[1]!) : undefined;
    if (!h || !key || !(afterMeta || hits.length > 0)) return null;
    hits.unshift({ key, start: lead, valueStart: h[0].length });
  }
  const pairs: MetaPair[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const valueEnd = i + 1 < hits.length ? hits[i + 1]!.start : norm.length;
    pairs.push({ key: h.key, value: norm.slice(h.valueStart, valueEnd).trim(), start: h.start, end: valueEnd });
  }
  return pairs;
}

const TITLE_WORDS = /报告|总结|年报|公报|工作情况|工作要点/;
const SENTENCE_END = /[。!?;]/;

/** A short line that names the document: "市科委2012年政府信息公开工作年度报告". */
export function looksLikeTitle(norm: string): boolean {
  const t = norm.trim();
  return t.length >= 4 && t.length <= 60 && TITLE_WORDS.test(t) && !SENTENCE_END.test(t);
}

const CN_YEAR = `[〇零○一二三四五六七八九]{4}`;
const YEAR_IN_TITLE = new RegExp(
  `(?<![\\d])((?:19|20)\\d{2}|${CN_YEAR})(?:[ ]*[~\\-—–至到][ ]*((?:19|20)\\d{2}|${CN_YEAR}))?[ ]*年`,
);
const AFTER_YEAR_AGENCY = /^(?:度)?[ ]*(.{2,30}?)(?=政府信息公开|政务公开|信息公开|政府信息|依申请公开)/;

function yearValue(s: string): number | null {
  const v = /\d/.test(s) ? Number(s) : parseChineseNumber(s);
  return v !== null && v >= 1900 && v < 2200 ? v : null;
}

export interface TitleFacts {
  year?: number;
  /** Offsets of the year text within the title. */
  yearStart?: number;
  yearEnd?: number;
  agency?: string;
}

/**
 * Year and agency claimed by a title. For a range (2006～2008年) the year is the last one, the year the summary
 * runs up to. The agency is the text before the year ("市科委2012年…") or between the year and the subject
 * ("2017年省科技厅政务公开工作总结").
 */
export function readTitle(norm: string): TitleFacts {
  const out: TitleFacts = {};
  const m = YEAR_IN_TITLE.exec(norm);
  if (!m) return out;
  const y = yearValue(m[2] ?? m[1]!);
  if (y !== null) {
    out.year = y;
    out.yearStart = m.index;
    out.yearEnd = m.index + m[0].length;
  }
  let before = norm.slice(0, m.index).trim().replace(/(?:关于|的)$/, '').trim();
  if (before.length >= 2 && before.length <= 30 && !/[《》]/.test(before)) {
    out.agency = before;
  } else {
    const after = AFTER_YEAR_AGENCY.exec(norm.slice(m.index + m[0].length));
    const a = after?.[1]?.trim().replace(/(?:关于|的)$/, '');
    if (a && a.length >= 2 && !/[《》,，、]/.test(a) && !/^(?:度|年度)$/.test(a)) out.agency = a;
  }
  return out;
}

/** "2011年,市科技局…" / "2010年，我局…": a body that opens by naming its year. */
const OPENING_YEAR = /^[ ]*((?:19|20)\d{2})[ ]*年(?:度)?[ ]*[,，、 ]/;

export function openingYear(norm: string): number | null {
  const m = OPENING_YEAR.exec(norm);
  return m ? Number(m[1]) : null;
}

const RANGE_GAP = /^[ ]*(?:起)?[ ]*(?:至|到|~|-|—|–|－)[ ]*$/;
const PERIOD_CONTEXT = /统计|期限|时限|时段|时间段|本报告|数据/;

/**
 * The 统计期限 of a text: two complete dates joined by 至/到/-, introduced by 统计期限/本报告… or 自.
 * `dates` are the dates found in `norm`, in order.
 */
export function findPeriod(
  norm: string,
  dates: readonly FoundDate[],
): { start: string; end: string; from: number; to: number } | null {
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (!a.iso || !b.iso || a.iso > b.iso) continue;
    if (!RANGE_GAP.test(norm.slice(a.end, b.start))) continue;
    const before = norm.slice(Math.max(0, a.start - 30), a.start);
    if (!PERIOD_CONTEXT.test(before) && !/[自从][ ]*$/.test(before)) continue;
    let to = b.end;
    if (norm.charCodeAt(to) === 0x6b62 /* 止 */) to++;
    return { start: a.iso, end: b.iso, from: a.start, to };
  }
  return null;
}

