/**
 * A minimal PDF writer for the hostile suite: the inputs are built at run time (nothing large is committed) and
 * every byte of them is ours, so each case exercises exactly the structure it names. Objects are numbered from 1
 * in the order given; the cross-reference table is computed from the real byte offsets, so pdf.js reads the files
 * without falling back to its repair scan (which would test a different code path).
 */

/** One indirect object: a dictionary/array/number written as is, or a stream with its dictionary. */
export type PdfObject = string | { dict: string; stream: string };

const latin1 = (s: string) => Buffer.from(s, 'latin1');

export function writePdf(objects: PdfObject[], root = 1): Uint8Array {
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(offset);
    const body =
      typeof obj === 'string'
        ? obj
        : `<< ${obj.dict} /Length ${Buffer.byteLength(obj.stream, 'latin1')} >>\nstream\n${obj.stream}\nendstream`;
    const chunk = latin1(`${i + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(chunk);
    offset += chunk.length;
  });
  // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n/f, CR LF.
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f\r\n'];
  for (const o of offsets) xref.push(`${String(o).padStart(10, '0')} 00000 n\r\n`);
  xref.push(`trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  parts.push(latin1(xref.join('')));
  return new Uint8Array(Buffer.concat(parts));
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/**
 * Form XObjects where each draws the previous one `fanOut` times: painting the top one costs fanOut^depth
 * operations, in a file of a few kilobytes. The innermost form shows a little text and strokes a line, so both
 * the text extraction and the drawing-operator pass have work at every level.
 */
export function nestedFormsPdf(depth: number, fanOut = 10): Uint8Array {
  // 1 catalog, 2 pages, 3 page, 4 page content, 5 font, 6.. forms (6 = innermost).
  const forms: PdfObject[] = [];
  for (let level = 0; level < depth; level++) {
    const id = 6 + level;
    const draw =
      level === 0
        ? 'BT /F1 8 Tf 10 10 Td (x) Tj ET 0 0 m 20 20 l S'
        : Array.from({ length: fanOut }, (_, k) => `q 1 0 0 1 ${k} 0 cm /X${id - 1} Do Q`).join('\n');
    const resources = level === 0 ? `/Font << /F1 5 0 R >>` : `/XObject << /X${id - 1} ${id - 1} 0 R >>`;
    forms.push({ dict: `/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << ${resources} >>`, stream: draw });
  }
  const top = 6 + depth - 1;
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Top ${top} 0 R >> >> >>`,
    { dict: '', stream: 'BT /F1 12 Tf 72 760 Td (Annual report) Tj ET\n/Top Do' },
    FONT,
    ...forms,
  ]);
}

/**
 * A document of `count` pages that all are one page object sharing one content stream: the Kids array repeats
 * the same reference, so a million pages take about seven bytes each.
 */
export function manyPagesPdf(count: number): Uint8Array {
  const kids = Array.from({ length: count }, () => '3 0 R').join(' ');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    { dict: '', stream: 'BT /F1 12 Tf 72 760 Td (page text) Tj ET' },
    FONT,
  ]);
}

/** A plain document of `pages` distinct pages of text, as a control: it must load quickly and completely. */
export function plainPdf(pages: number, lines = 30): Uint8Array {
  const objects: PdfObject[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', FONT];
  const kids: string[] = [];
  for (let p = 0; p < pages; p++) {
    const pageId = objects.length + 1;
    kids.push(`${pageId} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageId + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    const text = Array.from({ length: lines }, (_, l) => `BT /F1 11 Tf 72 ${780 - l * 22} Td (Page ${p + 1} line ${l + 1} of the report body text.) Tj ET`);
    objects.push({ dict: '', stream: text.join('\n') });
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return writePdf(objects);
}
