/**
 * PDF loader: pdfjs extracts positioned text; lines are rebuilt from baselines, tables from consistent columns,
 * paragraphs from margins and spacing. Each block records the page it starts on.
 */
import { GongkaiError } from '@gongkai/core';
import type { RawDocument } from '../model/raw.js';
import type { LoadNote } from '../model/types.js';
import { pdfjs, pdfjsOptions } from './pdf-engine.js';
import { isPageNumber, linesOf, type PdfItem, type PdfLine } from './pdf-lines.js';
import { findTables, type PdfTable } from './pdf-tables.js';
import { blocksOf, type Flow, type PageGeometry } from './pdf-blocks.js';
import { rulingOf, type RulingOps, type Segment } from './pdf-ruling.js';
import { continueTable, ruledTables } from './pdf-grid.js';
import { continueFigureTable, figureRegions, figureTable } from './pdf-figures.js';
import { SourceBuilder } from './docx-text.js';
import { DEFAULT_PDF_LIMITS, pageTooComplex, tooManyPages, type PdfLimits } from './pdf-limits.js';
export { loadPdf } from './pdf-worker-host.js';

const TABLES_NOTE: LoadNote = {
  code: 'pdf-tables',
  message: {
    zh: 'PDF 中的表格是根据文字位置重建的，合并单元格和单元格内换行可能还原得不准确',
    en: 'tables in the PDF were reconstructed from text positions; merged cells and wrapped cell text may be inaccurate',
  },
};

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] ?? msg).trim().slice(0, 160);
}

function loadError(e: unknown): GongkaiError {
  if (e instanceof GongkaiError) return e;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new GongkaiError('load/encrypted', {
      zh: '该 PDF 已加密，需要密码才能打开；请提供未加密的文件',
      en: 'this PDF is encrypted and needs a password; provide an unencrypted copy',
    });
  }
  return new GongkaiError(
    'load/corrupt',
    { zh: '无法读取 PDF 文件：文件已损坏或不是 PDF（{detail}）', en: 'cannot read the PDF file: it is damaged or not a PDF ({detail})' },
    { detail: firstLine(e) },
  );
}

/** PDF date strings ("D:20250120093000+08'00'") as YYYY-MM-DD[ HH:MM]. */
function pdfDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(raw.trim());
  if (!m) return undefined;
  const date = [m[1], m[2] ?? '01', m[3] ?? '01'].join('-');
  return m[4] ? `${date} ${m[4]}:${m[5] ?? '00'}` : date;
}

function infoMeta(info: Record<string, unknown>): { meta: Record<string, string>; title?: string } {
  const meta: Record<string, string> = {};
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
    const v = info[key];
    if (typeof v === 'string' && v.trim()) meta[`pdf:${key}`] = v.trim();
  }
  for (const key of ['CreationDate', 'ModDate']) {
    const v = pdfDate(info[key]);
    if (v) meta[`pdf:${key}`] = v;
  }
  // Word's PDF printer names the document after the file ("Microsoft Word - 2024年报.docx"): not a title.
  const t = meta['pdf:Title']?.replace(/^Microsoft Word - /, '');
  const title = t && !/\.(docx?|wps|pdf)$/i.test(t) ? t : undefined;
  return { meta, ...(title ? { title } : {}) };
}

interface PageText {
  page: number;
  width: number;
  bottom: number;
  top: number;
  items: PdfItem[];
  segments: Segment[];
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof pdfjs>>['getDocument']>['promise']> extends { getPage(n: number): Promise<infer P> } ? P : never;

/**
 * Text runs of one page, read as a stream so that a page which expands to far more runs than any real page is
 * refused as soon as it passes the bound, instead of after pdf.js has built all of them.
 */
async function pageItems(page: PdfPage, n: number, limits: PdfLimits): Promise<PdfItem[]> {
  const items: PdfItem[] = [];
  let seen = 0;
  const reader = page.streamTextContent().getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const runs = (chunk.value as { items: unknown[] }).items;
      seen += runs.length;
      if (seen > limits.maxItemsPerPage) {
        throw pageTooComplex(n, `有超过 ${limits.maxItemsPerPage} 段文字`, `more than ${limits.maxItemsPerPage} text runs`);
      }
      for (const it of runs as Array<{ str?: string; transform?: number[]; width: number; height: number }>) {
        if (typeof it.str !== 'string' || !it.str.trim() || !it.transform) continue;
        const [a, b, c, d, e, f] = it.transform;
        // Rotated runs are watermarks or margin notes, not body text.
        if (Math.abs(b!) > 0.2 * Math.abs(a!) || Math.abs(c!) > 0.2 * Math.abs(d!)) continue;
        items.push({ str: it.str, x: e!, y: f!, width: it.width, size: Math.abs(d!) || it.height || 10 });
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return items;
}

/**
 * Table borders of one page. A page whose drawing operators cannot be read is treated as unruled; one that expands
 * past the operator or nesting bound is refused (the time it took is already bounded by the page deadline).
 */
async function segmentsOf(page: PdfPage, n: number, ops: RulingOps & Record<string, number>, limits: PdfLimits): Promise<Segment[]> {
  let list: { fnArray: number[]; argsArray: unknown[] };
  try {
    list = await page.getOperatorList();
  } catch {
    return [];
  }
  if (list.fnArray.length > limits.maxOperatorsPerPage) {
    throw pageTooComplex(n, `有超过 ${limits.maxOperatorsPerPage} 个绘制操作`, `more than ${limits.maxOperatorsPerPage} drawing operations`);
  }
  let depth = 0;
  for (const fn of list.fnArray) {
    if (fn === ops.paintFormXObjectBegin && ++depth > limits.maxFormDepth) {
      throw pageTooComplex(n, `的表单对象嵌套超过 ${limits.maxFormDepth} 层`, `form XObjects nested more than ${limits.maxFormDepth} deep`);
    }
    if (fn === ops.paintFormXObjectEnd) depth--;
  }
  return rulingOf(list.fnArray, list.argsArray, ops);
}

/** `onPage` is told before each page is read (and with 0 once all are), so whoever runs this can hold each page to its own deadline. */
async function extract(bytes: Uint8Array, limits: PdfLimits, onPage: (n: number) => void): Promise<{ pages: PageText[]; info: Record<string, unknown> }> {
  const lib = await pdfjs();
  // pdfjs takes ownership of (and may detach) the buffer it is given, and refuses Node Buffers, so it gets a
  // plain Uint8Array copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsOptions(),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) throw tooManyPages(doc.numPages, limits.maxPages);
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      onPage(n);
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const items = await pageItems(page, n, limits);
      const segments = await segmentsOf(page, n, lib.OPS as unknown as RulingOps & Record<string, number>, limits);
      pages.push({ page: n, width: x1 - x0, bottom: y0, top: y1, items, segments });
      page.cleanup();
    }
    return { pages, info };
  } finally {
    // A failure while tearing down (a cancelled text stream, say) must not replace the error that got us here.
    await task.destroy().catch(() => undefined);
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/**
 * Tables of one page as runs of its lines. Ruled tables are read from their borders; the lines between them
 * still go through the position-only reconstruction, which covers tables drawn without rules.
 */
function pageTables(pageLines: PdfLine[], text: PageText): { start: number; end: number; table: PdfTable }[] {
  const ruled = text.segments.length ? ruledTables(text.segments, text.items, text.page) : [];
  const owner = pageLines.map((l) =>
    ruled.findIndex(({ table: t }) => l.y <= t.ys[0]! + 1 && l.y >= t.ys[t.ys.length - 1]! - 1 && l.x0 < t.xs[t.xs.length - 1]! && l.x1 > t.xs[0]!),
  );
  const found: { start: number; end: number; table: PdfTable }[] = [];
  const emitted = new Set<number>();
  for (let k = 0; k < pageLines.length; ) {
    const ti = owner[k]!;
    let m = k;
    while (m + 1 < pageLines.length && owner[m + 1] === ti) m++;
    if (ti >= 0) {
      // Text set beside a table can interleave with its lines; the table is emitted once, where it starts.
      const { xs, ys, rows } = ruled[ti]!.table;
      found.push({ start: k, end: m, table: { lines: pageLines.slice(k, m + 1), rows: emitted.has(ti) ? [] : rows, xs, ys } });
      emitted.add(ti);
    } else unruledTables(pageLines, k, m, found);
    k = m + 1;
  }
  return found;
}

/**
 * Tables without rules among lines k..m: statistics tables are read by their figure rows; whatever lies between
 * them goes through the position-only reconstruction.
 */
function unruledTables(pageLines: PdfLine[], k: number, m: number, found: { start: number; end: number; table: PdfTable }[]): void {
  const run = pageLines.slice(k, m + 1);
  let from = 0;
  const rest = (to: number) => {
    for (const f of findTables(run.slice(from, to))) found.push({ start: f.start + from + k, end: f.end + from + k, table: f.table });
  };
  for (const r of figureRegions(run, k === 0)) {
    rest(r.start);
    found.push({ start: r.start + k, end: r.end + k, table: figureTable(run.slice(r.start, r.end + 1)) });
    from = r.end + 1;
  }
  rest(run.length);
}

/**
 * A table that ends one page and a table with the same columns that opens the next are one table: ruled tables by
 * their column rules, figure tables by their figure columns.
 */
function joinSplitTables(flow: Flow): void {
  for (let i = 0; i + 1 < flow.items.length; i++) {
    const a = flow.items[i]!;
    const b = flow.items[i + 1]!;
    if (a.kind !== 'table' || b.kind !== 'table' || b.page !== a.page + 1) continue;
    const figures = continueFigureTable(a.table, b.table);
    if (figures) {
      a.table = figures;
      flow.items.splice(i + 1, 1);
      i--;
      continue;
    }
    if (!a.table.xs || !b.table.xs || !a.table.ys) continue;
    const joined = continueTable({ xs: a.table.xs, ys: a.table.ys, rows: a.table.rows }, { xs: b.table.xs, ys: b.table.ys ?? [], rows: b.table.rows });
    if (!joined) continue;
    a.table = { lines: [...a.table.lines, ...b.table.lines], rows: joined.rows, xs: joined.xs, ys: joined.ys };
    flow.items.splice(i + 1, 1);
    i--;
  }
}

/**
 * Reads a PDF in the calling thread. Only the PDF worker (pdf-worker.ts) calls this: there the deadlines and the
 * heap bound can stop it; everyone else goes through `loadPdf`.
 */
export async function loadPdfHere(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS, onPage: (n: number) => void = () => {}): Promise<RawDocument> {
  let extracted: Awaited<ReturnType<typeof extract>>;
  try {
    extracted = await extract(bytes, limits, onPage);
  } catch (e) {
    throw loadError(e);
  }
  // Page 0: every page is read; what follows is layout, held only to the document's deadline.
  onPage(0);
  const { pages, info } = extracted;

  const lines: PdfLine[] = [];
  const geometry = new Map<number, PageGeometry>();
  for (const p of pages) {
    const pageLines = linesOf(p.items, p.page).filter((l) => !isPageNumber(l, p.bottom, p.top));
    if (!pageLines.length) continue;
    const first = lines.length;
    lines.push(...pageLines);
    geometry.set(p.page, { page: p.page, width: p.width, left: 0, right: 0, first, last: lines.length - 1 });
  }
  if (!lines.length) {
    throw new GongkaiError('load/no-text', {
      zh: '该 PDF 没有文字层（可能是扫描件），请先进行 OCR 文字识别',
      en: 'this PDF has no text layer; OCR it first',
    });
  }

  // Body size: the size carrying the most characters; margins come from lines at that size on each page.
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  const bodySize = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const pitches: number[] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    if (prev && prev.page === l.page && Math.abs(prev.size - bodySize) < 0.5 && Math.abs(l.size - bodySize) < 0.5) pitches.push(prev.y - l.y);
  });
  const bodyPitch = median(pitches.filter((p) => p > 0)) || 1.5 * bodySize;

  const flow: Flow = { items: [], pages: geometry, bodySize, bodyPitch };
  let tables = 0;
  const byPage = new Map(pages.map((p) => [p.page, p]));
  for (const g of geometry.values()) {
    const pageLines = lines.slice(g.first, g.last + 1);
    const body = pageLines.filter((l) => Math.abs(l.size - bodySize) < 0.5);
    const ref = body.length ? body : pageLines;
    g.left = Math.min(...ref.map((l) => l.x0));
    g.right = Math.max(...ref.map((l) => l.x1));
    const found = pageTables(pageLines, byPage.get(g.page)!);
    tables += found.filter((f) => f.table.rows.length).length;
    for (let k = 0; k < pageLines.length; k++) {
      const t = found.find((f) => f.start === k);
      if (t) {
        flow.items.push({ kind: 'table', table: t.table, page: g.page });
        k = t.end;
      } else flow.items.push({ kind: 'line', line: pageLines[k]!, index: g.first + k });
    }
  }
  joinSplitTables(flow);

  const out = new SourceBuilder();
  for (const block of blocksOf(flow)) {
    if (block.kind === 'text') out.text({ text: block.text, page: block.page });
    else out.table({ rows: block.table.rows, page: block.page });
  }
  const { meta, title } = infoMeta(info);
  meta['pdf:Pages'] = String(pages.length);
  return {
    format: 'pdf',
    encoding: 'binary',
    source: out.source,
    blocks: out.blocks,
    ...(title ? { title } : {}),
    meta,
    notes: tables ? [TABLES_NOTE] : [],
    directives: [],
  };
}
