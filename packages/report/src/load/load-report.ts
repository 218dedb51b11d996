/**
 * Bytes (or a file) → ReportDocument: size check, format detection, decoding, the format loader, then the shared
 * model builder. Word and PDF loaders are imported lazily so text-only runs never pay for mammoth/pdf.js.
 */
import { readFile } from 'node:fs/promises';
import type { AgencyLevel } from '@gongkai/core';
import type { RawDocument } from '../model/raw.js';
import type { LoadNote, ReportDocument, SourceFormat } from '../model/types.js';
import { buildDocument } from '../model/build.js';
import { detectFormat } from './detect.js';
import { decodeText, type DecodedText } from './decode.js';
import { emptyError, notFoundError, tooLargeError, unreadableError } from './errors.js';
import { loadTxt } from './txt.js';
import { loadMarkdown } from './md.js';
import { decodeHtmlBytes, loadHtml } from './html.js';

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

  let raw: RawDocument;
  if (format === 'docx' || format === 'pdf') {
    raw = await loadBinary(format, bytes);
    raw.notes = [...notes, ...raw.notes];
  } else {
    const decoded = format === 'html' ? decodeHtmlBytes(bytes, path) : decodeText(bytes, path);
    if (decoded.text.trim() === '') throw emptyError(path);
    const encNote = 'note' in decoded && decoded.note ? (decoded.note as LoadNote) : encodingNote(decoded);
    if (encNote) notes.push(encNote);
    if (format === 'html') raw = loadHtml(decoded.text, decoded.encoding, notes);
    else if (format === 'md') raw = loadMarkdown(decoded.text, decoded.encoding, notes);
    else raw = loadTxt(decoded.text, decoded.encoding, notes);
  }
  if (isBlank(raw)) throw emptyError(path);
  const build: Parameters<typeof buildDocument>[1] = { target: path };
  if (opts.level) build.level = opts.level;
  if (opts.maxHeadingLength) build.maxHeadingLength = opts.maxHeadingLength;
  return buildDocument(raw, build);
}

/** Reads a file from disk and loads it; a missing file is a `load/not-found` error, not a stack trace. */
export async function loadReportFile(path: string, opts: LoadOptions = {}): Promise<ReportDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw notFoundError(path);
    throw unreadableError(path, code ?? String(e));
  }
  return loadReport(bytes, path, opts);
}
