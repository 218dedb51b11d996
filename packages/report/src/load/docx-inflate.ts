/**
 * Counts how many bytes a zip's entries really inflate to, without keeping any of them. The sizes a zip declares
 * are only claims: a crafted package says "1 KB" and inflates to gigabytes, and JSZip (inside mammoth) inflates
 * whatever the data holds. So every entry is run through a streaming raw inflate, the output is counted chunk by
 * chunk and dropped, and the count stops the moment it passes the budget. Entries are located exactly as JSZip
 * locates them (central directory → local header → compressed size from the central directory), so what is counted
 * here is what mammoth would later inflate.
 */
import { createInflateRaw } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  method: number;
  /** Where the compressed bytes start and end in the package (clamped to the file). */
  dataStart: number;
  dataEnd: number;
}

/** Thrown when the real output passes the budget; `inflated` is what had been counted when it stopped. */
export class InflateBudgetError extends Error {
  constructor(readonly inflated: number) {
    super(`inflated output passed the budget at ${inflated} bytes`);
  }
}

function findEocd(view: DataView, length: number): number {
  // The end record sits in the last 22 bytes plus an optional comment of at most 65,535 bytes.
  const stop = Math.max(0, length - 22 - 0xffff);
  for (let i = length - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** The entries of the central directory, or undefined when it cannot be read (the loader reports corruption). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view, bytes.length);
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLen)));
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return undefined;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    // A compressed size pointing past the end is clamped: the inflater sees no more than the file holds.
    out.push({ name, method, dataStart: Math.min(dataStart, bytes.length), dataEnd: Math.min(bytes.length, dataStart + compressed) });
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Streams one deflated entry through zlib, counting output; rejects with InflateBudgetError past `budget`. */
function countInflated(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const finish = (err: Error | undefined, value = total) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve(value);
    };
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        // Destroying stops zlib at once; the rest of the stream is never inflated.
        inflater.destroy();
        finish(new InflateBudgetError(total));
      }
    });
    inflater.on('end', () => finish(undefined));
    // A truncated or damaged stream is JSZip's to reject; whatever came out before the damage still counts.
    inflater.on('error', () => finish(undefined));
    inflater.on('close', () => finish(undefined));
    inflater.end(data);
  });
}

/**
 * Real inflated size of all entries together. Stored entries count their bytes as they are; entries in a method
 * JSZip cannot read count nothing (JSZip refuses them anyway). Rejects with InflateBudgetError past `budget`.
 */
export async function realInflatedSize(bytes: Uint8Array, entries: ZipEntry[], budget: number): Promise<number> {
  let total = 0;
  for (const e of entries) {
    const data = bytes.subarray(e.dataStart, Math.max(e.dataStart, e.dataEnd));
    if (e.method === STORED) total += data.length;
    else if (e.method === DEFLATED) total += await countInflated(data, budget - total);
    if (total > budget) throw new InflateBudgetError(total);
  }
  return total;
}
