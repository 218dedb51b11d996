/** Helpers shared by the report rules: pack data access, text iteration and option schema pieces. */
import type { RuleContext } from '@gongkai/core';
import type { Heading, Paragraph, ReportDocument } from '../model/types.js';
import { sectionDefsFrom, type SectionDef } from '../analysis/sections.js';
import { classifyDocument } from '../analysis/document.js';
import { findBreakdowns, type Breakdown } from '../analysis/breakdowns.js';

export function packData(context: RuleContext): Record<string, unknown> {
  const d = context.settings.data;
  return d && typeof d === 'object' ? (d as Record<string, unknown>) : {};
}

const defsCache = new WeakMap<object, SectionDef[]>();

/** Section definitions: the pack's `data.sections` merged over the built-in aliases. */
export function sectionDefs(context: RuleContext): SectionDef[] {
  const data = packData(context);
  const key = (data.sections as object | undefined) ?? data;
  let defs = defsCache.get(key);
  if (!defs) {
    defs = sectionDefsFrom(data);
    defsCache.set(key, defs);
  }
  return defs;
}

/**
 * Section rules make no sense on a work summary; packs already keep them away from one, but a rule run by hand (or
 * through a user's config) must not flood such a document with "missing section" errors.
 */
export function requireAnnualReport(doc: ReportDocument, context: RuleContext, needsText = true): boolean {
  // A page that holds only a title has nothing to check; report/extraction-quality says so once.
  if (needsText && doc.quality.noText) {
    context.notApplicable('no report text');
    return false;
  }
  if (context.settings.documentType === 'annual-report') return true;
  if (classifyDocument(doc) !== 'annual-report') {
    context.notApplicable('not an annual report');
    return false;
  }
  return true;
}

export interface TextUnit {
  block: Paragraph | Heading;
  text: string;
  /** Index of `text` inside the block's located string (paragraph text or heading raw). */
  base: number;
}

const unitsCache = new WeakMap<ReportDocument, TextUnit[]>();

/**
 * Every piece of running text once: paragraphs, plus the body of inline headings when the builder did not also
 * emit it as the following paragraph.
 */
export function textUnits(doc: ReportDocument): TextUnit[] {
  const cached = unitsCache.get(doc);
  if (cached) return cached;
  const out: TextUnit[] = [];
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'paragraph') out.push({ block: b, text: b.text, base: 0 });
    else if (b.kind === 'heading' && b.rest) {
      const next = blocks[i + 1];
      if (next && next.kind === 'paragraph' && next.text === b.rest) continue;
      const at = b.raw.indexOf(b.rest);
      out.push({ block: b, text: b.rest, base: at < 0 ? 0 : at });
    }
  }
  unitsCache.set(doc, out);
  return out;
}

/** Sentences of a text with their start offsets; a sentence ends at 。！？ (kept) or a line break. */
export function sentences(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '。' || ch === '！' || ch === '？' || ch === '\n') {
      if (i + 1 > start) out.push({ text: text.slice(start, i + 1), start });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}

export const MMDD_SCHEMA = {
  type: 'string',
  pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  errorMessage: 'must be MM-DD',
};

export const SECTION_ID_SCHEMA = {
  type: 'string',
  pattern: '^[a-z][a-z0-9-]*$',
  errorMessage: 'must be a section id such as requests or reviews-litigation',
};

export function clip(s: string, max = 30): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export function isLocaleEn(context: RuleContext): boolean {
  return context.locale === 'en';
}

const breakdownCache = new WeakMap<TextUnit, Breakdown[]>();

/** Total-and-parts statements of a text unit; shared by sum-mismatch and percent-mismatch. */
export function breakdownsOf(unit: TextUnit): Breakdown[] {
  let b = breakdownCache.get(unit);
  if (!b) {
    b = findBreakdowns(unit.text);
    breakdownCache.set(unit, b);
  }
  return b;
}
