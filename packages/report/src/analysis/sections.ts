/**
 * Maps a report's headings onto the statutory parts of an annual report (条例 2008 第三十二条 / 2019 第五十条 and the
 * national format). Matching is by alias substrings on the normalised heading text; the aliases come from the pack
 * data so a province can add its own wording.
 */
import type { Heading, ReportDocument, Section } from '../model/types.js';

export type SectionId =
  | 'overview'
  | 'active-disclosure'
  | 'requests'
  | 'fees'
  | 'reviews-litigation'
  | 'problems-improvements'
  | 'other';

export const SECTION_IDS: readonly SectionId[] = [
  'overview',
  'active-disclosure',
  'requests',
  'fees',
  'reviews-litigation',
  'problems-improvements',
  'other',
];

export interface SectionDef {
  id: string;
  /** Canonical title, shown in messages. */
  title?: { zh: string; en: string };
  /** Substrings of a heading that identify the section (after removing spaces and punctuation). */
  aliases: string[];
  /** Substrings whose presence disqualifies a heading even when an alias matches. */
  exclude?: string[];
  /** Regular expressions (source text) that show the content exists in the body even without a heading. */
  evidence?: string[];
}

export const DEFAULT_SECTION_DEFS: SectionDef[] = [
  {
    id: 'overview',
    title: { zh: '总体情况', en: 'overview' },
    aliases: ['总体情况', '概述', '基本工作情况', '基本情况', '工作概况', '概况', '总体工作情况', '工作综述', '综述'],
  },
  {
    id: 'active-disclosure',
    title: { zh: '主动公开政府信息情况', en: 'active disclosure' },
    aliases: ['主动公开', '政府信息公开情况'],
    evidence: ['主动公开[^。；;]{0,20}?[0-9０-９]+\\s*(?:余|多)?\\s*[条件篇项]'],
  },
  {
    id: 'requests',
    title: { zh: '收到和处理政府信息公开申请情况', en: 'requests received and handled' },
    aliases: ['收到和处理', '依申请', '申请公开政府信息', '处理政府信息公开申请', '不予公开', '受理申请'],
    evidence: [
      '(?:收到|受理|接到)[^。；;]{0,20}?(?:政府信息公开|信息公开|依申请公开)?申请[^。；;]{0,6}?[0-9０-９]+\\s*件',
      '(?:未|没有)(?:收到|受理|接到)[^。；;]{0,20}?(?:依申请公开|信息公开|公开)?申请',
      '[0-9０-９]+\\s*件[^。；;]{0,6}(?:依申请公开|政府信息公开)申请',
      '受理[^。；;]{0,6}申请[^。；;]{0,8}数',
    ],
  },
  {
    id: 'fees',
    title: { zh: '政府信息公开的收费及减免情况', en: 'fees and fee waivers' },
    aliases: ['收费', '减免', '信息处理费'],
    evidence: ['(?:未|没有|不)(?:收取|发生)[^。；;]{0,12}?(?:费用|收费|信息处理费)', '收取[^。；;]{0,10}?(?:信息处理费|费用)[^。；;]{0,6}?[0-9０-９]+\\s*元'],
  },
  {
    id: 'reviews-litigation',
    title: { zh: '行政复议、行政诉讼情况', en: 'administrative reconsideration and litigation' },
    aliases: ['行政复议', '行政诉讼', '复议', '诉讼', '申诉'],
    evidence: [
      '(?:未|没有|无)(?:发生|出现)?[^。；;]{0,20}?(?:行政复议|行政诉讼)',
      '(?:行政复议|行政诉讼)[^。；;]{0,10}?[0-9０-９]+\\s*(?:件|起)',
      '(?:行政复议|行政诉讼|行政申诉)[^。；;，,\\s]{0,6}数',
    ],
  },
  {
    id: 'problems-improvements',
    title: { zh: '存在的主要问题及改进情况', en: 'main problems and improvements' },
    aliases: ['存在的主要问题', '存在问题', '存在的问题', '主要问题', '问题及改进', '问题和改进', '改进情况', '不足'],
    evidence: ['(?:存在|主要)(?:的)?(?:问题|不足)'],
  },
  {
    id: 'other',
    title: { zh: '其他需要报告的事项', en: 'other matters to report' },
    aliases: ['其他需要报告', '其它需要报告', '需要报告的事项', '其他事项', '其它事项', '其他需说明', '其他情况'],
  },
];

const NORMALISE_RE = /[\s\u3000，。、；：:,.;（）()“”"‘’'《》【】\[\]！!？?—\-]/g;

export function normaliseHeading(text: string): string {
  return text.replace(NORMALISE_RE, '').replace(/其它/g, '其他');
}

export interface MatchedSection {
  id: string;
  heading: Heading;
  section: Section;
  /** Index among the top-level sections. */
  index: number;
  alias: string;
}

export interface SectionMap {
  /** The sections that play the role of the report's parts. */
  top: Section[];
  matches: MatchedSection[];
  byId: Map<string, MatchedSection>;
}

/**
 * The list of sections that hold the report's parts. A title heading ("# 2021年…年度报告") that wraps everything is
 * skipped: while the outline has a single unnumbered section with children, descend into it.
 */
export function topSections(doc: ReportDocument): Section[] {
  let list = doc.sections;
  while (list.length === 1 && list[0].children.length > 0 && (!list[0].heading.numbering || list[0].heading.numbering.style === 'none')) {
    list = list[0].children;
  }
  // A leading unnumbered title followed by numbered siblings is a title, not a part.
  if (list.length > 1 && isTitleHeading(list[0].heading) && list.slice(1).some((s) => s.heading.numbering)) {
    list = list.slice(1);
  }
  return list;
}

const TITLE_RE = /(?:年度报告|年报|工作总结|工作报告)$/;

function isTitleHeading(h: Heading): boolean {
  return (!h.numbering || h.numbering.style === 'none') && TITLE_RE.test(normaliseHeading(h.text));
}

interface CompiledDef {
  def: SectionDef;
  aliases: string[];
  exclude: string[];
}

const compiledCache = new WeakMap<SectionDef[], CompiledDef[]>();

function compile(defs: SectionDef[]): CompiledDef[] {
  let c = compiledCache.get(defs);
  if (!c) {
    c = defs.map((def) => ({
      def,
      aliases: def.aliases.map(normaliseHeading).filter(Boolean),
      exclude: (def.exclude ?? []).map(normaliseHeading).filter(Boolean),
    }));
    compiledCache.set(defs, c);
  }
  return c;
}

/** The section id whose longest alias matches the heading; ties go to the earlier definition. */
export function classifyHeading(text: string, defs: SectionDef[]): { id: string; alias: string } | undefined {
  const norm = normaliseHeading(text);
  let best: { id: string; alias: string } | undefined;
  for (const c of compile(defs)) {
    if (c.exclude.some((x) => norm.includes(x))) continue;
    for (const a of c.aliases) {
      if (norm.includes(a) && (!best || a.length > best.alias.length)) best = { id: c.def.id, alias: a };
    }
  }
  return best;
}

export function matchSections(doc: ReportDocument, defs: SectionDef[] = DEFAULT_SECTION_DEFS): SectionMap {
  const top = topSections(doc);
  const matches: MatchedSection[] = [];
  const byId = new Map<string, MatchedSection>();
  top.forEach((section, index) => {
    const hit = classifyHeading(section.heading.text, defs);
    if (!hit) return;
    const m: MatchedSection = { id: hit.id, heading: section.heading, section, index, alias: hit.alias };
    matches.push(m);
    if (!byId.has(hit.id)) byId.set(hit.id, m);
  });
  return { top, matches, byId };
}

/** Merges pack-provided definitions (by id) over the defaults. */
export function sectionDefsFrom(data: unknown): SectionDef[] {
  const list = (data as { sections?: unknown } | undefined)?.sections;
  if (!Array.isArray(list) || list.length === 0) return DEFAULT_SECTION_DEFS;
  const byId = new Map(DEFAULT_SECTION_DEFS.map((d) => [d.id, d]));
  const out: SectionDef[] = [];
  for (const item of list as Partial<SectionDef>[]) {
    if (!item || typeof item.id !== 'string') continue;
    const base = byId.get(item.id);
    out.push({
      ...(base ?? {}),
      ...item,
      id: item.id,
      aliases: item.aliases ?? base?.aliases ?? [],
    } as SectionDef);
  }
  return out;
}

export function sectionTitle(def: SectionDef | undefined, id: string, locale: 'zh' | 'en' = 'zh'): string {
  return def?.title?.[locale] ?? id;
}
