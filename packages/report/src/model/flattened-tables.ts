/**
 * Statistics tables read back from text that lost its grid. Crawler text collapses whitespace, so tables 3 and 4 of
 * the national format arrive as running text with the cells of each row run together:
 * "…（一）予以公开1000001（二）部分公开（区分处理的，…）0000000（三）不予公开1.属于国家秘密0000000…".
 * The row labels are fixed by the format, so the rows can be found by walking those labels in order; what cannot be
 * known is where one cell ends and the next begins. A row is read only when that is certain — the spaces give exactly
 * as many cells as the table has columns, or there are exactly as many digits as columns, so every cell is one
 * digit. One uncertain or missing row and the table is not built at all: a guessed figure would turn into a false
 * arithmetic error, while an unbuilt table only leaves the flattened-text warnings as they were.
 *
 * The tables built here are `reconstructed`: their labels and figures point into the source text, but their grid is
 * the format's, not the author's, so a rule must not report the grid's shape (missing rows, blank cells) from them.
 */
import type { Table, TableCell } from './types.js';
import { spanOf } from './positions.js';
import { normalizeWidth } from '../text/normalize.js';
import {
  classifyTable,
  expectedRequestRows,
  requestRowWording,
  REQUEST_COLUMN_LABELS,
  REQUEST_COLUMNS,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
} from '../analysis/tables.js';

/** A piece of the scanned text: [start, end) offsets into the source. */
interface Piece {
  text: string;
  start: number;
  end: number;
}

/**
 * The cells of one row's figures, or undefined when they cannot be split without guessing. Written numbers never
 * start with 0, so a space-separated token like "01" means the spaces are not the cell borders.
 */
export function splitFigures(run: string, base: number, columns: number): Piece[] | undefined {
  const piece = (m: RegExpMatchArray): Piece => ({ text: m[0], start: base + m.index!, end: base + m.index! + m[0].length });
  const tokens = [...run.matchAll(/[0-9]+/g)];
  if (tokens.length === columns && tokens.every((t) => t[0] === '0' || t[0][0] !== '0')) return tokens.map(piece);
  const digits = [...run.matchAll(/[0-9]/g)];
  if (digits.length === columns) return digits.map(piece);
  return undefined;
}

/** A row label of the format to look for, in table order. */
interface RowSpec {
  key: string;
  wording: RegExp;
  /** The sub-item number printed before the label ("2.其他法律…"): it ends up glued to the previous row's figures. */
  item?: number;
  /** Rows that carry figures; group labels ("（三）不予公开") and "三、本年度办理结果" carry none. */
  figures: boolean;
}

/** The table-3 rows of one format version, group labels included, from the vocabulary of analysis/tables.ts. */
function requestSpecs(version: '2019' | '2021'): RowSpec[] {
  const specs: RowSpec[] = [];
  for (const key of expectedRequestRows(version)) {
    const [group, n] = key.split('.');
    if (key === 'public') specs.push({ key: 'resultsHeader', wording: requestRowWording('resultsHeader')!, figures: false });
    if (n === '1') specs.push({ key: group!, wording: requestRowWording(group!)!, figures: false });
    specs.push({ key, wording: requestRowWording(key)!, figures: true, ...(n ? { item: Number(n) } : {}) });
  }
  return specs;
}

/** Longest label text before a row's wording ("（二）", "1.申请人无正当理由") and after it (the rest of the label). */
const MAX_HEAD = 16;
const MAX_TAIL = 40;

/** A row found in the text: its label and, for figure rows, the figures that follow it. */
interface FoundRow {
  key: string;
  label: Piece;
  figures?: Piece[];
}

/**
 * The text between the wording of one row and the wording of the next: the rest of this row's label, its figures,
 * then the head of the next label. Undefined when that is not what it holds (digits in two places, a label that
 * runs on too long, figures where a group label stands, no figures where a row needs them).
 */
function readGap(text: string, from: number, to: number, spec: RowSpec, next: RowSpec | undefined, columns: number) {
  let cut = to;
  if (next?.item !== undefined) {
    // The next label's own number ("2." or "（2）") is not a figure of this row.
    const m = new RegExp(`(?:${next.item}\\s*[.．、]|[（(]\\s*${next.item}\\s*[)）])[^0-9]*$`).exec(text.slice(from, to));
    if (m) cut = from + m.index;
  }
  const m = /^([^0-9]*?)([0-9\s]*)([^0-9]*)$/.exec(text.slice(from, cut));
  if (!m) return undefined;
  const [, tail, run, head] = m as unknown as [string, string, string, string];
  if (tail.trim().length > MAX_TAIL || head.trim().length + (to - cut) > MAX_HEAD) return undefined;
  const runStart = from + tail.length;
  const nextHead = runStart + run.length;
  if (!spec.figures) return run.trim() ? undefined : { labelEnd: from + tail.trimEnd().length, nextHead };
  const figures = splitFigures(run, runStart, columns);
  return figures ? { labelEnd: from + tail.trimEnd().length, figures, nextHead } : undefined;
}

/** Skips whitespace forwards from `i`. */
function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** The rows of `specs` read in order from the wording of the first one at `at`; undefined unless all are read. */
function walkRows(text: string, at: number, labelStart: number, specs: RowSpec[], columns: number): FoundRow[] | undefined {
  const hits: Array<{ start: number; end: number }> = [];
  let pos = at;
  for (const spec of specs) {
    const re = new RegExp(spec.wording.source, 'g');
    re.lastIndex = pos;
    const m = re.exec(text);
    // The first row's wording is where the walk starts; every later one must follow closely (checked in readGap).
    if (!m || (hits.length === 0 && m.index !== at)) return undefined;
    hits.push({ start: m.index, end: m.index + m[0].length });
    pos = m.index + m[0].length;
  }
  const rows: FoundRow[] = [];
  let start = labelStart;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const next = specs[i + 1];
    // The last row's figures end where the digits and spaces do.
    const to = next ? hits[i + 1]!.start : lastRowEnd(text, hits[i]!.end);
    const gap = readGap(text, hits[i]!.end, to, spec, next, columns);
    if (!gap) return undefined;
    const label = { text: text.slice(start, gap.labelEnd), start, end: gap.labelEnd };
    if (spec.figures) rows.push({ key: spec.key, label, figures: gap.figures! });
    else rows.push({ key: spec.key, label });
    start = skipSpace(text, gap.nextHead);
  }
  return rows;
}

/** Where the closing row's figures end: after the label's own text, the first run of digits and spaces. */
function lastRowEnd(text: string, from: number): number {
  const m = /^[^0-9]{0,40}?[0-9][0-9\s]*/.exec(text.slice(from, from + 200));
  return m ? from + m[0].trimEnd().length : from;
}

interface Builder {
  lineStarts: readonly number[];
}

function cell(b: Builder, p: Piece | undefined, text = p?.text ?? ''): TableCell {
  const c: TableCell = { text, value: /^[0-9]+$/.test(text) ? Number(text) : null };
  if (p) c.span = spanOf(b.lineStarts, p.start, p.end);
  return c;
}

/** Where each of `labels` first occurs in text[from, to), spaces ignored; undefined for labels not written whole. */
function findLabels(text: string, from: number, to: number, labels: string[]): Array<Piece | undefined> {
  let pos = from;
  return labels.map((l) => {
    const i = text.indexOf(l, pos);
    if (i < 0 || i + l.length > to) return undefined;
    pos = i + l.length;
    return { text: l, start: i, end: i + l.length };
  });
}

/** Table 3's column header: the seven applicant columns must all be named just before the first row. */
const REQUEST_HEADER_WINDOW = 200;

function requestsHeader(text: string, labelStart: number): Array<Piece | undefined> | undefined {
  const from = Math.max(0, labelStart - REQUEST_HEADER_WINDOW);
  const head = text.slice(from, labelStart).replace(/\s/g, '');
  const labels = REQUEST_COLUMNS.map((c) => REQUEST_COLUMN_LABELS[c]!);
  if (!head.includes('申请人情况') || !labels.every((l) => head.includes(l))) return undefined;
  // The header is printed over merged cells (总计 before 商业企业), so its order says nothing; the format fixes it.
  const start = text.lastIndexOf('申请人情况', labelStart);
  return labels.map((l) => findLabels(text, start, labelStart, [l])[0]);
}

/** Table 3 as a grid readRequests reads like any other: group label, item label, then the seven columns. */
function requestsTable(b: Builder, header: Array<Piece | undefined>, rows: FoundRow[]): Table {
  const grid: TableCell[][] = [[cell(b, undefined, '申请人情况'), cell(b, undefined, ''), ...header.map((p, i) => cell(b, p, REQUEST_COLUMN_LABELS[REQUEST_COLUMNS[i]!]))]];
  let group: FoundRow | undefined;
  for (const r of rows) {
    if (!r.figures) {
      if (r.key !== 'resultsHeader') group = r;
      continue;
    }
    const inGroup = group && r.key.startsWith(`${group.key}.`);
    const stub = inGroup ? [cell(b, group!.label), cell(b, r.label)] : [cell(b, r.label), cell(b, undefined)];
    grid.push([...stub, ...r.figures.map((f) => cell(b, f))]);
  }
  const first = rows[0]!.label;
  const last = rows[rows.length - 1]!.figures!.at(-1)!;
  return { kind: 'table', caption: '收到和处理政府信息公开申请情况', rows: grid, span: spanOf(b.lineStarts, first.start, last.end), reconstructed: true };
}

/** Table 3 from the first place where every row of one format version can be read. */
function readRequests(b: Builder, text: string): Table | undefined {
  const first = requestRowWording('new')!;
  for (const m of text.matchAll(new RegExp(first.source, 'g'))) {
    const marker = /[一1]\s*[、.．]\s*$/.exec(text.slice(Math.max(0, m.index - 4), m.index));
    const labelStart = marker ? m.index - (marker[0].length) : m.index;
    const header = requestsHeader(text, labelStart);
    if (!header) continue;
    for (const version of ['2021', '2019'] as const) {
      const rows = walkRows(text, m.index, labelStart, requestSpecs(version), REQUEST_COLUMNS.length);
      if (rows) return requestsTable(b, header, rows);
    }
  }
  return undefined;
}

/** The field labels of one group of table 4, in the format's order. */
const REVIEW_FIELD_RUN = REVIEW_FIELDS.map((f) => REVIEW_FIELD_LABELS[f]!).join('');
const REVIEW_CELLS = REVIEW_GROUPS.length * REVIEW_FIELDS.length;
const MAX_REVIEW_HEADER = 160;

/**
 * Table 4 in its usual layout: the header "行政复议 行政诉讼 结果维持…总计 未经复议直接起诉 复议后起诉 结果维持…总计
 * 结果维持…总计" with the 15 figures after it, in the order 行政复议, 未经复议直接起诉, 复议后起诉.
 */
function readReviews(b: Builder, text: string): Table | undefined {
  for (const m of text.matchAll(/行政复议/g)) {
    const figuresAt = text.slice(m.index).search(/[0-9]/);
    if (figuresAt < 0 || figuresAt > MAX_REVIEW_HEADER) continue;
    const header = text.slice(m.index, m.index + figuresAt);
    const flat = header.replace(/\s/g, '');
    const direct = flat.indexOf('直接起诉');
    if (!flat.endsWith(REVIEW_FIELD_LABELS.total!) || flat.split(REVIEW_FIELD_RUN).length !== REVIEW_GROUPS.length + 1) continue;
    if (!flat.includes('行政诉讼') || direct < 0 || flat.indexOf('复议后起诉') < direct) continue;
    const runStart = m.index + figuresAt;
    const run = /^[0-9\s]*/.exec(text.slice(runStart))![0].trimEnd();
    const figures = splitFigures(run, runStart, REVIEW_CELLS);
    if (!figures) return undefined;
    // The header proper starts at the 行政复议 right before the field labels, not at one in the part title before it.
    const upheld = text.indexOf(REVIEW_FIELD_LABELS.upheld!, m.index);
    const start = upheld < 0 ? m.index : Math.max(m.index, text.lastIndexOf('行政复议', upheld));
    return reviewsTable(b, text, start, runStart, figures);
  }
  return undefined;
}

function reviewsTable(b: Builder, text: string, start: number, runStart: number, figures: Piece[]): Table {
  const groups = REVIEW_GROUPS.map((g) => (g === 'review' ? '行政复议' : g === 'direct' ? '未经复议直接起诉' : '复议后起诉'));
  const groupAt = findLabels(text, start, runStart, ['行政复议']).concat(findLabels(text, start, runStart, groups.slice(1)));
  const fields = REVIEW_GROUPS.flatMap(() => REVIEW_FIELDS.map((f) => REVIEW_FIELD_LABELS[f]!));
  const fieldAt = findLabels(text, start, runStart, fields);
  const lawsuit = findLabels(text, start, runStart, ['行政诉讼'])[0];
  const per = REVIEW_FIELDS.length;
  const top = figures.map((_, i) => (i < per ? cell(b, groupAt[0], '行政复议') : cell(b, lawsuit, '行政诉讼')));
  const mid = figures.map((_, i) => cell(b, groupAt[Math.floor(i / per)], groups[Math.floor(i / per)]));
  const grid = [top, mid, figures.map((_, i) => cell(b, fieldAt[i], fields[i])), figures.map((f) => cell(b, f))];
  const span = spanOf(b.lineStarts, start, figures.at(-1)!.end);
  return { kind: 'table', caption: '政府信息公开行政复议、行政诉讼情况', rows: grid, span, reconstructed: true };
}

/**
 * Tables 3 and 4 read from the document's text, for each kind the document has no real table of. Real tables' text
 * is masked first, so a reading can never run through one.
 */
export function readFlattenedTables(source: string, lineStarts: readonly number[], tables: readonly Table[]): Table[] {
  const kinds = new Set(tables.map(classifyTable));
  // Most documents have their tables, or no flattened table text at all: look before doing any work.
  const wantRequests = !kinds.has('requests') && source.includes('本年新收');
  const wantReviews = !kinds.has('reviews-litigation') && source.includes('结果维持');
  if (!wantRequests && !wantReviews) return [];
  const text = maskTables(normalizeWidth(source), tables);
  const b: Builder = { lineStarts };
  const out: Table[] = [];
  const requests = wantRequests ? readRequests(b, text) : undefined;
  if (requests) out.push(requests);
  const reviews = wantReviews ? readReviews(b, text) : undefined;
  if (reviews) out.push(reviews);
  return out;
}

/** The text with every real table's span blanked out (same length, so offsets still point into the source). */
function maskTables(text: string, tables: readonly Table[]): string {
  if (tables.length === 0) return text;
  const spans = tables.map((t) => [t.span.start.offset, t.span.end.offset] as const).sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    out += text.slice(at, start) + '\u25a1'.repeat(to - start);
    at = to;
  }
  return out + text.slice(at);
}
