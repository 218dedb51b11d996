/**
 * What kind of document this is, which year it reports on and which legal regime governs it. These feed the subject
 * facts the engine selects packs by, and the rules that check the same things.
 */
import type { AgencyLevel, SubjectFacts } from '@gongkai/core';
import type { Block, Heading, Paragraph, ReportDocument, Span } from '../model/types.js';
import { DEFAULT_SECTION_DEFS, matchSections, normaliseHeading, type SectionDef } from './sections.js';
import { recogniseTables } from './tables.js';
import { scanYears } from './years.js';

export type DocumentType = 'annual-report' | 'work-summary' | 'other';
export type Regime = '2008' | '2019' | '2021';

export function isRegime(v: unknown): v is Regime {
  return v === '2008' || v === '2019' || v === '2021';
}

/** 2008 条例 up to the 2018 report; the 2019 条例 with the trial format for 2019–2020; the 2021 format after. */
export function detectRegime(year: number | undefined, override?: string): Regime | undefined {
  if (isRegime(override)) return override;
  if (year === undefined || !Number.isFinite(year)) return undefined;
  if (year <= 2018) return '2008';
  if (year <= 2020) return '2019';
  return '2021';
}

const TITLE_WORDS_RE = /年度报告|年报|工作总结|工作报告|工作要点|工作计划|总结/;
/** 年度报告/年报, or "2011年政府信息公开工作报告" (a year plus 政府信息公开…报告 names the annual report too). */
const ANNUAL_RE = /年度报告|年报|(?:19|20)\d{2}年(?:度)?.{0,30}政府信息公开(?:工作)?报告/;
const SUMMARY_RE = /总结/;
const PLAN_RE = /工作要点|工作计划|实施方案|通知|意见/;

export interface TitleInfo {
  text: string;
  span?: Span;
  source: 'metadata' | 'block';
}

const titleCache = new WeakMap<ReportDocument, TitleInfo | null>();

/** The document's title: from metadata when the loader found one, else a short title-like line before the body. */
export function documentTitle(doc: ReportDocument): TitleInfo | undefined {
  const cached = titleCache.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  let found: TitleInfo | undefined;
  const metaTitle = doc.meta.title?.value?.trim();
  if (metaTitle && TITLE_WORDS_RE.test(metaTitle)) {
    found = { text: metaTitle, span: doc.meta.title?.span, source: 'metadata' };
  } else {
    const candidates: Block[] = [...doc.preamble.slice(0, 12)];
    const firstHeading = doc.headings[0];
    if (firstHeading && (!firstHeading.numbering || firstHeading.numbering.style === 'none')) candidates.push(firstHeading);
    for (const b of candidates) {
      if (b.kind === 'table') continue;
      const text = (b.kind === 'heading' ? b.text : b.text).trim();
      if (text.length > 0 && text.length <= 80 && !/[。；]/.test(text.slice(0, -1)) && TITLE_WORDS_RE.test(text)) {
        found = { text, span: b.span, source: 'block' };
        break;
      }
    }
    if (!found && metaTitle) found = { text: metaTitle, span: doc.meta.title?.span, source: 'metadata' };
  }
  titleCache.set(doc, found ?? null);
  return found;
}

const STATUTORY = new Set(['active-disclosure', 'requests', 'fees', 'reviews-litigation', 'problems-improvements', 'other']);

export interface Classification {
  type: DocumentType;
  /** Why: 'title', 'structure' or 'text'. */
  basis: 'title' | 'structure' | 'text' | 'none';
  title?: TitleInfo;
  statutorySections: number;
}

export function classify(doc: ReportDocument, defs: SectionDef[] = DEFAULT_SECTION_DEFS): Classification {
  const title = documentTitle(doc);
  const matched = new Set(matchSections(doc, defs).matches.map((m) => m.id).filter((id) => STATUTORY.has(id)));
  const statutorySections = matched.size;
  if (title) {
    const t = normaliseHeading(title.text);
    if (ANNUAL_RE.test(t)) return { type: 'annual-report', basis: 'title', title, statutorySections };
    if (SUMMARY_RE.test(t)) return { type: 'work-summary', basis: 'title', title, statutorySections };
    if (PLAN_RE.test(t)) return { type: 'other', basis: 'title', title, statutorySections };
  }
  if (statutorySections >= 3) return { type: 'annual-report', basis: 'structure', title, statutorySections };
  const tables = recogniseTables(doc);
  if (tables.requests || tables.reviews) return { type: 'annual-report', basis: 'structure', title, statutorySections };
  const head = leadingText(doc, 600);
  if (/年度报告|本报告/.test(head) && statutorySections >= 2) return { type: 'annual-report', basis: 'text', title, statutorySections };
  if (/总结如下|工作总结|总结报告/.test(head)) return { type: 'work-summary', basis: 'text', title, statutorySections };
  return { type: 'other', basis: 'none', title, statutorySections };
}

export function classifyDocument(doc: ReportDocument): DocumentType {
  return classify(doc).type;
}

/** The first `max` characters of body text (preamble and first paragraphs), for cheap signal checks. */
export function leadingText(doc: ReportDocument, max: number): string {
  let s = '';
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    s += (b.kind === 'heading' ? b.raw : b.text) + '\n';
    if (s.length >= max) break;
  }
  return s.slice(0, max);
}

// ----- report year -----------------------------------------------------------------------------------------------

export interface YearEvidence {
  year: number;
  source: 'override' | 'metadata' | 'title' | 'period' | 'body';
  span?: Span;
  raw?: string;
}

const PERIOD_RE = /统计(?:期限|时限|时间|区间|期间|周期|范围)[^。；]{0,12}?((?:19|20)[0-9]{2})\s*年\s*1\s*月\s*1\s*日[^。；]{0,8}?((?:19|20)[0-9]{2})\s*年\s*12\s*月\s*31\s*日/;

export interface YearAnalysis {
  title?: YearEvidence;
  period?: YearEvidence & { endYear: number };
  /** The year the first body sentence opens with ("2012年，我委……"). */
  opening?: YearEvidence;
  /** Counts of year mentions in the body. */
  bodyCounts: Map<number, number>;
  /** The best guess, in order: title, period, opening. */
  year?: YearEvidence;
}

const yearCache = new WeakMap<ReportDocument, YearAnalysis>();

function firstBodyParagraph(doc: ReportDocument, title?: TitleInfo): Paragraph | Heading | undefined {
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    if (b.kind === 'paragraph') {
      if (title && b.span === title.span) continue;
      if (b.text.trim().length < 15) continue;
      if (/^[^：:]{1,8}[：:]/.test(b.text) && b.text.length < 60) continue; // metadata lines "发布机构: …"
      if (title && b.text.trim() === title.text) continue;
      // A dateline under the title ("某某局2013年2月") says when the report was written, not what year it covers.
      if (b.text.trim().length <= 40 && DATELINE_RE.test(b.text.trim())) continue;
      return b;
    }
    if (b.kind === 'heading' && b.rest && b.rest.length >= 15) return b;
  }
  return undefined;
}

const DATELINE_RE = /^[^。，,；;]{0,30}?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$/;

export function analyseYears(doc: ReportDocument): YearAnalysis {
  const cached = yearCache.get(doc);
  if (cached) return cached;
  const out: YearAnalysis = { bodyCounts: new Map() };
  const title = documentTitle(doc);
  if (doc.meta.reportYear && doc.meta.reportYear.source !== 'text') {
    out.title = { year: doc.meta.reportYear.value, source: 'metadata', span: doc.meta.reportYear.span };
  } else if (title) {
    const ys = scanYears(title.text);
    if (ys.length) out.title = { year: ys[ys.length - 1].year, source: 'title', span: title.span, raw: title.text };
  }
  if (doc.meta.period) {
    const p = doc.meta.period.value;
    out.period = { year: Number(p.start.slice(0, 4)), endYear: Number(p.end.slice(0, 4)), source: 'period', span: doc.meta.period.span };
  }
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    const text = b.kind === 'heading' ? b.raw : b.text;
    if (!out.period) {
      const m = PERIOD_RE.exec(text);
      if (m) out.period = { year: Number(m[1]), endYear: Number(m[2]), source: 'period', span: b.span, raw: m[0] };
    }
    if (title && b.span === title.span) continue;
    for (const y of scanYears(text)) out.bodyCounts.set(y.year, (out.bodyCounts.get(y.year) ?? 0) + 1);
  }
  const first = firstBodyParagraph(doc, title);
  if (first) {
    const text = first.kind === 'heading' ? (first.rest ?? '') : first.text;
    const y = scanYears(text.slice(0, 40))[0];
    if (y && y.index <= 20) out.opening = { year: y.year, source: 'body', span: first.span, raw: text.slice(y.index, y.index + y.length) };
  }
  out.year = out.title ?? (out.period ? { year: out.period.year, source: 'period', span: out.period.span } : undefined) ?? out.opening;
  yearCache.set(doc, out);
  return out;
}

export function reportYearOf(doc: ReportDocument, override?: number): YearEvidence | undefined {
  if (override !== undefined && Number.isFinite(override)) return { year: override, source: 'override' };
  return analyseYears(doc).year;
}

// ----- facts -----------------------------------------------------------------------------------------------------

export interface FactOverrides {
  reportYear?: number;
  level?: AgencyLevel;
  regime?: string;
  /** CLI/config `regulation`, same as regime. */
  regulation?: string;
  documentType?: DocumentType;
}

const TOWNSHIP_RE = /(?:乡|镇|街道)(?:人民政府|办事处)?(?:\d{4}|[一二][〇零]|政府信息|$)|街道办事处|片区管理局|片区管委会/;
const GOVERNMENT_RE = /(?:省|市|县|区|州|盟|旗)人民政府(?!办公|.{0,4}(?:局|委|厅|办))/;
/** 管委会 of a zone and other 派出机构: not a 人民政府, and their deadline is set by the province. */
const DISPATCHED_RE = /管委会|管理委员会|派出机构/;
const DEPARTMENT_RE = /局|委员会|委|厅|办公室|中心|院|署/;

export interface LevelGuess {
  level?: AgencyLevel;
  /** The words of the title or agency name the guess rests on (empty when there is no name to go by). */
  evidence: string;
}

/**
 * A guess from the title (or the agency) when no level was configured: 乡镇/街道/片区 → township, X市人民政府 →
 * government, 局/委/厅/办 → department. A 管委会 is no 人民政府 and none of the others either: no level is assumed
 * for it, so only the checks every level shares are made (and the later deadline), unless the config names one.
 */
export function guessLevelWithEvidence(doc: ReportDocument): LevelGuess {
  const t = documentTitle(doc)?.text ?? doc.meta.agency?.value ?? '';
  if (!t) return { evidence: '' };
  let m: RegExpExecArray | null;
  if ((m = TOWNSHIP_RE.exec(t))) return { level: 'township', evidence: m[0] };
  if ((m = GOVERNMENT_RE.exec(t))) return { level: 'government', evidence: m[0] };
  if ((m = DISPATCHED_RE.exec(t)) && !/局|厅/.test(t.slice(m.index + m[0].length))) return { evidence: m[0] };
  if ((m = DEPARTMENT_RE.exec(t))) return { level: 'department', evidence: m[0] };
  return { evidence: '' };
}

export function guessLevel(doc: ReportDocument): AgencyLevel | undefined {
  return guessLevelWithEvidence(doc).level;
}

export function reportFacts(doc: ReportDocument, overrides: FactOverrides = {}): SubjectFacts {
  const year = reportYearOf(doc, overrides.reportYear)?.year;
  let regime = detectRegime(year, overrides.regime ?? overrides.regulation);
  if (!regime) {
    const active = recogniseTables(doc).active;
    if (active?.version === '2021') regime = '2021';
    else if (active?.version === 'trial2019') regime = '2019';
  }
  const level = overrides.level ?? doc.level ?? guessLevel(doc);
  const documentType = overrides.documentType ?? classifyDocument(doc);
  const facts: SubjectFacts = { kind: 'report', documentType };
  if (year !== undefined) facts.reportYear = year;
  if (level) facts.level = level;
  if (regime) facts.regime = regime;
  return facts;
}

/** Regime for a rule run: CLI/config override, then the facts' year. */
export function regimeFor(doc: ReportDocument, settings: Record<string, unknown>): Regime | undefined {
  const override = (settings.regulation ?? settings.regime) as string | undefined;
  const year = reportYearOf(doc, numberSetting(settings.reportYear))?.year;
  return detectRegime(year, override) ?? (reportFacts(doc).regime as Regime | undefined);
}

export function numberSetting(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d{4}$/.test(v)) return Number(v);
  return undefined;
}

/** Level for a rule run: settings.agency.level, then the document, then the guess. */
export function levelFor(doc: ReportDocument, settings: { agency?: { level?: AgencyLevel } }): AgencyLevel | undefined {
  return settings.agency?.level ?? doc.level ?? guessLevel(doc);
}

/** Why a rule run took the level it did, in words for a message: "配置" or the title words the guess rests on. */
export function levelBasisText(doc: ReportDocument, settings: { agency?: { level?: AgencyLevel } }, en: boolean): string {
  if (settings.agency?.level || doc.level) return en ? 'as configured' : '按配置';
  const g = guessLevelWithEvidence(doc);
  if (!g.evidence) return en ? 'no agency name to go by' : '无法从名称判断';
  return en ? `from "${g.evidence}" in the title` : `依据标题中的“${g.evidence}”`;
}
