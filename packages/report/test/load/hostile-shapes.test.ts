import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { loadMarkdown, loadReport, loadReportFile } from '../../src/load/index.js';
import { MAX_MD_NESTING, MAX_MD_TABLE_LINES, guardMarkdownShape } from '../../src/load/md.js';
import { MAX_HTML_DEPTH, guardHtmlDepth } from '../../src/load/html-depth.js';
import { InflateBudgetError, realInflatedSize, zipEntries } from '../../src/load/docx-inflate.js';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('markdown shape guard', () => {
  it('refuses nesting past the bound, by markers on one line, by indentation and by quotes', () => {
    expect(code(() => guardMarkdownShape(`${'- '.repeat(MAX_MD_NESTING + 1)}x`))).toBe('load/too-complex');
    expect(code(() => guardMarkdownShape(`${'> '.repeat(MAX_MD_NESTING + 1)}x`))).toBe('load/too-complex');
    const indented = Array.from({ length: MAX_MD_NESTING + 2 }, (_, i) => `${'  '.repeat(i)}- ${i}`).join('\n');
    expect(code(() => guardMarkdownShape(indented))).toBe('load/too-complex');
  });

  it('accepts nesting at the bound, thematic breaks and deeply indented plain text', () => {
    expect(code(() => guardMarkdownShape(`${'- '.repeat(MAX_MD_NESTING)}x`))).toBeUndefined();
    expect(code(() => guardMarkdownShape(`${'- '.repeat(200)}\n${'* '.repeat(200)}`))).toBeUndefined();
    expect(code(() => guardMarkdownShape(`${' '.repeat(1000)}正文缩进很深的一行`))).toBeUndefined();
  });

  it('refuses a table longer than the bound and keeps its rows counted only while the pipes run', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `| ${i} | x |`).join('\n');
    expect(code(() => guardMarkdownShape(rows(MAX_MD_TABLE_LINES + 1)))).toBe('load/too-complex');
    expect(code(() => guardMarkdownShape(`${rows(MAX_MD_TABLE_LINES)}\n\n${rows(MAX_MD_TABLE_LINES)}`))).toBeUndefined();
  });

  it('loadMarkdown names the file in the error', () => {
    expect(() => loadMarkdown(`${'- '.repeat(500)}x`, 'utf-8', [], 'deep.md')).toThrow(/^deep\.md: the document is too complex/);
  });
});

describe('HTML depth guard', () => {
  it('counts nested elements, not void elements or ones whose end tag may be omitted', () => {
    const deep = (n: number) => `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`;
    expect(code(() => guardHtmlDepth(deep(MAX_HTML_DEPTH + 1)))).toBe('load/too-complex');
    expect(code(() => guardHtmlDepth(deep(MAX_HTML_DEPTH)))).toBeUndefined();
    expect(code(() => guardHtmlDepth('<p>段落'.repeat(5000) + '<br>'.repeat(5000) + '<img src=x/>'.repeat(5000)))).toBeUndefined();
  });
});

describe('loader limits', () => {
  it('refuses a table past the row bound in any text format with load/too-complex', async () => {
    const md = ['| a | b |', '| - | - |', ...Array.from({ length: 4000 }, (_, i) => `| ${i} | y |`)].join('\n');
    // Two tables of 4,000 rows each stay under the per-table row bound; the Markdown pre-scan sees a blank between.
    await expect(loadReport(Buffer.from(`# 报告\n\n${md}\n\n${md}\n`), 'two.md')).resolves.toBeDefined();
    const html = `<h1>报告</h1><table>${'<tr><td>1</td><td>2</td></tr>'.repeat(6000)}</table>`;
    await expect(loadReport(Buffer.from(html), 'wide.html')).rejects.toMatchObject({ code: 'load/too-complex' });
  });
});

describe('reading files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-load-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses devices and links to them without reading', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    await expect(loadReportFile(join(dir, 'zero.md'))).rejects.toMatchObject({ code: 'load/not-regular' });
    await expect(loadReportFile(dir)).rejects.toMatchObject({ code: 'load/unreadable' });
  });

  it('refuses an oversized file by its size, and a missing one as not found', async () => {
    writeFileSync(join(dir, 'big.md'), '# 报告\n');
    truncateSync(join(dir, 'big.md'), 3 * 1024 * 1024);
    await expect(loadReportFile(join(dir, 'big.md'), { maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'load/too-large' });
    await expect(loadReportFile(join(dir, 'none.md'))).rejects.toMatchObject({ code: 'load/not-found' });
  });

  it('reads files whose stat size is 0 in full (as under /proc)', async () => {
    const doc = await loadReportFile('/proc/self/status', { format: 'txt' });
    expect(doc.source).toMatch(/VmHWM/);
  });
});

describe('DOCX real inflated size', () => {
  /** A one-entry zip holding `data` deflated, with `declared` as the size its headers claim. */
  function oneEntryZip(data: Uint8Array, declared: number): Buffer {
    const comp = deflateRawSync(data);
    const name = Buffer.from('word/document.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length + comp.length, 16);
    return Buffer.concat([local, name, comp, central, name, end]);
  }

  it('counts what the data inflates to, whatever the headers claim', async () => {
    const zip = oneEntryZip(Buffer.alloc(300_000, 0x20), 10);
    const entries = zipEntries(zip)!;
    expect(entries.map((e) => e.name)).toEqual(['word/document.xml']);
    await expect(realInflatedSize(zip, entries, 1_000_000)).resolves.toBe(300_000);
    await expect(realInflatedSize(zip, entries, 100_000)).rejects.toBeInstanceOf(InflateBudgetError);
  });

  it('loadReport refuses the lying package with load/too-large', async () => {
    const zip = oneEntryZip(Buffer.alloc(200 * 1024 * 1024, 0x20), 2048);
    await expect(loadReport(zip, 'bomb.docx')).rejects.toMatchObject({ code: 'load/too-large' });
  });
});
