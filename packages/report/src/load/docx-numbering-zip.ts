/**
 * Opens the DOCX package, finds its main document, numbering and styles parts the way mammoth does (through the
 * relationship parts, with the usual paths as fallback) and returns a copy of the package whose document.xml
 * carries the list labels. Returns null whenever there is nothing to add or anything about the package is odd,
 * so the caller simply converts the original bytes.
 */
import JSZip from 'jszip';
import { attr, scanTags } from './docx-numbering-xml.js';
import { labelDocumentXml, type ParagraphLabel } from './docx-numbering.js';

function decodeUtf8Part(bytes: Uint8Array): string | null {
  // A UTF-16 part would be written back as UTF-8 under a UTF-16 declaration; such files are rare enough to skip.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

async function readPart(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return null;
  return decodeUtf8Part(await file.async('uint8array'));
}

function joinPath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base ? base.split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function relsPathFor(part: string): string {
  const dir = dirname(part);
  const name = part.slice(dir ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ''}_rels/${name}.rels`;
}

/** Target of the first relationship of `type` (matched by its last path segment) that exists in the package. */
async function relatedPart(zip: JSZip, relsPath: string, base: string, type: string, fallback: string): Promise<string> {
  const rels = await readPart(zip, relsPath);
  if (rels) {
    for (const tag of scanTags(rels)) {
      if (tag.closing || tag.local !== 'Relationship') continue;
      const relType = attr(tag.attrText, 'Type');
      const target = attr(tag.attrText, 'Target');
      if (!relType || !target || relType.slice(relType.lastIndexOf('/') + 1) !== type) continue;
      if (attr(tag.attrText, 'TargetMode') === 'External') continue;
      const path = joinPath(base, target);
      if (zip.file(path)) return path;
    }
  }
  return fallback;
}

export interface LabelledPackage {
  bytes: Uint8Array;
  labels: ParagraphLabel[];
}

interface OpenPackage {
  zip: JSZip;
  main: string;
  numbering: string;
  styles: string;
}

async function openPackage(bytes: Uint8Array): Promise<OpenPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const main = await relatedPart(zip, '_rels/.rels', '', 'officeDocument', 'word/document.xml');
  const docRels = relsPathFor(main);
  const base = dirname(main);
  const sibling = (name: string) => `${base ? `${base}/` : ''}${name}.xml`;
  return {
    zip,
    main,
    numbering: await relatedPart(zip, docRels, base, 'numbering', sibling('numbering')),
    styles: await relatedPart(zip, docRels, base, 'styles', sibling('styles')),
  };
}

// DEFLATE lets JSZip copy the untouched (already deflated) entries instead of recompressing them.
const repack = (zip: JSZip): Promise<Uint8Array> => zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

export async function withListLabels(bytes: Uint8Array): Promise<LabelledPackage | null> {
  try {
    const pkg = await openPackage(bytes);
    const numbering = await readPart(pkg.zip, pkg.numbering);
    if (!numbering) return null;
    const document = await readPart(pkg.zip, pkg.main);
    if (!document) return null;
    const styles = (await readPart(pkg.zip, pkg.styles)) ?? undefined;
    const { xml, labels } = labelDocumentXml(document, numbering, styles);
    if (!labels.length) return null;
    pkg.zip.file(pkg.main, xml);
    return { bytes: await repack(pkg.zip), labels };
  } catch {
    return null;
  }
}

/**
 * The package without its numbering part, or null when it has none. mammoth rejects the whole document when
 * numbering.xml is not well-formed, although only the list numbers depend on it.
 */
export async function withoutNumberingPart(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const pkg = await openPackage(bytes);
    if (!pkg.zip.file(pkg.numbering)) return null;
    pkg.zip.remove(pkg.numbering);
    return await repack(pkg.zip);
  } catch {
    return null;
  }
}
