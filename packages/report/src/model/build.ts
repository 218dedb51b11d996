/**
 * RawDocument → ReportDocument. Loaders only decode and segment; everything that should behave the same for every
 * format lives here: numbering and heading detection, the outline, tables, dates and metadata. One pass over the
 * blocks, regexes compiled once, no per-block work that grows with the document.
 */
import type { AgencyLevel, SubjectFacts } from '@gongkai/core';
import type {
  Block,
  DateMention,
  DocumentMeta,
  Heading,
  MetaSource,
  Paragraph,
  ReportDocument,
  Section,
  Sourced,
  Span,
  Table,
  TableCell,
} from './types.js';
import type { RawBlock, RawDocument, RawTableBlock, RawTextBlock } from './raw.js';
import { matchNumbering, type NumberingMatch } from './numbering.js';
import { computeLineStarts, pieceOffset, spanOf } from './positions.js';
import { findPeriod, looksLikeTitle, openingYear, parseMetaLine, readTitle } from './metadata.js';
import { normalizeWidth } from '../text/normalize.js';
import { findDates, firstIsoDate, type FoundDate } from '../text/dates.js';
import { parseCellNumber } from '../text/numbers.js';
import { expandCollapsed } from './collapsed.js';
import { assessQuality } from './quality.js';
import { reflowHardBreaks } from './reflow.js';
import { readFlattenedTables } from './flattened-tables.js';
import { DEFAULT_SECTION_DEFS } from '../analysis/sections.js';

export interface BuildOptions {
  target: string;
  level?: AgencyLevel;
  /** Longest heading text (after the marker) still read as a heading; default 40. */
  maxHeadingLength?: number;
  /** Statutory part names (section titles and aliases) used to find headings in collapsed text. */
  partNames?: readonly string[];
}

let defaultPartNames: string[] | undefined;
function partNamesDefault(): string[] {
  defaultPartNames ??= DEFAULT_SECTION_DEFS.flatMap((d) => [d.title?.zh ?? '', ...d.aliases]).filter((n) => n.length >= 2);
  return defaultPartNames;
}

/** Where a sentence ends inside a block: the end of an inline heading. */
const INLINE_END = /[。;:!?]/;
const TRAILING_PUNCT = /[\s。；：，、．！？;:,.!?]+$/; // applied to the original text, so both widths

interface Ctx {
  source: string;
  lineStarts: number[];
}

function span(ctx: Ctx, start: number, end: number, b: RawBlock): Span {
  return spanOf(ctx.lineStarts, start, end, b.page, b.paragraph);
}

/** Maps an index in block.text to a source offset; exact when the text is a verbatim slice of the source. */
function offsetMapper(ctx: Ctx, b: RawBlock & { text: string }): (i: number) => number {
  const pieces = (b as RawTextBlock).pieces;
  if (pieces) return (i) => pieceOffset(pieces, i);
  const len = b.end - b.start;
  if (b.text.length === len && ctx.source.startsWith(b.text, b.start)) return (i) => b.start + i;
  return (i) => Math.min(b.start + i, b.end);
}

interface Classified {
  heading: Heading;
  restParagraph?: Paragraph;
}

function classify(ctx: Ctx, b: RawTextBlock, norm: string, maxLen: number): Classified | null {
  const num: NumberingMatch | null = matchNumbering(norm, b.text);
  if (!num && b.markupLevel === undefined && !b.runIn) return null;
  const at = offsetMapper(ctx, b);
  const bodyStart = num ? num.end : 0;
  const body = norm.slice(bodyStart);
  let inline = false;
  let textEnd = norm.length;
  let restStart = -1;
  if (b.markupLevel !== undefined && !num && body.length > 1.5 * maxLen && /[。!?]/.test(body)) {
    return null; // a whole paragraph inside <h3>/## (CMS misuse), not a heading
  }
  if (b.markupLevel === undefined && !b.runIn) {
    const k = body.search(INLINE_END);
    if (k < 0) {
      if (body.trim().length > maxLen) return null;
    } else {
      if (k > maxLen) return null;
      const after = body.slice(k + 1);
      if (after.trim().length > 0) {
        inline = true;
        textEnd = bodyStart + k;
        restStart = bodyStart + k + 1;
        while (restStart < norm.length && /\s/.test(norm[restStart]!)) restStart++;
      }
    }
  }
  const headText = b.text.slice(bodyStart, textEnd).replace(TRAILING_PUNCT, '').trim();
  const h: Heading = {
    kind: 'heading',
    level: 0,
    numbering: num ? { style: num.style, value: num.value, raw: num.raw } : null,
    text: headText,
    raw: b.text,
    inline,
    span: span(ctx, at(num ? num.start : 0), inline ? at(textEnd + 1) : b.end, b),
  };
  if (b.markupLevel !== undefined) h.markupLevel = b.markupLevel;
  const out: Classified = { heading: h };
  if (inline) {
    const rest = b.text.slice(restStart).trim();
    h.rest = rest;
    out.restParagraph = { kind: 'paragraph', text: rest, span: span(ctx, at(restStart), b.end, b) };
  }
  return out;
}

interface LevelEntry {
  key: string;
  markup?: number;
}

/**
 * Outline depth by order of appearance: the first numbering style seen is level 1, a new style nests under the
 * current one, and a style seen before closes everything opened after it. That follows the documents' own habits
 * (1、 directly under 一、 in one report, （一） under 一、 in another) instead of a fixed table. Markup depth
 * (##, <h3>) decides only among headings that carry no numbering, or when a markup heading of the same or a higher
 * rank closes deeper ones.
 */
class LevelAssigner {
  private stack: LevelEntry[] = [];

  assign(h: Heading, runIn = false): number {
    // A run-in part name stands where a 一、 heading stood before the text was collapsed.
    const key = h.numbering ? h.numbering.style : runIn ? 'chinese' : `markup:${h.markupLevel ?? 0}`;
    const idx = this.stack.findIndex((e) => e.key === key);
    if (idx >= 0) {
      this.stack.length = idx + 1;
      if (h.markupLevel !== undefined) this.stack[idx]!.markup = h.markupLevel;
      return idx + 1;
    }
    if (h.markupLevel !== undefined) {
      while (this.stack.length > 0) {
        const top = this.stack[this.stack.length - 1]!;
        if (top.markup !== undefined && top.markup >= h.markupLevel) this.stack.pop();
        else break;
      }
    }
    const e: LevelEntry = { key };
    if (h.markupLevel !== undefined) e.markup = h.markupLevel;
    this.stack.push(e);
    return this.stack.length;
  }
}

function expandTable(ctx: Ctx, t: RawTableBlock, caption: string | undefined): Table {
  const grid: TableCell[][] = t.rows.map(() => []);
  let width = 0;
  for (let r = 0; r < t.rows.length; r++) {
    let c = 0;
    for (const raw of t.rows[r]!) {
      while (grid[r]![c] !== undefined) c++;
      const rowSpan = Math.max(1, Math.min(raw.rowSpan ?? 1, t.rows.length - r));
      const colSpan = Math.max(1, Math.min(raw.colSpan ?? 1, 1000));
      const cell: TableCell = { text: raw.text, value: parseCellNumber(raw.text) };
      if (rowSpan > 1) cell.rowSpan = rowSpan;
      if (colSpan > 1) cell.colSpan = colSpan;
      if (raw.start !== undefined && raw.end !== undefined) cell.span = span(ctx, raw.start, raw.end, t);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const row = grid[r + dr]!;
          if (row[c + dc] !== undefined) continue; // overlapping spans in broken markup: first writer wins
          if (dr === 0 && dc === 0) row[c] = cell;
          else {
            const copy: TableCell = { text: cell.text, value: cell.value };
            if (cell.span) copy.span = cell.span;
            row[c + dc] = copy;
          }
        }
      }
      c += colSpan;
      if (c > width) width = c;
    }
  }
  for (const row of grid) {
    if (row.length > width) width = row.length;
  }
  for (const row of grid) {
    for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = { text: '', value: null };
  }
  const table: Table = { kind: 'table', rows: grid, span: span(ctx, t.start, t.end, t) };
  const cap = t.caption ?? caption;
  if (cap) table.caption = cap;
  return table;
}

function metaSourceOfKey(key: string): MetaSource {
  // <meta name="PubDate"> and friends have ASCII names; Chinese labels come from the page's metadata block.
  return /^[\x00-\x7f]+$/.test(key) ? 'metadata' : 'page-meta';
}

function pick(raw: Record<string, string>, keys: readonly string[]): [string, string] | undefined {
  for (const k of keys) {
    const v = raw[k];
    if (v !== undefined && v.trim() !== '') return [k, v.trim()];
  }
  return undefined;
}

// 公开日期/上网日期 name the publication date on some CMSs; 成文日期 (the date the text was signed) never does.
const PUBLISHED_KEYS = ['发布日期', '发布时间', '公开日期', '公开时间', '上网日期', 'PubDate', 'pubdate', 'PublishDate', 'publishdate', 'pubDate', '日期', '时间'];
const AGENCY_KEYS = ['发布机构', '发布单位', '发文机关', '所属机构'];
const INDEX_KEYS = ['索引号', '信息索引号'];
const DOCNO_KEYS = ['文号', '发文字号'];
const TITLE_KEYS = ['ArticleTitle', 'articletitle', '名称', '标题'];

export function buildDocument(raw: RawDocument, opts: BuildOptions): ReportDocument {
  const maxLen = opts.maxHeadingLength ?? 40;
  const source = raw.source;
  const lineStarts = computeLineStarts(source);
  const ctx: Ctx = { source, lineStarts };

  const blocks: Block[] = [];
  const preamble: Block[] = [];
  const headings: Heading[] = [];
  const tables: Table[] = [];
  const dates: DateMention[] = [];
  const sections: Section[] = [];
  const open: Section[] = [];
  const levels = new LevelAssigner();

  const metaRaw: Record<string, string> = { ...raw.meta };
  const metaSpans: Record<string, Span> = {};
  const pageMetaKeys = new Set<string>();
  for (const [k, sp] of Object.entries(raw.metaSpans ?? {})) {
    metaSpans[k] = spanOf(lineStarts, sp.start, sp.end);
    pageMetaKeys.add(k);
  }
  const partNames = opts.partNames ?? partNamesDefault();
  const reflowed = reflowHardBreaks(raw.blocks, source);
  const expanded = expandCollapsed({ ...raw, blocks: reflowed.blocks }, { partNames });
  let prevWasMeta = false;
  let titleBlock: { text: string; span: Span; norm: string } | undefined;
  let titleParagraph: Paragraph | undefined;
  let firstBodyNorm: { norm: string; span: Span } | undefined;
  let period: { value: { start: string; end: string }; span: Span } | undefined;
  let seenHeading = false;
  let prevText: string | undefined;

  const addDates = (found: FoundDate[], b: RawBlock & { text: string }) => {
    if (found.length === 0) return;
    const at = offsetMapper(ctx, b);
    for (const d of found) {
      const dm: DateMention = { value: d.value, raw: d.raw, span: span(ctx, at(d.start), at(d.end), b) };
      if (d.iso) dm.iso = d.iso;
      dates.push(dm);
    }
  };

  const place = (blk: Block) => {
    blocks.push(blk);
    const cur = open[open.length - 1];
    if (cur) {
      cur.blocks.push(blk);
      for (const s of open) s.span = { start: s.span.start, end: blk.span.end };
    } else preamble.push(blk);
  };

  const openSection = (h: Heading) => {
    while (open.length > 0 && open[open.length - 1]!.heading.level >= h.level) open.pop();
    const sec: Section = { heading: h, blocks: [], children: [], span: h.span };
    const parent = open[open.length - 1];
    if (parent) parent.children.push(sec);
    else sections.push(sec);
    for (const s of open) s.span = { start: s.span.start, end: h.span.end };
    open.push(sec);
    headings.push(h);
    blocks.push(h);
  };

  const all = expanded.blocks;
  for (let bi = 0; bi < all.length; bi++) {
    const b = all[bi]!;
    if (b.kind === 'table') {
      const t = expandTable(ctx, b, prevText !== undefined && prevText.length <= 80 ? prevText : undefined);
      tables.push(t);
      place(t);
      for (let r = 0; r < b.rows.length; r++) {
        for (const cell of b.rows[r]!) {
          if (cell.start === undefined || cell.end === undefined || !/\d|年/.test(cell.text)) continue;
          addDates(findDates(cell.text), { kind: 'text', text: cell.text, start: cell.start, end: cell.end, page: b.page, paragraph: b.paragraph } as RawTextBlock);
        }
      }
      prevText = undefined;
      continue;
    }
    if (b.text.trim() === '') continue;
    const norm = normalizeWidth(b.text);
    const found = findDates(b.text);
    addDates(found, b);

    // Page metadata block: only in the preamble, before any heading.
    if (!seenHeading) {
      const pairs = parseMetaLine(norm, prevWasMeta);
      if (pairs) {
        prevWasMeta = true;
        const at = offsetMapper(ctx, b);
        for (const p of pairs) {
          if (metaRaw[p.key] === undefined || (metaRaw[p.key] === '' && p.value !== '')) {
            metaRaw[p.key] = p.value;
            pageMetaKeys.add(p.key);
            metaSpans[p.key] = span(ctx, at(p.start), at(p.end), b);
          }
        }
        place({ kind: 'paragraph', text: b.text, span: span(ctx, b.start, b.end, b) });
        prevText = b.text;
        continue;
      }
      prevWasMeta = false;
    }

    if (!period) {
      const p = findPeriod(norm, found);
      if (p) {
        const at = offsetMapper(ctx, b);
        period = { value: { start: p.start, end: p.end }, span: span(ctx, at(p.from), at(p.to), b) };
      }
    }

    // The title: a short line before the first heading that names the document; a markup heading qualifies too.
    if (!seenHeading && !titleBlock && looksLikeTitle(norm) && !matchNumbering(norm)) {
      titleBlock = { text: b.text.trim(), span: span(ctx, b.start, b.end, b), norm: norm.trim() };
      titleParagraph = { kind: 'paragraph', text: b.text, span: titleBlock.span };
      place(titleParagraph);
      prevText = b.text;
      continue;
    }

    // A table row that lost its grid is never a heading; extraction tools also mark such rows as headings
    // (## （二）部分公开), so markup does not save them. Checked only for what would otherwise be a heading.
    const candidate = classify(ctx, b, norm, maxLen);
    const cls = candidate && isTableRowLabel(all, bi, norm, partNames) ? null : candidate;
    if (cls) {
      seenHeading = true;
      cls.heading.level = levels.assign(cls.heading, b.runIn === true);
      openSection(cls.heading);
      if (cls.restParagraph) place(cls.restParagraph);
      prevText = cls.heading.text;
      continue;
    }
    const para: Paragraph = { kind: 'paragraph', text: b.text, span: span(ctx, b.start, b.end, b) };
    if (b.pieces) para.pieces = b.pieces;
    if (!firstBodyNorm) firstBodyNorm = { norm, span: para.span };
    place(para);
    prevText = b.text;
  }

  tables.push(...readFlattenedTables(source, lineStarts, tables));
  const meta = buildMeta(raw, metaRaw, pageMetaKeys, metaSpans, titleBlock, firstBodyNorm, period, signOffOf(ctx, expanded.blocks));
  const level = opts.level;
  const doc: ReportDocument = {
    kind: 'report',
    target: opts.target,
    format: raw.format,
    encoding: raw.encoding,
    source,
    lineStarts,
    meta,
    blocks,
    preamble,
    sections,
    headings,
    tables,
    dates,
    notes: raw.notes,
    directives: raw.directives,
    quality: assessQuality(blocks, titleParagraph, expanded.collapsed, reflowed),
    facts(): SubjectFacts {
      const f: SubjectFacts = { kind: 'report' };
      if (meta.reportYear) f.reportYear = meta.reportYear.value;
      if (level) f.level = level;
      return f;
    },
  };
  if (level) doc.level = level;
  return doc;
}

const BARE_FIGURES = /^[\s]*[0-9]+(?:[\s]+[0-9]+)*[\s]*$/;
const TRAILING_FIGURES = /[\u4e00-\u9fff)）][\s]*[0-9]+(?:[\s]+[0-9]+)+[\s]*$|[\u4e00-\u9fff][0-9]{3,}$/;

/**
 * A numbered line that is a row of a statistics table which lost its grid (PDF→text, pasted tables): "（二）部分公开"
 * followed by a line of bare figures, or "（二）部分公开 1 0 0 0 0 0 1" with the figures on the line. Such lines
 * are rows, never document headings; a real heading is not followed by a line of bare numbers.
 */
function isTableRowLabel(all: readonly RawBlock[], i: number, norm: string, partNames: readonly string[]): boolean {
  if (TRAILING_FIGURES.test(norm)) return true;
  if (norm.trim().length > 40) return false;
  const figures = (b: RawBlock | undefined) => b !== undefined && b.kind === 'text' && BARE_FIGURES.test(b.text);
  if (figures(all[i + 1])) return true;
  // Inside a table that lost its grid (lines of bare figures all around): a row or group label such as
  // "三、本年度办理结果" or "（三）不予公开", unless it names a part of the report ("四、…行政复议…情况").
  let near = 0;
  for (let k = Math.max(0, i - 4); k <= i + 6 && k < all.length; k++) if (figures(all[k])) near++;
  return near >= 3 && !partNames.some((n) => norm.includes(n));
}

interface SignOff {
  iso: string;
  span: Span;
  /** The signing organ on the line before the date, or before the date on the same line. */
  agency?: { name: string; span: Span };
}

const ORG_END = /(?:局|委|委员会|办|办公室|厅|政府|中心|院|会|处|所|署|站|队|管理区)$/;
const ANNEX_START = /^(?:附表|附件)/;

function orgName(text: string): boolean {
  return text.length >= 4 && text.length <= 30 && !/[。；，,;：:]/.test(text) && ORG_END.test(text);
}

/**
 * The sign-off: one of the last three text blocks (an annex after it does not count) that is a complete date and
 * nothing else ("2025年1月20日", "二〇二五年一月二十日"), or an organ name followed by the date, as official documents
 * end with the agency name and the date.
 */
function signOffOf(ctx: Ctx, blocks: readonly RawBlock[]): SignOff | undefined {
  let seen = 0;
  let last = blocks.length - 1;
  while (last >= 0 && blocks[last]!.kind === 'text' && ANNEX_START.test((blocks[last] as RawTextBlock).text.trim())) last--;
  for (let i = last; i >= 0 && seen < 3; i--) {
    const b = blocks[i];
    if (b.kind !== 'text') continue;
    seen++;
    const text = b.text.trim();
    if (text.length > 45) continue;
    const dates = findDates(text);
    const d = dates.length === 1 ? dates[0] : undefined;
    if (!d?.iso) continue;
    const before = text.slice(0, text.indexOf(d.raw)).trim();
    if (text.slice(text.indexOf(d.raw) + d.raw.length).replace(/[\s。.]/g, '') !== '') continue;
    if (before !== '' && !orgName(before)) continue;
    const at = b.start + b.text.indexOf(text);
    const out: SignOff = { iso: d.iso, span: span(ctx, at + text.indexOf(d.raw), at + text.length, b) };
    if (before) out.agency = { name: before, span: span(ctx, at, at + before.length, b) };
    else {
      const prev = blocks[i - 1];
      const name = prev?.kind === 'text' ? prev.text.trim() : '';
      if (prev?.kind === 'text' && orgName(name)) {
        const pa = prev.start + prev.text.indexOf(name);
        out.agency = { name, span: span(ctx, pa, pa + name.length, prev) };
      }
    }
    return out;
  }
  return undefined;
}

function buildMeta(
  raw: RawDocument,
  metaRaw: Record<string, string>,
  pageMetaKeys: Set<string>,
  metaSpans: Record<string, Span>,
  titleBlock: { text: string; span: Span; norm: string } | undefined,
  firstBody: { norm: string; span: Span } | undefined,
  period: { value: { start: string; end: string }; span: Span } | undefined,
  signOff?: SignOff,
): DocumentMeta {
  const meta: DocumentMeta = { raw: metaRaw };
  const sourced = <T>(value: T, key: string): Sourced<T> => {
    const s: Sourced<T> = { value, source: pageMetaKeys.has(key) ? 'page-meta' : metaSourceOfKey(key) };
    const sp = metaSpans[key];
    if (sp) s.span = sp;
    return s;
  };

  if (titleBlock) meta.title = { value: titleBlock.text, source: 'text', span: titleBlock.span };
  else if (raw.title && raw.title.trim() !== '') meta.title = { value: raw.title.trim(), source: 'metadata' };
  else {
    const t = pick(metaRaw, TITLE_KEYS);
    if (t) meta.title = sourced(t[1], t[0]);
  }
  let titleFacts = meta.title ? readTitle(normalizeWidth(meta.title.value)) : {};
  // The page's own title (an export header, <title>, a 标题 field) speaks for the year when the title line in the
  // text does not: "标题: 某局2013年政府信息公开工作年度报告" above a body that opens "政府信息公开工作年度报告".
  if (titleFacts.year === undefined) {
    for (const t of [raw.title, pick(metaRaw, TITLE_KEYS)?.[1]]) {
      const f = t ? readTitle(normalizeWidth(t)) : {};
      if (f.year !== undefined) {
        titleFacts = { ...f, agency: titleFacts.agency ?? f.agency };
        break;
      }
    }
  }

  for (const k of PUBLISHED_KEYS) {
    const v = metaRaw[k];
    const iso = v ? firstIsoDate(v) : undefined;
    if (iso) {
      meta.publishedAt = sourced(iso, k);
      break;
    }
  }

  // Without a page date, the date under the closing signature is the best evidence of when the report came out.
  if (!meta.publishedAt && signOff) meta.publishedAt = { value: signOff.iso, source: 'text', span: signOff.span };
  if (signOff) {
    meta.signedAt = { value: signOff.iso, source: 'text', span: signOff.span };
    if (signOff.agency) meta.signedBy = { value: signOff.agency.name, source: 'text', span: signOff.agency.span };
  }

  // Page metadata sometimes carries an internal id where the agency should be ("发布机构: 1"): a name has CJK text.
  const agency = pick(metaRaw, AGENCY_KEYS);
  if (agency && /[\u4e00-\u9fff]{2}/.test(agency[1])) meta.agency = sourced(agency[1], agency[0]);
  else if (titleFacts.agency) {
    meta.agency = { value: titleFacts.agency, source: 'title' };
    if (meta.title?.span) meta.agency.span = meta.title.span;
  } else {
    const cs = pick(metaRaw, ['ContentSource', 'contentsource']);
    if (cs) meta.agency = sourced(cs[1], cs[0]);
  }

  if (titleFacts.year !== undefined) {
    meta.reportYear = { value: titleFacts.year, source: 'title' };
    if (meta.title?.span) meta.reportYear.span = meta.title.span;
  } else if (period) {
    meta.reportYear = { value: Number(period.value.start.slice(0, 4)), source: 'text', span: period.span };
  } else if (firstBody) {
    const y = openingYear(firstBody.norm);
    if (y !== null) meta.reportYear = { value: y, source: 'text', span: firstBody.span };
  }
  if (period) meta.period = { value: period.value, source: 'text', span: period.span };

  const idx = pick(metaRaw, INDEX_KEYS);
  if (idx && /[\dA-Za-z]/.test(idx[1])) meta.indexNo = sourced(idx[1], idx[0]);
  const docNo = pick(metaRaw, DOCNO_KEYS);
  if (docNo && !/^[-—\s无]*$/.test(docNo[1])) meta.docNo = sourced(docNo[1], docNo[0]);
  return meta;
}
