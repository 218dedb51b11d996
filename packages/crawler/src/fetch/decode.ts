/**
 * Turning response bytes into text the way a careful browser would, plus the checks a compliance auditor needs:
 * government sites routinely declare one charset and send another, so a declaration that does not decode is
 * treated as a finding (`mismatch`) rather than trusted into mojibake.
 */

export interface DecodedBody {
  text: string;
  /** WHATWG name of the encoding actually used (`utf-8`, `gb18030`, `utf-16le` …). */
  encoding: string;
  /** The charset the server declared (HTTP header first, then `<meta>`), as written. */
  declared?: string;
  /** Where the declaration came from. */
  declaredBy?: 'bom' | 'header' | 'meta';
  /** The declaration could not be used for these bytes and another encoding was chosen. */
  mismatch: boolean;
}

/**
 * Every label of the GB family goes to gb18030: the `gbk` decoder in Node does not decode four-byte sequences and
 * silently drops some invalid bytes, and gb18030 is a superset. `cp936`/`ms936`/`windows-936` are not WHATWG
 * labels at all (TextDecoder throws), but Windows-made pages use them.
 */
const GB_LABELS = new Set([
  'gb2312', 'gbk', 'x-gbk', 'chinese', 'csgb2312', 'iso-ir-58', 'gb_2312-80', 'gb_2312', 'gb-2312', 'gb18030',
  'gb-18030', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'x-euc-cn', 'csgbk', 'cn-gb', 'gb2312-80',
]);

/** Maps a charset label to the name TextDecoder accepts, or undefined when the label is unknown. */
export function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const clean = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (!clean) return undefined;
  if (GB_LABELS.has(clean)) return 'gb18030';
  if (clean === 'utf8' || clean === 'utf-8' || clean === 'unicode-1-1-utf-8') return 'utf-8';
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return undefined;
  }
}

/** `charset=` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? m[2] : undefined;
}

/**
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` within the first 1024 bytes.
 * The prescan reads bytes as latin1 so any ASCII-compatible encoding can be scanned before it is known.
 */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, 1024));
  const metaRe = /<meta\b[^>]*>/gi;
  let m: RegExpExecArray | null;
  while ((m = metaRe.exec(head))) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i.exec(tag);
    if (direct && !/\bcontent\s*=/i.test(tag.slice(0, direct.index))) return direct[1];
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag) ?? /\bcontent\s*=\s*([^\s>]+)/i.exec(tag);
      const value = content ? content[content.length - 1] : undefined;
      const cs = value ? /charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)/i.exec(value) : null;
      if (cs) return cs[1];
    }
    if (direct) return direct[1];
  }
  // XML documents (Hanweb dataproxy answers) declare it in the prolog.
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_:.\-]+)["']/i.exec(head);
  return xml ? xml[1] : undefined;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/**
 * Order: BOM, HTTP charset, `<meta>` charset, strict UTF-8, gb18030. A declaration is only used when it decodes
 * the bytes without error; a GB declaration on bytes that are valid multi-byte UTF-8 is also treated as wrong,
 * because GB18030 accepts almost any byte pair and would otherwise hide the mistake as mojibake.
 */
export function decodeBody(bytes: Uint8Array, contentTypeHeader?: string): DecodedBody {
  const bom = bomEncoding(bytes);
  const headerLabel = charsetFromContentType(contentTypeHeader);
  if (bom) {
    const text = new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.skip));
    const declared = headerLabel ?? charsetFromMeta(bytes.subarray(bom.skip));
    return { text, encoding: bom.encoding, declared, declaredBy: declared ? (headerLabel ? 'header' : 'meta') : 'bom', mismatch: false };
  }

  const metaLabel = charsetFromMeta(bytes);
  const declared = headerLabel ?? metaLabel;
  const declaredBy = headerLabel ? 'header' : metaLabel ? 'meta' : undefined;
  const high = hasHighBytes(bytes);

  const candidates: string[] = [];
  for (const label of [headerLabel, metaLabel]) {
    const enc = normaliseCharset(label);
    if (!enc) continue;
    // Latin-1/ASCII labels (all windows-1252 to TextDecoder) never fail to decode, and are never right for
    // a Chinese page with non-ASCII bytes; skipping them lets the fallbacks find the real encoding.
    if (enc === 'windows-1252' && high) continue;
    if (!candidates.includes(enc)) candidates.push(enc);
  }

  const declaredEnc = candidates[0];
  for (const enc of candidates) {
    const text = tryDecode(bytes, enc);
    if (text === undefined) continue;
    if (enc === 'gb18030' && high) {
      const asUtf8 = tryDecode(bytes, 'utf-8');
      if (asUtf8 !== undefined) return finish(asUtf8, 'utf-8');
    }
    return finish(text, enc);
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return finish(utf8, 'utf-8');
  return finish(new TextDecoder('gb18030').decode(bytes), 'gb18030');

  function finish(text: string, encoding: string): DecodedBody {
    // Nothing was declared, or the first usable declaration was the one used: no finding.
    let mismatch = false;
    if (declared !== undefined) {
      const declaredUsable = normaliseCharset(declared);
      mismatch = declaredEnc === undefined ? high || declaredUsable === undefined : encoding !== declaredEnc;
      if (!high && declaredUsable !== undefined) mismatch = false;
    }
    return { text, encoding, declared, declaredBy, mismatch };
  }
}
