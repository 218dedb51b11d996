/**
 * A Word file is a zip; a small one can claim gigabytes once inflated (a zip bomb). The central directory says how
 * large every part is before anything is decompressed, so the sizes are added up first and an oversized package
 * is refused.
 */
import { GongkaiError } from '@gongkai/core';

/** Far above any real annual report (text, tables and a few images stay well under 50 MB inflated). */
export const MAX_DOCX_INFLATED_BYTES = 256 * 1024 * 1024;

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

export function guardInflatedSize(bytes: Uint8Array, limit = MAX_DOCX_INFLATED_BYTES): void {
  const size = inflatedSize(bytes);
  if (size !== undefined && size > limit) {
    const mb = (n: number) => (n >= Number.MAX_SAFE_INTEGER / 4 ? '>4096' : String(Math.round(n / 1024 / 1024)));
    throw new GongkaiError(
      'load/too-large',
      {
        zh: 'DOCX 解压后过大（约 {size} MB，上限 {limit} MB），可能是压缩炸弹，已拒绝读取',
        en: 'the DOCX would inflate to about {size} MB (limit {limit} MB), which looks like a zip bomb; refused',
      },
      { size: mb(size), limit: mb(limit) },
    );
  }
}
