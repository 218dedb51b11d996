/**
 * Bounds on reading one PDF. A few kilobytes of PDF can describe billions of drawing operations (form XObjects
 * that draw each other) or a million pages, and pdf.js' time and memory grow with what is described, not with the
 * file size. Every bound sits far above what a real annual report needs (tens of pages, a few thousand text runs
 * per page), so only constructed or broken files reach them; reaching one is a `load/too-complex` error.
 */
import { tooComplexError } from './errors.js';
import type { GongkaiError } from '@gongkai/core';

export interface PdfLimits {
  /** Documents with more pages are refused before any page is read. */
  maxPages: number;
  /** Text runs one page may yield (pdf.js counts each run drawn, so a form drawn 10 000 times counts 10 000 times). */
  maxItemsPerPage: number;
  /** Drawing operators one page may expand to, forms included. */
  maxOperatorsPerPage: number;
  /** How deep form XObjects may nest inside one another. */
  maxFormDepth: number;
  /** Time one page may take; a page that takes longer is drawing far more than it shows. */
  pageTimeoutMs: number;
  /** Time the whole document may take, layout included. */
  timeoutMs: number;
  /** Heap of the worker that parses the PDF; past it the worker is stopped instead of the whole process. */
  maxMemoryMb: number;
}

export const DEFAULT_PDF_LIMITS: Readonly<PdfLimits> = Object.freeze({
  maxPages: 500,
  maxItemsPerPage: 20_000,
  maxOperatorsPerPage: 300_000,
  maxFormDepth: 12,
  pageTimeoutMs: 2_500,
  timeoutMs: 60_000,
  maxMemoryMb: 320,
});

export function tooManyPages(pages: number, limit: number): GongkaiError {
  return tooComplexError({ zh: `共 ${pages} 页，上限 ${limit} 页`, en: `${pages} pages, limit ${limit}` });
}

export function pageTooComplex(page: number, zh: string, en: string): GongkaiError {
  return tooComplexError({ zh: `第 ${page} 页${zh}`, en: `page ${page}: ${en}` });
}

export function tooSlow(ms: number, page?: number): GongkaiError {
  const s = Math.round(ms / 100) / 10;
  return page
    ? pageTooComplex(page, `读取超过 ${s} 秒`, `reading it took more than ${s} s`)
    : tooComplexError({ zh: `读取超过 ${s} 秒`, en: `reading it took more than ${s} s` });
}

export function tooMuchMemory(mb: number): GongkaiError {
  return tooComplexError({ zh: `读取需要超过 ${mb} MB 内存`, en: `reading it needs more than ${mb} MB of memory` });
}

const COUNT = Buffer.from('/Count');

/**
 * The largest page count a `/Count` entry states in the file's uncompressed objects (the page tree's root holds
 * the total). pdf.js has to parse the whole page tree before it can say how many pages there are, which for a
 * million pages takes longer than the document's deadline; this scan of the bytes costs milliseconds. Counts kept
 * in compressed object streams are not seen here; pdf.js' own count and the deadlines still bound those.
 */
export function declaredPages(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let most = 0;
  for (let at = buf.indexOf(COUNT); at >= 0; at = buf.indexOf(COUNT, at + COUNT.length)) {
    let k = at + COUNT.length;
    while (k < buf.length && (buf[k] === 0x20 || buf[k] === 0x0a || buf[k] === 0x0d || buf[k] === 0x09)) k++;
    let n = 0;
    // Nine digits are enough to tell any count past the bound; more would only lose precision.
    for (let digits = 0; digits < 9 && k < buf.length && buf[k]! >= 0x30 && buf[k]! <= 0x39; digits++, k++) n = n * 10 + buf[k]! - 0x30;
    most = Math.max(most, n);
  }
  return most;
}
