/**
 * Issue 14, PDF resource fan-out: small PDFs that describe enormous work (form XObjects drawing each other ten
 * times per level; a million pages sharing one page object) must end with `load/too-complex` — exit 2, one line —
 * under 10 s and 600 MB, in the real CLI. The bounds behind that (pages, text runs, operators, form nesting, page
 * and document deadlines, worker heap) are also checked one by one through `loadPdf`, each with a limit lowered
 * just below what a small input needs, so each test fails if its bound is not enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGongkaiError } from '@gongkai/core';
import { tempDir } from '../helpers/cli.js';
import { loadPdf } from '../../packages/report/src/load/pdf-worker-host.js';
import { declaredPages, type PdfLimits } from '../../packages/report/src/load/pdf-limits.js';
import { runMeasured, expectBounded, expectOneLineError } from './helpers.js';
import { manyPagesPdf, nestedFormsPdf, plainPdf } from './pdf-writer.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('gongkai-hostile-pdf-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);

describe('hostile PDFs in the CLI', () => {
  it('forms that each draw the previous one ten times, seven levels deep (3 KB), are refused', async () => {
    const bytes = nestedFormsPdf(7);
    expect(bytes.length).toBeLessThan(4096);
    writeFileSync(at('forms.pdf'), bytes);
    const run = await runMeasured(['report', '--locale', 'en', at('forms.pdf')]);
    expectOneLineError('pdf nested forms 10^7', run, /forms\.pdf: the document is too complex to read \(page 1: /);
  });

  it('the same file gives the Chinese message by default', async () => {
    writeFileSync(at('forms-zh.pdf'), nestedFormsPdf(7));
    const run = await runMeasured(['report', at('forms-zh.pdf')]);
    expectOneLineError('pdf nested forms 10^7 (zh)', run, /forms-zh\.pdf: 文档结构过于复杂，已拒绝读取（第 1 页/);
  });

  it('a million pages sharing one page object (6 MB) are refused by the page bound', async () => {
    writeFileSync(at('million.pdf'), manyPagesPdf(1_000_000));
    const run = await runMeasured(['report', '--locale', 'en', at('million.pdf')]);
    expectOneLineError('pdf 1M pages', run, /million\.pdf: the document is too complex to read \(1000000 pages, limit 500\)/);
  });

  it('a plain 60-page document still loads and is checked', async () => {
    writeFileSync(at('plain.pdf'), plainPdf(60));
    const run = await runMeasured(['report', '--locale', 'en', '--format', 'json', at('plain.pdf')]);
    expectBounded('pdf plain 60 pages', run);
    const result = JSON.parse(run.stdout).results[0];
    expect(result.error).toBeUndefined();
  });
});

/** The error code and English text a load ends with, or 'ok'. */
async function outcome(bytes: Uint8Array, limits: Partial<PdfLimits>): Promise<string> {
  try {
    await loadPdf(bytes, limits);
    return 'ok';
  } catch (e) {
    if (!isGongkaiError(e)) throw e;
    return `${e.code}: ${e.render('en')}`;
  }
}

describe('each PDF bound on its own', () => {
  it('pages: the count the file states is read from its bytes, before pdf.js parses the page tree', async () => {
    expect(declaredPages(manyPagesPdf(1234))).toBe(1234);
    expect(declaredPages(plainPdf(2))).toBe(2);
    expect(await outcome(manyPagesPdf(501), {})).toBe('load/too-complex: the document is too complex to read (501 pages, limit 500)');
  });

  it('pages: one page over the bound is refused before any page is read; at the bound it loads', async () => {
    expect(await outcome(plainPdf(3), { maxPages: 2 })).toBe('load/too-complex: the document is too complex to read (3 pages, limit 2)');
    expect(await outcome(plainPdf(3), { maxPages: 3 })).toBe('ok');
  });

  it('text runs per page', async () => {
    expect(await outcome(plainPdf(1, 30), { maxItemsPerPage: 10 })).toMatch(/page 1: more than 10 text runs/);
    expect(await outcome(plainPdf(1, 30), { maxItemsPerPage: 30 })).toBe('ok');
  });

  it('drawing operators per page, forms expanded', async () => {
    // Three levels: the page paints 111 forms, 100 of them innermost ones of several operators each (~1150).
    expect(await outcome(nestedFormsPdf(3), { maxOperatorsPerPage: 1000 })).toMatch(/page 1: more than 1000 drawing operations/);
    expect(await outcome(nestedFormsPdf(3), {})).toBe('ok');
  });

  it('form nesting depth', async () => {
    expect(await outcome(nestedFormsPdf(3), { maxFormDepth: 2 })).toMatch(/page 1: form XObjects nested more than 2 deep/);
    expect(await outcome(nestedFormsPdf(3), { maxFormDepth: 3 })).toBe('ok');
  });

  it('the page deadline stops pdf.js in the middle of a page', async () => {
    const started = Date.now();
    expect(await outcome(nestedFormsPdf(8), { pageTimeoutMs: 300 })).toMatch(/page 1: reading it took more than 0\.3 s/);
    // Stopped at the deadline, not after pdf.js finished the page (which takes minutes).
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the document deadline', async () => {
    expect(await outcome(nestedFormsPdf(8), { timeoutMs: 300 })).toMatch(/too complex to read \(reading it took more than 0\.3 s\)/);
  });

  it('the worker heap bound turns running out of memory into load/too-complex', async () => {
    // 10^6 innermost forms with the page deadline out of the way: the operator list outgrows a 48 MB heap.
    expect(await outcome(nestedFormsPdf(6), { maxMemoryMb: 48, pageTimeoutMs: 60_000, timeoutMs: 60_000, maxItemsPerPage: 1e9, maxOperatorsPerPage: 1e9 })).toBe(
      'load/too-complex: the document is too complex to read (reading it needs more than 48 MB of memory)',
    );
  });

  it("the caller's bytes stay usable (the worker gets a copy, even of a pooled Buffer view)", async () => {
    const pooled = Buffer.from(plainPdf(1));
    await loadPdf(pooled);
    expect(pooled.byteLength).toBeGreaterThan(0);
    expect(pooled.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the worker is usable again after it was stopped', async () => {
    expect(await outcome(nestedFormsPdf(8), { pageTimeoutMs: 200 })).toMatch(/too-complex/);
    expect(await outcome(plainPdf(2), {})).toBe('ok');
  });
});
