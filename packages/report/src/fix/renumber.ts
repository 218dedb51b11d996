/**
 * Text edits that renumber a run of sibling headings 1, 2, 3 … (for --fix). Only formats whose `source` is the
 * file itself (txt, md) can be edited in place; for the others the edits would point into extracted text.
 */
import type { TextEdit } from '@gongkai/core';
import type { Heading, ReportDocument } from '../model/types.js';
import { renumberMarker } from './numerals.js';

export function canEditSource(doc: ReportDocument): boolean {
  return doc.format === 'txt' || doc.format === 'md';
}

/** Where the heading's numbering marker sits in `doc.source`, or undefined when it cannot be located exactly. */
export function markerRange(doc: ReportDocument, h: Heading): [number, number] | undefined {
  if (!h.numbering) return undefined;
  const start = h.span.start.offset;
  const end = h.span.end?.offset ?? start + h.raw.length;
  const slice = doc.source.slice(start, Math.max(end, start + h.raw.length));
  const at = slice.indexOf(h.numbering.raw);
  if (at < 0) return undefined;
  return [start + at, start + at + h.numbering.raw.length];
}

/** Edits renumbering `headings` (same style, in order) to start..start+n-1. Empty when nothing changes. */
export function renumberEdits(doc: ReportDocument, headings: Heading[], start = 1): TextEdit[] | undefined {
  if (!canEditSource(doc)) return undefined;
  const edits: TextEdit[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const n = h.numbering;
    if (!n) return undefined;
    const want = start + i;
    if (n.value === want) continue;
    const range = markerRange(doc, h);
    if (!range) return undefined;
    const text = renumberMarker(n.raw, n.style, want);
    if (text === n.raw) return undefined;
    edits.push({ range, text });
  }
  return edits;
}
