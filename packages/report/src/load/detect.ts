/**
 * Which loader a file needs. The extension is a claim; the first bytes are evidence. When they disagree the
 * content wins (a .doc that is really .docx, an .html saved as .txt) and a LoadNote records it.
 */
import type { LoadNote, SourceFormat } from '../model/types.js';
import { unsupportedError } from './errors.js';

export interface DetectedFormat {
  format: SourceFormat;
  note?: LoadNote;
}

const EXT: Record<string, SourceFormat> = {
  txt: 'txt', text: 'txt',
  md: 'md', markdown: 'md', mdown: 'md', mkd: 'md',
  html: 'html', htm: 'html', shtml: 'html', xhtml: 'html', jhtml: 'html', jsp: 'html', asp: 'html', aspx: 'html', php: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

function extOf(path: string): string {
  const base = path.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** A printable ASCII-ish look at the first KB, enough for tag and markdown sniffing. */
function head(bytes: Uint8Array, n = 4096): string {
  const len = Math.min(bytes.length, n);
  let s = '';
  for (let i = 0; i < len; i++) {
    const b = bytes[i]!;
    s += b < 0x80 ? String.fromCharCode(b) : 'x'; // any non-ASCII byte stands for a printable character
  }
  return s;
}

const HTML_HINT = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;
const HTML_ANYWHERE = /<(?:html|body)\b[^>]*>/i;
const MD_HINT = /^(?:#{1,6}[ \t]+\S|\|?[ \t]*:?-{3,}:?[ \t]*\|)|<!--\s*gongkai-/m;

type Sniffed = SourceFormat | 'doc' | 'binary' | 'text';

function sniff(bytes: Uint8Array): Sniffed {
  let at = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) at = 3;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  const h = head(bytes, 1024).slice(at);
  if (/^\s*%PDF-/.test(h)) return 'pdf';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'text';
  const h4 = head(bytes).slice(at);
  if (HTML_HINT.test(h4) || HTML_ANYWHERE.test(h4)) return 'html';
  if (MD_HINT.test(h4)) return 'md';
  return 'text';
}

function mismatch(ext: string, format: SourceFormat): LoadNote {
  return {
    code: 'format-mismatch',
    message: {
      zh: `扩展名为 .${ext}，但内容是 ${format.toUpperCase()} 格式，已按内容读取`,
      en: `the extension is .${ext} but the content is ${format.toUpperCase()}; read as ${format}`,
    },
  };
}

export function detectFormat(bytes: Uint8Array, path: string): DetectedFormat {
  const ext = extOf(path);
  const claimed = EXT[ext];
  const found = sniff(bytes);
  if (found === 'doc') {
    throw unsupportedError(ext === 'doc' || ext === 'wps' ? `.${ext}（旧版 Word 二进制格式 / legacy Word binary; 请另存为 .docx）` : 'Word 97-2003 (.doc)', path);
  }
  if (found === 'docx' || found === 'pdf' || found === 'html') {
    if (claimed === undefined || claimed === found) return { format: found };
    // A markdown file may legitimately start with a bit of HTML; only a real document shell overrides .md.
    if (found === 'html' && claimed === 'md' && !HTML_HINT.test(head(bytes))) return { format: 'md' };
    return { format: found, note: mismatch(ext || '?', found) };
  }
  // Plain text content.
  if (claimed === 'txt' || claimed === 'md' || claimed === 'html') return { format: claimed };
  if (claimed === 'docx' || claimed === 'pdf') {
    const format: SourceFormat = found === 'md' ? 'md' : 'txt';
    return { format, note: mismatch(ext, format) };
  }
  // No extension (or a log dump): plain text is the honest default.
  if (ext === '' || ext === 'log') return { format: found === 'md' ? 'md' : 'txt' };
  throw unsupportedError(`.${ext}`, path);
}
