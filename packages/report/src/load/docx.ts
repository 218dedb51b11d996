/**
 * DOCX loader: mammoth turns the Word body into HTML (keeping tables and mapping heading styles to <h1>–<h6>),
 * and the HTML is segmented into raw blocks. Word's automatic list numbers are not part of the text mammoth
 * extracts, so a heading numbered by Word's list feature arrives without its "一、".
 */
import mammoth from 'mammoth';
import { GongkaiError } from '@gongkai/core';
import type { RawDocument } from '../model/raw.js';
import { blocksFromMammothHtml, TITLE_CLASS } from './docx-html.js';

// Word stores built-in style names in English, but documents made with WPS or localised templates often carry
// the Chinese names, so both are mapped.
const STYLE_MAP = [
  `p[style-name='Title'] => p.${TITLE_CLASS}:fresh`,
  `p[style-name='标题'] => p.${TITLE_CLASS}:fresh`,
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='标题${n}'] => h${n}:fresh`]),
];

function corrupt(detail: string, zh = '无法读取 DOCX 文件：文件已损坏或不是 Word 文档（{detail}）', en = 'cannot read the DOCX file: it is damaged or not a Word document ({detail})'): GongkaiError {
  return new GongkaiError('load/corrupt', { zh, en }, { detail });
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] ?? msg).trim().slice(0, 160);
}

export async function loadDocx(bytes: Uint8Array): Promise<RawDocument> {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw corrupt('OLE2 .doc', '这是旧版 Word（.doc）文件，不是 DOCX；请另存为 .docx 后再检查', 'this is a legacy Word (.doc) file, not DOCX; save it as .docx and check again');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw corrupt('not a zip archive');
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: false, includeDefaultStyleMap: true });
    html = result.value;
  } catch (e) {
    throw corrupt(firstLine(e));
  }
  const { out, title } = blocksFromMammothHtml(html);
  return {
    format: 'docx',
    encoding: 'binary',
    source: out.source,
    blocks: out.blocks,
    ...(title !== undefined ? { title } : {}),
    meta: {},
    notes: [],
    directives: [],
  };
}
