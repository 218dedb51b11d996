/**
 * Plain text: one block per non-empty line. Real reports put one paragraph per line and the line is what a
 * finding points at, so consecutive lines are never joined. Form feeds (pdftotext output) count pages.
 */
import type { RawBlock, RawCell, RawDocument, RawTableBlock, RawTextBlock } from '../model/raw.js';
import type { LoadNote } from '../model/types.js';
import { isSpace } from '../text/normalize.js';
import { readExportHeader } from './export-header.js';
import { trimFurniture } from './furniture.js';

/** Whole lines that are page furniture copied along with the article, never report text. */
const DEBRIS = new Set([
  'null', 'undefined', 'NULL', '文件下载', '附件下载', '相关附件', '【打印】【关闭】', '【打印本页】【关闭窗口】',
  '【打印本页】', '【关闭窗口】', '打印本页', '关闭窗口', '【关闭】', '【打印】', '[打印] [关闭]', '[打印][关闭]',
  '打印 关闭', '【字体：大 中 小】', '【大 中 小】', '分享到：', '分享到:', '扫一扫在手机打开当前页',
]);


export function segmentLines(text: string, from = 0): { blocks: RawTextBlock[]; stripped: number } {
  const blocks: RawTextBlock[] = [];
  const n = text.length;
  const paged = text.includes('\f');
  let page = 1;
  let stripped = 0;
  let i = from;
  // Next CR / form feed, searched again only once passed, so the scan stays linear.
  let nextCr = text.indexOf('\r');
  let nextFf = paged ? text.indexOf('\f') : -1;
  while (i <= n) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    let end = j;
    if (end > i && text.charCodeAt(end - 1) === 0x0d) end--;
    // A lone \r also ends a line (old Mac exports); rare, so only looked for when present.
    if (nextCr >= 0 && nextCr < i) nextCr = text.indexOf('\r', i);
    const cr = nextCr;
    if (cr >= 0 && cr < end) {
      j = cr;
      end = cr;
    }
    // A form feed starts a new page and so also ends the block before it.
    if (nextFf >= 0 && nextFf < i) nextFf = text.indexOf('\f', i);
    const ff = nextFf;
    if (ff >= 0 && ff < end) {
      j = ff;
      end = ff;
    }
    let s = i;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) [s, e] = trimFurniture(text, s, e);
    if (e > s) {
      const line = text.slice(s, e);
      if (DEBRIS.has(line)) stripped++;
      else {
        const b: RawTextBlock = { kind: 'text', text: line, start: s, end: e };
        if (paged) b.page = page;
        blocks.push(b);
      }
    }
    if (j >= n) break;
    if (text.charCodeAt(j) === 0x0c) page++;
    i = j + 1;
  }
  return { blocks, stripped };
}

/** Splits a tab-separated line into cells with their offsets in the source. */
function tabCells(text: string, block: RawTextBlock): RawCell[] {
  const cells: RawCell[] = [];
  let from = 0;
  for (;;) {
    const tab = block.text.indexOf('\t', from);
    const to = tab < 0 ? block.text.length : tab;
    let s = from;
    let e = to;
    while (s < e && isSpace(block.text.charCodeAt(s))) s++;
    while (e > s && isSpace(block.text.charCodeAt(e - 1))) e--;
    cells.push({ text: block.text.slice(s, e), start: block.start + s, end: block.start + e });
    if (tab < 0) break;
    from = tab + 1;
  }
  void text;
  return cells;
}

/**
 * Tables pasted from Word or a web page into a text file arrive as tab-separated lines. Two or more consecutive
 * lines with tabs become one table; a single tabbed line stays a paragraph (it is more often an indented sentence).
 */
export function groupTabTables(text: string, blocks: RawTextBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  let run: RawTextBlock[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const table: RawTableBlock = {
        kind: 'table',
        rows: run.map((b) => tabCells(text, b)),
        start: run[0].start,
        end: run[run.length - 1].end,
      };
      if (run[0].page) table.page = run[0].page;
      out.push(table);
    } else out.push(...run);
    run = [];
  };
  for (const b of blocks) {
    if (b.text.includes('\t')) run.push(b);
    else {
      flush();
      out.push(b);
    }
  }
  flush();
  return out;
}

export function loadTxt(text: string, encoding: string, notes: LoadNote[] = []): RawDocument {
  // A crawler/archive export starts with the page's metadata lines; they are read as metadata, not as text.
  const header = readExportHeader(text);
  const { blocks } = segmentLines(text, header?.bodyStart ?? 0);
  const grouped = text.includes('\t') ? groupTabTables(text, blocks) : blocks;
  const raw: RawDocument = { format: 'txt', encoding, source: text, blocks: grouped, meta: header?.meta ?? {}, notes, directives: [] };
  if (header) {
    raw.metaSpans = header.spans;
    const title = header.meta['标题'] ?? header.meta['title'] ?? header.meta['Title'];
    if (title) raw.title = title;
  }
  return raw;
}
