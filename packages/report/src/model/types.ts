/**
 * The one document model every report rule sees. Loaders (txt, md, html, docx, pdf) produce it; rules never look at
 * the source format. Positions are 1-based line/column into `source` (the decoded text the loader worked from), plus
 * `page` for PDF and `paragraph` for DOCX where lines mean little.
 */
import type { Directive, Subject, SubjectFacts, AgencyLevel } from '@gongkai/core';

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface Position {
  line: number;
  column: number;
  /** 0-based offset into `ReportDocument.source`. */
  offset: number;
  page?: number;
  paragraph?: number;
}

export interface Span {
  start: Position;
  end: Position;
}

/**
 * Numbering styles in the order they usually nest in Chinese official documents:
 * 第一部分 > 一、 > （一） > 1. / 1、 > （1）. Markdown/HTML/Word headings carry `markup`.
 */
export type NumberingStyle =
  | 'part' // 第一部分 / 第一章
  | 'chinese' // 一、
  | 'paren-chinese' // （一） or (一)
  | 'arabic' // 1. / 1、 / 1．
  | 'paren-arabic' // （1） or (1)
  | 'circled' // ①
  | 'none';

export interface Numbering {
  style: NumberingStyle;
  /** Ordinal value (一 → 1, （3） → 3); null when it cannot be read. */
  value: number | null;
  /** The marker exactly as written, e.g. "一、", "（一）", "1." */
  raw: string;
}

export interface Heading {
  kind: 'heading';
  /** Nesting depth in the outline, 1 = top. */
  level: number;
  numbering: Numbering | null;
  /** Markup heading depth (Markdown `#` count, `<h2>` → 2, Word "Heading 2" → 2), when the source had one. */
  markupLevel?: number;
  /** Heading text without the numbering marker and without trailing punctuation. */
  text: string;
  /** The whole source line or paragraph the heading was read from. */
  raw: string;
  /** True when the heading opens a paragraph that continues with body text ("（一）加强领导。我局……"). */
  inline: boolean;
  /** Body text that follows an inline heading within the same paragraph. */
  rest?: string;
  span: Span;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  span: Span;
  /** For a paragraph joined from hard-wrapped lines: where each piece of `text` starts in `source`. */
  pieces?: Array<{ at: number; offset: number }>;
}

export interface ApproxNumber {
  value: number;
  /** Unit as written after the number: 条, 件, 万元, %, 个 … */
  unit?: string;
  /** Approximation marker: 余/多 ("more than"), 约/近/左右 ("about"). Exact numbers have none. */
  approx?: 'over' | 'about' | 'near';
  raw: string;
  span?: Span;
}

export interface TableCell {
  text: string;
  /** The parsed number when the cell holds one (blank, 无, "-" → null). */
  value: number | null;
  rowSpan?: number;
  colSpan?: number;
  span?: Span;
}

export interface Table {
  kind: 'table';
  /** Caption or the heading/paragraph right before the table. */
  caption?: string;
  /**
   * Rows as written. Merged cells are expanded into a rectangular grid: a cell spanning several columns/rows is
   * repeated in each slot it covers (with `rowSpan`/`colSpan` on the first one), so column indexes line up.
   */
  rows: TableCell[][];
  span: Span;
  /**
   * Set when the table was clearly damaged on the way in (numbers of several columns run together in one cell,
   * rows whose labels were lost, a data cell stretched over several data columns): a short English reason. Rules
   * must not report rows or sums of a damaged table as the author's mistakes. Set by `recogniseTables`.
   */
  damaged?: string;
  /**
   * Set on a statistics table read back from flattened text (cells run together in running text, see
   * model/flattened-tables.ts). Its figures and labels point into the source, but its grid is the national format's,
   * not the author's: rules may check its figures, not its shape. Such a table is in `tables` only, not in `blocks`,
   * where its text stays the paragraphs it was read from.
   */
  reconstructed?: true;
}

export type Block = Heading | Paragraph | Table;

export interface Section {
  heading: Heading;
  /** Blocks directly under this heading, before its first sub-section. Inline-heading rest text is a paragraph. */
  blocks: Block[];
  children: Section[];
  span: Span;
}

export interface DateValue {
  year: number;
  month?: number;
  day?: number;
}

export interface DateMention {
  value: DateValue;
  /** YYYY-MM-DD when the date is complete. */
  iso?: string;
  raw: string;
  span: Span;
}

export type MetaSource = 'metadata' | 'page-meta' | 'title' | 'text' | 'cli' | 'config' | 'file';

export interface Sourced<T> {
  value: T;
  source: MetaSource;
  span?: Span;
}

export interface DocumentMeta {
  title?: Sourced<string>;
  agency?: Sourced<string>;
  /** Publication date YYYY-MM-DD. */
  publishedAt?: Sourced<string>;
  /** The date under the closing signature, YYYY-MM-DD. */
  signedAt?: Sourced<string>;
  /** The organ named in the closing signature. */
  signedBy?: Sourced<string>;
  /** The year the report covers, as claimed by the title. */
  reportYear?: Sourced<number>;
  /** 统计期限, when stated. */
  period?: Sourced<{ start: string; end: string }>;
  indexNo?: Sourced<string>;
  docNo?: Sourced<string>;
  /** Every key/value read from a page metadata block (发布机构, 发布日期, 索引号 …) or <meta> tags. */
  raw: Record<string, string>;
}

export interface LoadNote {
  code: 'format-mismatch' | 'encoding' | 'pdf-tables' | 'truncated' | 'other';
  message: { zh: string; en: string };
}

/**
 * What extraction did to the document, as far as the model can tell. Rules read it to avoid turning damage into
 * errors; `report/extraction-quality` reports it once.
 */
export interface DocumentQuality {
  /** The text arrived collapsed (a page on one line): headings were cut out of running text. */
  collapsed: boolean;
  /** Next to no body text: the page holds only a title (the report was an attachment) or a stub. */
  noText?: boolean;
  /** How many places show table cells run together ("总计8000008"): tables were flattened into text. */
  flattenedTables?: number;
  /** Page footers/numbers left in the text ("— 1 —"). */
  pageFooters?: number;
  /** Paragraphs broken in mid-sentence (hard line breaks of a PDF extraction). */
  hardBreaks?: number;
  /** The text stops inside a statistics annex before its closing rows. */
  truncated?: boolean;
}

export interface ReportDocument extends Subject {
  kind: 'report';
  /** Path of the file (the result key). */
  target: string;
  format: SourceFormat;
  /** Encoding the bytes were decoded with: utf-8, utf-8-bom, gb18030 … (binary formats: "binary"). */
  encoding: string;
  /** The decoded text that positions point into. For docx/pdf: the extracted text, one paragraph per line. */
  source: string;
  /** Offsets of line starts in `source`, for offset → line/column. */
  lineStarts: number[];
  meta: DocumentMeta;
  /** Every block in reading order. */
  blocks: Block[];
  /** Blocks before the first heading (title, preamble). */
  preamble: Block[];
  /** The outline tree. */
  sections: Section[];
  /** Flat list of headings in order (same objects as in `blocks`). */
  headings: Heading[];
  tables: Table[];
  dates: DateMention[];
  notes: LoadNote[];
  directives: Directive[];
  quality: DocumentQuality;
  /** Level from config/CLI, when given. */
  level?: AgencyLevel;
  facts(): SubjectFacts;
}
