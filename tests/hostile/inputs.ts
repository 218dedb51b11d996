/**
 * Builders for the hostile inputs of issue 14, made at run time in a temp directory so nothing large is committed.
 * Large files are sparse (truncate) or compressed, so building them costs neither disk nor much time.
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

interface ZipPart {
  name: string;
  /** Raw deflate data. */
  data: Uint8Array;
  crc: number;
  /** What the headers claim the part inflates to (a zip bomb lies here). */
  declaredSize: number;
}

/** A zip whose headers say what each part claims, not what it holds. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(p.data));
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function plain(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(bytes), crc: crc32(bytes), declaredSize: bytes.length };
}

/** Deflates head + `padMb` MB of spaces + tail as one stream, without ever holding the inflated text. */
async function deflatedPadding(head: string, padMb: number, tail: string): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const write = async (b: Buffer) => {
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  let crc = 0;
  let size = 0;
  for (const b of [Buffer.from(head), ...Array.from({ length: padMb }, () => spaces), Buffer.from(tail)]) {
    crc = crc32(b, crc);
    size += b.length;
    await write(b);
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(chunks), crc, size };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * A Word file whose document.xml (the part mammoth must read) inflates to `padMb` MB of whitespace while every
 * header claims 2 KB: the declared-size check passes it, and only counting the real output stops it. With
 * `honest`, the headers state the real size instead.
 */
export async function paddedDocx(padMb: number, honest = false): Promise<Buffer> {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`;
  const tail = '<w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>';
  const doc = await deflatedPadding(head, padMb, tail);
  return zipOf([
    plain(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    plain(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    { name: 'word/document.xml', data: doc.data, crc: doc.crc, declaredSize: honest ? doc.size : 2048 },
  ]);
}

/** `levels` list markers on one line: 2 bytes a level, the shape that took remark a minute at 10,000. */
export function nestedListOneLine(levels: number): string {
  return `# 年度报告\n\n${'- '.repeat(levels)}深\n`;
}

/** A list nested `levels` deep by indentation, one item a line. */
export function nestedListIndented(levels: number): string {
  const lines = ['# 年度报告', ''];
  for (let i = 0; i < levels; i++) lines.push(`${'  '.repeat(i)}- 第${i + 1}层`);
  return `${lines.join('\n')}\n`;
}

/** A GFM table of `rows` rows. */
export function hugeTable(rows: number): string {
  const lines = ['# 年度报告', '', '| 项目 | 数量 |', '| --- | --- |'];
  for (let i = 0; i < rows; i++) lines.push(`| 第${i}项 | ${i} |`);
  return `${lines.join('\n')}\n`;
}

/** `levels` nested <div>s: deep recursion for any tree walk in the HTML loader or the model. */
export function nestedHtml(levels: number): string {
  return `<html><body><h1>年度报告</h1>${'<div>'.repeat(levels)}内容${'</div>'.repeat(levels)}</body></html>`;
}
