/**
 * A Word file is a zip; a small one can inflate to gigabytes (a zip bomb). The central directory says how large
 * every part is before anything is decompressed, so the declared sizes are added up first and an honest oversized
 * package is refused at once. The declared sizes can lie, though, so every entry is then really inflated with a
 * running count (docx-inflate.ts) and the package is refused as soon as the real output passes the limit: only a
 * package proven to stay under it reaches mammoth.
 */
import { GongkaiError } from '@gongkai/core';
import { InflateBudgetError, realInflatedSize, zipEntries } from './docx-inflate.js';

/** Far above any real annual report (text, tables and a few images stay well under 50 MB inflated). */
export const MAX_DOCX_INFLATED_BYTES = 160 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Sum of the uncompressed sizes in the zip's central directory, or undefined when it cannot be read. */
export function inflatedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus an optional comment of at most 65,535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const size = view.getUint32(at + 24, true);
    // 0xFFFFFFFF means the real size is in a zip64 extra field: treat it as too large rather than parse zip64.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

function bombError(size: string, limit: number): GongkaiError {
  return new GongkaiError(
    'load/too-large',
    {
      zh: 'DOCX 解压后过大（{size} MB，上限 {limit} MB），可能是压缩炸弹，已拒绝读取',
      en: 'the DOCX inflates to {size} MB (limit {limit} MB), which looks like a zip bomb; refused',
    },
    { size, limit: Math.round(limit / 1024 / 1024) },
  );
}

/** Refuses a package whose declared or real inflated size passes `limit`; resolves when it stays under. */
export async function guardInflatedSize(bytes: Uint8Array, limit = MAX_DOCX_INFLATED_BYTES): Promise<void> {
  const declared = inflatedSize(bytes);
  if (declared !== undefined && declared > limit) {
    throw bombError(declared >= Number.MAX_SAFE_INTEGER / 4 ? '>4096' : `~${Math.round(declared / 1024 / 1024)}`, limit);
  }
  const entries = zipEntries(bytes);
  // An unreadable directory is left to JSZip, which refuses it without inflating anything.
  if (!entries) return;
  try {
    await realInflatedSize(bytes, entries, limit);
  } catch (e) {
    if (e instanceof InflateBudgetError) throw bombError(`>${Math.round(limit / 1024 / 1024)}`, limit);
    throw e;
  }
}
