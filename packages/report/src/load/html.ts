/**
 * Government article pages → RawDocument, for pages as agency sites publish them: full pages inside big templates,
 * bare article fragments without <html>/<body>, Word-exported bodies whose text is split over <span>/<font>/<o:p>,
 * and a metadata table or block above the article. The article block is chosen by its content (html-article.ts);
 * text outside it is read only for metadata (html-meta.ts) and the title.
 *
 * The `source` this loader returns is NOT the HTML: it is the extracted text, one block per line (table rows are one
 * line each, cells separated by tabs). Every offset, and so every finding's line number, points into that text —
 * HTML line numbers would be meaningless after whitespace collapsing and entity decoding. Directive comments are
 * re-anchored to the extracted lines for the same reason.
 */
import * as cheerio from 'cheerio';
import type { RawDocument } from '../model/raw.js';
import type { LoadNote } from '../model/types.js';
import { looksLikeTitle } from '../model/metadata.js';
import { normalizeWidth } from '../text/normalize.js';
import { decodeText, decodeWith, normalizeLabel, type DecodedText } from './decode.js';
import { clean, type DomNode } from './html-dom.js';
import { chooseArticle, collectUnits, findTitleUnit, nearestTitleBefore, type Unit } from './html-article.js';
import { addTagPublished, readLabelValue, readMetaLine, readMetaTable, readTagMeta, type Meta } from './html-meta.js';
import { TextEmitter, emitArticle } from './html-emit.js';

// --- decoding -------------------------------------------------------------------------------------------------

function asciiHead(bytes: Uint8Array, n: number): string {
  const len = Math.min(bytes.length, n);
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(bytes[i]! < 0x80 ? bytes[i]! : 0x20);
  return s;
}

const CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** HTML bytes → text, honouring a BOM first, then <meta charset> / http-equiv, then the usual UTF-8/GB18030 guess. */
export function decodeHtmlBytes(bytes: Uint8Array, path?: string): DecodedText & { note?: LoadNote } {
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  const declared = bom ? undefined : CHARSET_RE.exec(asciiHead(bytes, 4096))?.[1];
  if (!declared) return decodeText(bytes, path);
  const want = normalizeLabel(declared);
  const got = decodeWith(bytes, declared, path);
  if (want && want !== got.encoding.replace('-bom', '')) {
    return {
      ...got,
      note: {
        code: 'encoding',
        message: {
          zh: `页面声明编码为 ${declared}，但内容按 ${got.encoding} 才能正确解码`,
          en: `the page declares charset ${declared} but only decodes as ${got.encoding}`,
        },
      },
    };
  }
  return got;
}

// --- extraction -----------------------------------------------------------------------------------------------

const TITLE_META = ['ArticleTitle', 'articletitle', 'title', '标题', '名称'];

function titleParts(t: string): string[] {
  return t.split(/\s*[_|｜]\s*|\s+[-–—]\s+/).map((p) => p.trim()).filter((p) => looksLikeTitle(normalizeWidth(p)));
}

function htmlTitle(root: DomNode): string {
  const find = (n: DomNode): DomNode | undefined => {
    if (n.type === 'tag' && n.name === 'title') return n;
    for (const c of n.children ?? []) {
      const f = find(c);
      if (f) return f;
    }
    return undefined;
  };
  const t = find(root);
  return t ? clean((t.children ?? []).map((c) => c.data ?? '').join('')) : '';
}

const inside = (u: Unit, container: DomNode | undefined) => container === undefined || u.owners.includes(container);

/**
 * Metadata from the text around the article (metadata tables are read before, for their 标题): metadata lines outside the article and at
 * its top (before its first line that is not metadata), and a bare label followed by its value in the next unit.
 */
function readPageMeta(meta: Meta, units: Unit[], container: DomNode | undefined): void {
  let leading = true;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const isInside = inside(u, container);
    if (u.table || (isInside && !leading)) continue;
    const wasMeta = readMetaLine(meta, u.spaced) || readLabelValue(meta, u.spaced, units[i + 1]?.spaced);
    if (isInside && !wasMeta) leading = false;
  }
}

export function loadHtml(html: string, encoding: string, notes: LoadNote[] = []): RawDocument {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const root = $.root()[0] as unknown as DomNode;
  const meta: Meta = {};
  const tagPublished = readTagMeta(root, meta);
  const units = collectUnits(root);
  for (const u of units) if (u.metaTable) readMetaTable(meta, u.table!);

  const pageTitle = titleParts(htmlTitle(root));
  const declared = [...TITLE_META.map((k) => meta[k] ?? ''), ...pageTitle.slice(0, 1)].filter((t) => t !== '');
  let titleAt = findTitleUnit(units, declared);
  const { container } = chooseArticle(units, titleAt);
  const firstInside = units.findIndex((u) => inside(u, container));
  if (titleAt < 0 && container) titleAt = nearestTitleBefore(units, firstInside);
  readPageMeta(meta, units, container);
  addTagPublished(meta, tagPublished);

  const out = new TextEmitter();
  const titleUnit = titleAt >= 0 ? units[titleAt] : undefined;
  // The page's own heading for the article usually sits above the article block; it is part of the document.
  if (titleUnit && titleAt < firstInside) out.standalone(titleUnit.text);
  const metaTables = new Set(units.filter((u) => u.metaTable).map((u) => u.table!));
  emitArticle(root, container, out, metaTables);

  const doc: RawDocument = { format: 'html', encoding, source: out.source, blocks: out.blocks, meta, notes, directives: out.directives };
  const title = titleUnit?.text ?? declared[0];
  if (title) doc.title = title;
  return doc;
}
