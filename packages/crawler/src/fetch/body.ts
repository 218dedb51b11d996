/**
 * Reading a response body under a byte cap and a whole-body deadline. undici's `bodyTimeout` only bounds the gap
 * between chunks, so a server dripping one byte a second would otherwise hold a slot forever.
 */
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';

export type BodyOutcome =
  | { ok: true; bytes: Uint8Array; truncated: boolean }
  | { ok: false; reason: 'too-large' | 'deadline' | 'decode'; bytes: number; message: string; cause?: unknown };

export interface ReadBodyOptions {
  maxBytes: number;
  /** Keep the first `maxBytes` and stop quietly instead of failing (probes). */
  truncate: boolean;
  deadlineMs: number;
  contentEncoding?: string;
}

export async function readBody(stream: Readable, options: ReadBodyOptions): Promise<BodyOutcome> {
  const { maxBytes, truncate, deadlineMs } = options;
  const chunks: Buffer[] = [];
  let total = 0;
  let timedOut = false;
  // Aborting surfaces as an 'error' event after the loop has stopped listening; swallow it.
  stream.on('error', () => undefined);
  const timer = setTimeout(() => {
    timedOut = true;
    stream.destroy(Object.assign(new Error(`body not received within ${deadlineMs} ms`), { code: 'EBODYDEADLINE' }));
  }, deadlineMs);
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      if (total + buf.length > maxBytes) {
        if (truncate) {
          chunks.push(buf.subarray(0, maxBytes - total));
          total = maxBytes;
          stream.destroy();
          return { ok: true, bytes: concat(chunks, total), truncated: true };
        }
        stream.destroy();
        return { ok: false, reason: 'too-large', bytes: total + buf.length, message: `body exceeds ${maxBytes} bytes` };
      }
      chunks.push(buf);
      total += buf.length;
    }
  } catch (err) {
    if (timedOut) return { ok: false, reason: 'deadline', bytes: total, message: `body not received within ${deadlineMs} ms`, cause: err };
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const raw = concat(chunks, total);
  return decompress(raw, options);
}

function concat(chunks: Buffer[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Decompresses after reading: the compressed size already passed the cap, and `maxOutputLength` bounds the
 * inflated size, so a zip bomb fails as too-large instead of filling memory.
 */
function decompress(raw: Uint8Array, options: ReadBodyOptions): BodyOutcome {
  const enc = (options.contentEncoding ?? '').trim().toLowerCase();
  if (!enc || enc === 'identity' || raw.length === 0) return { ok: true, bytes: raw, truncated: false };
  const limit = { maxOutputLength: options.maxBytes + 1 };
  try {
    let out: Buffer;
    if (enc === 'gzip' || enc === 'x-gzip') out = zlib.gunzipSync(raw, { ...limit, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    else if (enc === 'deflate') out = (raw[0] & 0x0f) === 8 ? zlib.inflateSync(raw, limit) : zlib.inflateRawSync(raw, limit);
    else if (enc === 'br') out = zlib.brotliDecompressSync(raw, limit);
    else return { ok: true, bytes: raw, truncated: false };
    if (out.length > options.maxBytes) {
      if (options.truncate) return { ok: true, bytes: new Uint8Array(out.subarray(0, options.maxBytes)), truncated: true };
      return { ok: false, reason: 'too-large', bytes: out.length, message: `decompressed body exceeds ${options.maxBytes} bytes` };
    }
    return { ok: true, bytes: new Uint8Array(out.buffer, out.byteOffset, out.length), truncated: false };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      if (options.truncate) return { ok: true, bytes: raw, truncated: true };
      return { ok: false, reason: 'too-large', bytes: raw.length, message: `decompressed body exceeds ${options.maxBytes} bytes` };
    }
    return { ok: false, reason: 'decode', bytes: raw.length, message: `cannot decode ${enc} body: ${(err as Error).message}`, cause: err };
  }
}
