/**
 * Bytes → text for the text formats. Order: BOM, strict UTF-8, then GB18030 (a superset of GBK/GB2312, which is
 * what most older government pages and exports use). Binary junk is refused rather than decoded into mojibake.
 */
import { binaryError } from './errors.js';

export interface DecodedText {
  text: string;
  /** utf-8, utf-8-bom, utf-16le, utf-16be, gb18030 */
  encoding: string;
  /** U+FFFD characters introduced by a lenient decode (only for gb18030). */
  replaced?: number;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030');

/** Control characters other than tab/newline/CR/FF/VT/ESC per byte; NULs are counted separately. */
function controlStats(bytes: Uint8Array, limit: number): { nul: number; ctrl: number; n: number } {
  const n = Math.min(bytes.length, limit);
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20) {
      if (b === 0) nul++;
      else if (b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) ctrl++;
    } else if (b === 0x7f) ctrl++;
  }
  return { nul, ctrl, n };
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Decodes with a named encoding (from a charset declaration); falls back to `decodeText` when that fails. */
export function decodeWith(bytes: Uint8Array, label: string, path?: string): DecodedText {
  const enc = normalizeLabel(label);
  if (enc === 'gb18030') {
    assertTextual(bytes, path);
    return lenientGb(bytes, path);
  }
  if (enc === 'utf-8') {
    try {
      return { text: stripBom(utf8Strict.decode(bytes)), encoding: hasUtf8Bom(bytes) ? 'utf-8-bom' : 'utf-8' };
    } catch {
      return decodeText(bytes, path);
    }
  }
  // Any other label the platform knows (big5, shift_jis …): trust it only if it decodes cleanly.
  try {
    const text = new TextDecoder(label.trim().toLowerCase(), { fatal: true }).decode(bytes);
    assertTextual(bytes, path);
    return { text: stripBom(text), encoding: label.trim().toLowerCase() };
  } catch (e) {
    if (e instanceof Error && e.name === 'GongkaiError') throw e;
    return decodeText(bytes, path);
  }
}

/** Maps charset labels to the decoder we use: every GB* label → gb18030, utf8 spellings → utf-8. */
export function normalizeLabel(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(gb2312|gbk|gb18030|gb_2312-80|x-gbk|cp936|windows-936|euc-cn|chinese|csgb2312|iso-ir-58)$/.test(l)) return 'gb18030';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  return undefined;
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function assertTextual(bytes: Uint8Array, path?: string): void {
  const { nul, ctrl, n } = controlStats(bytes, 1 << 20);
  if (nul > 0 || ctrl > Math.max(8, n * 0.01)) throw binaryError(path);
}

function lenientGb(bytes: Uint8Array, path?: string): DecodedText {
  const text = stripBom(gb18030.decode(bytes));
  let replaced = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) replaced++;
  // A few broken bytes in a real GBK file are tolerated; a stream of them means it was never text.
  if (replaced > Math.max(4, text.length * 0.01)) throw binaryError(path);
  const out: DecodedText = { text, encoding: 'gb18030' };
  if (replaced > 0) out.replaced = replaced;
  return out;
}

export function decodeText(bytes: Uint8Array, path?: string): DecodedText {
  if (hasUtf8Bom(bytes)) {
    assertTextual(bytes, path);
    try {
      return { text: utf8Strict.decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      throw binaryError(path);
    }
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text.slice(0, 65536))) throw binaryError(path);
    return { text, encoding: le ? 'utf-16le' : 'utf-16be' };
  }
  assertTextual(bytes, path);
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8' };
  } catch {
    return lenientGb(bytes, path);
  }
}
