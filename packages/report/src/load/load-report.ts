/**
 * Bytes (or a file) → ReportDocument: size check, format detection, decoding, the format loader, then the shared
 * model builder. Word and PDF loaders are imported lazily so text-only runs never pay for mammoth/pdf.js.
 */
import { open, stat } from 'node:fs/promises';
import { isGongkaiError, type AgencyLevel } from '@gongkai/core';
import type { RawDocument } from '../model/raw.js';
import type { LoadNote, ReportDocument, SourceFormat } from '../model/types.js';
import { buildDocument } from '../model/build.js';
import { detectFormat } from './detect.js';
import { decodeText, type DecodedText } from './decode.js';
import { emptyError, notFoundError, notRegularError, tooComplexError, tooLargeError, unreadableError } from './errors.js';
import { loadTxt } from './txt.js';
import { loadMarkdown } from './md.js';
import { decodeHtmlBytes, loadHtml } from './html.js';
import { guardHtmlDepth } from './html-depth.js';

export interface LoadOptions {
  level?: AgencyLevel;
  /** Refuse files larger than this many bytes (default 50 MB). */
  maxBytes?: number;
  /** Force a format instead of detecting it. */
  format?: SourceFormat;
  /** Longest heading text still read as a heading (see buildDocument). */
  maxHeadingLength?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

async function loadBinary(format: 'docx' | 'pdf', bytes: Uint8Array): Promise<RawDocument> {
  if (format === 'docx') return (await import('./docx.js')).loadDocx(bytes);
  return (await import('./pdf.js')).loadPdf(bytes);
}

function encodingNote(d: DecodedText): LoadNote | undefined {
  if (d.encoding !== 'gb18030') return undefined;
  const extra = d.replaced ? `，其中 ${d.replaced} 处字节无法识别` : '';
  const extraEn = d.replaced ? `; ${d.replaced} undecodable byte sequence(s) replaced` : '';
  return {
    code: 'encoding',
    message: { zh: `文件不是 UTF-8，已按 GB18030（GBK）解码${extra}`, en: `not UTF-8; decoded as GB18030 (GBK)${extraEn}` },
  };
}

function isBlank(raw: RawDocument): boolean {
  for (const b of raw.blocks) {
    if (b.kind === 'table') return false;
    if (b.text.trim() !== '') return false;
  }
  return true;
}

/**
 * Past these the model's table analysis and the rules grow faster than linearly; the largest statistics table of a
 * real annual report has well under a hundred rows.
 */
export const MAX_TABLE_ROWS = 5_000;
export const MAX_TABLE_CELLS = 200_000;

function guardTables(raw: RawDocument, path: string): void {
  let cells = 0;
  for (const b of raw.blocks) {
    if (b.kind !== 'table') continue;
    if (b.rows.length > MAX_TABLE_ROWS) {
      throw tooComplexError({ zh: `表格有 ${b.rows.length} 行，上限 ${MAX_TABLE_ROWS} 行`, en: `a table has ${b.rows.length} rows, limit ${MAX_TABLE_ROWS}` }, path);
    }
    for (const row of b.rows) cells += row.length;
    if (cells > MAX_TABLE_CELLS) {
      throw tooComplexError({ zh: `表格单元格超过 ${MAX_TABLE_CELLS} 个`, en: `more than ${MAX_TABLE_CELLS} table cells` }, path);
    }
  }
}

/** A stack overflow deep in a parser or the model is a property of the input, not a bug: say so in one line. */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

async function parseRaw(format: SourceFormat, bytes: Uint8Array, path: string, notes: LoadNote[]): Promise<RawDocument> {
  if (format === 'docx' || format === 'pdf') {
    const raw = await loadBinary(format, bytes);
    raw.notes = [...notes, ...raw.notes];
    return raw;
  }
  const decoded = format === 'html' ? decodeHtmlBytes(bytes, path) : decodeText(bytes, path);
  if (decoded.text.trim() === '') throw emptyError(path);
  const encNote = 'note' in decoded && decoded.note ? (decoded.note as LoadNote) : encodingNote(decoded);
  if (encNote) notes.push(encNote);
  if (format === 'html') {
    guardHtmlDepth(decoded.text, path);
    return loadHtml(decoded.text, decoded.encoding, notes);
  }
  if (format === 'md') return loadMarkdown(decoded.text, decoded.encoding, notes, path);
  return loadTxt(decoded.text, decoded.encoding, notes);
}

export async function loadReport(bytes: Uint8Array, path: string, opts: LoadOptions = {}): Promise<ReportDocument> {
  const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) throw tooLargeError(bytes.length, limit, path);
  if (bytes.length === 0) throw emptyError(path);
  const notes: LoadNote[] = [];
  let format: SourceFormat;
  if (opts.format) format = opts.format;
  else {
    const detected = detectFormat(bytes, path);
    format = detected.format;
    if (detected.note) notes.push(detected.note);
  }
  try {
    const raw = await parseRaw(format, bytes, path, notes);
    if (isBlank(raw)) throw emptyError(path);
    guardTables(raw, path);
    const build: Parameters<typeof buildDocument>[1] = { target: path };
    if (opts.level) build.level = opts.level;
    if (opts.maxHeadingLength) build.maxHeadingLength = opts.maxHeadingLength;
    return buildDocument(raw, build);
  } catch (e) {
    if (isStackOverflow(e)) throw tooComplexError({ zh: '嵌套层次过深', en: 'nested too deeply' }, path);
    throw e;
  }
}

type KindTest = 'isCharacterDevice' | 'isBlockDevice' | 'isFIFO' | 'isSocket';
const KIND_NAMES: Array<[KindTest, { zh: string; en: string }]> = [
  ['isCharacterDevice', { zh: '字符设备', en: 'character device' }],
  ['isBlockDevice', { zh: '块设备', en: 'block device' }],
  ['isFIFO', { zh: '命名管道', en: 'FIFO' }],
  ['isSocket', { zh: '套接字', en: 'socket' }],
];

function fsError(e: unknown, path: string): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return notFoundError(path);
  return unreadableError(path, code ?? String(e));
}

/**
 * Reads at most `limit` bytes: one more byte than the limit proves the file too large without reading the rest
 * (a file can grow between the stat and the read, and a sparse file reports its full length but costs nothing to
 * stat, so the size is checked both before and while reading).
 */
async function readBounded(path: string, size: number, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    // Sized from the stat, but grown when the file holds more than it said (files under /proc report 0 bytes).
    let buf = Buffer.allocUnsafe(Math.min(size, limit) + 1);
    let filled = 0;
    for (;;) {
      if (filled === buf.length) {
        if (filled > limit) throw tooLargeError(Math.max(size, filled), limit, path);
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(buf.length * 2, 64 * 1024)));
        buf.copy(grown, 0, 0, filled);
        buf = grown;
      }
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buf.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file from disk and loads it. The file is stat'ed first (following symlinks): only regular files are read,
 * so `/dev/zero`, a FIFO or a link to one is refused instead of read forever, and an oversized file is refused
 * before a byte of it is read. A missing file is a `load/not-found` error, not a stack trace.
 */
export async function loadReportFile(path: string, opts: LoadOptions = {}): Promise<ReportDocument> {
  const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    // A directory keeps its long-standing `load/unreadable` (EISDIR); other non-files are named by their kind.
    if (info.isDirectory()) throw unreadableError(path, 'EISDIR');
    if (!info.isFile()) {
      const kind = KIND_NAMES.find(([test]) => info[test]())?.[1] ?? { zh: '特殊文件', en: 'special file' };
      throw notRegularError(path, kind);
    }
    if (info.size > limit) throw tooLargeError(info.size, limit, path);
    bytes = await readBounded(path, info.size, limit);
  } catch (e) {
    if (isGongkaiError(e)) throw e;
    throw fsError(e, path);
  }
  return loadReport(bytes, path, opts);
}
