/**
 * What a format loader hands to the model builder. Loaders only decode and segment; the builder
 * (`buildDocument`) does numbering, the outline, dates, numbers and metadata once for every format.
 */
import type { Directive } from '@gongkai/core';
import type { LoadNote, SourceFormat } from './types.js';

export interface RawTextBlock {
  kind: 'text';
  text: string;
  /** 0-based offsets of the block in `RawDocument.source`. */
  start: number;
  end: number;
  /** Markup heading depth when the source marks it as a heading (#, <h2>, Word "Heading 2"). */
  markupLevel?: number;
  /**
   * For a block joined from several source lines (see model/reflow): where each piece of `text` starts in the
   * source, so positions inside the joined text stay exact. Absent for a verbatim slice.
   */
  pieces?: Array<{ at: number; offset: number }>;
  /** An unnumbered statutory part name cut out of collapsed text ("。概述2016年…"): read as a top-level heading. */
  runIn?: boolean;
  page?: number;
  paragraph?: number;
}

export interface RawCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  start?: number;
  end?: number;
}

export interface RawTableBlock {
  kind: 'table';
  /** Rows as written (not yet expanded for merged cells). */
  rows: RawCell[][];
  caption?: string;
  start: number;
  end: number;
  page?: number;
  paragraph?: number;
}

export type RawBlock = RawTextBlock | RawTableBlock;

export interface RawDocument {
  format: SourceFormat;
  encoding: string;
  /** Decoded text that the block offsets point into. For docx/pdf: the extracted text, a paragraph per line. */
  source: string;
  blocks: RawBlock[];
  /** Title given by markup (<title>, ArticleTitle meta, a Word "Title" paragraph), if any. */
  title?: string;
  /** Key/value metadata found by the loader (<meta name=PubDate>, 发布日期 block of an article page …). */
  meta: Record<string, string>;
  /** Source offsets of `meta` values, when the loader read them from the text (an export header). */
  metaSpans?: Record<string, { start: number; end: number }>;
  notes: LoadNote[];
  directives: Directive[];
}
