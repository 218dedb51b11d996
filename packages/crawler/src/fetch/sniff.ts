/**
 * Content-type sniffing. Government servers mislabel a lot: PDFs without a Content-Type, Office files as
 * `application/octet-stream`, error pages served as `application/pdf`, JSON APIs as `text/html`. The magic bytes
 * win over the header whenever they say something the header contradicts.
 */

const OFFICE_BY_EXT: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
};

/** The media type of a Content-Type value, lowercased, without parameters. */
export function mediaType(contentTypeHeader: string | undefined): string | undefined {
  if (!contentTypeHeader) return undefined;
  const t = contentTypeHeader.split(';')[0].trim().toLowerCase();
  return t || undefined;
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

function extensionOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* a bare path is fine */
  }
  const m = /\.([a-z0-9]{1,5})$/i.exec(path);
  return m ? m[1].toLowerCase() : undefined;
}

/** What the first bytes are, or undefined when they say nothing definite. */
export function magicType(bytes: Uint8Array, url?: string): string | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf';
  const ext = extensionOf(url);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML and OFD are both zip containers; only the name tells them apart without unzipping.
    if (ext && ['docx', 'xlsx', 'pptx', 'ofd'].includes(ext)) return OFFICE_BY_EXT[ext];
    return 'application/zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (ext && ['doc', 'xls', 'ppt', 'wps', 'et'].includes(ext)) return OFFICE_BY_EXT[ext];
    return 'application/x-ole-storage';
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'application/vnd.rar';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'application/gzip';
  return textualType(bytes);
}

function textualType(bytes: Uint8Array): string | undefined {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  // Enough to get past a BOM, whitespace and a comment or two; latin1 keeps byte offsets.
  let head = '';
  const end = Math.min(bytes.length, start + 1024);
  for (let i = start; i < end; i++) head += String.fromCharCode(bytes[i]);
  const trimmed = head.replace(/^[\s\u0000]+/, '');
  const lower = trimmed.toLowerCase();
  if (lower.startsWith('<?xml')) return /<html[\s>]/.test(lower) ? 'text/html' : 'application/xml';
  if (/^<!doctype\s+html/.test(lower) || /^<(html|head|body|meta|title|script|div|table)[\s>\/]/.test(lower)) return 'text/html';
  if (/^<!--/.test(lower) && /<(html|head|body)[\s>]/.test(lower)) return 'text/html';
  if (/^[{[]/.test(trimmed) && looksLikeJson(trimmed)) return 'application/json';
  return undefined;
}

function looksLikeJson(head: string): boolean {
  // A full parse is impossible on a 1 KB prefix; accept a structural start followed by a JSON token.
  return /^\{\s*("|\})/.test(head) || /^\[\s*("|\{|\[|\]|-?\d|true|false|null)/.test(head);
}

const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-download', 'application/download', 'application/force-download', 'text/plain', 'application/unknown', 'unknown/unknown']);
const TEXTUAL_HEADER = /^(text\/|application\/(xhtml\+xml|xml|json|javascript)|[^;]*\+(xml|json))/;

/**
 * The content type to believe. Magic bytes override a missing, generic or contradicting header; a more specific
 * header that agrees with the bytes (an OOXML type over a bare zip signature) is kept.
 */
export function sniffContentType(bytes: Uint8Array, contentTypeHeader?: string, url?: string): string | undefined {
  const declared = mediaType(contentTypeHeader);
  const magic = magicType(bytes, url);
  if (!magic) {
    if (declared && declared !== 'application/octet-stream') return declared;
    const ext = extensionOf(url);
    if (!declared && ext && OFFICE_BY_EXT[ext]) return OFFICE_BY_EXT[ext];
    return declared;
  }
  if (!declared || GENERIC.has(declared)) return magic;
  if (declared === magic) return declared;
  const magicIsZipFamily = magic === 'application/zip' || magic.includes('openxmlformats') || magic === 'application/ofd';
  const magicIsOle = magic === 'application/x-ole-storage' || magic === 'application/msword' || magic === 'application/vnd.ms-excel' || magic === 'application/vnd.ms-powerpoint' || magic === 'application/vnd.ms-works';
  if (magicIsZipFamily && /(zip|openxmlformats|ofd|wps|kingsoft)/.test(declared)) return declared;
  if (magicIsOle && /(msword|ms-excel|ms-powerpoint|ms-works|wps|kingsoft|ole)/.test(declared)) return declared;
  if (magic === 'application/xml' && /\+xml$|\/xml$|xhtml/.test(declared)) return declared;
  if (magic === 'text/html' && declared === 'application/xhtml+xml') return declared;
  if (magic === 'application/json' && /json/.test(declared)) return declared;
  if (magic === 'application/json' && TEXTUAL_HEADER.test(declared) && declared !== 'text/html') return declared;
  return magic;
}

/** Content types whose body is decoded to text for the layers above. */
export function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return TEXTUAL_HEADER.test(contentType) || contentType === 'application/x-javascript';
}
