import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadReport } from '@gongkai/report';
import { inflatedSize } from '../../src/load/docx-zip-guard.js';

const docx = readFileSync(new URL('../../../../fixtures/reports/report-2024-clean.docx', import.meta.url));

/** A copy whose central directory claims every part inflates to `size` bytes: a zip bomb, as far as the header says. */
function claimSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('DOCX zip-bomb guard', () => {
  it('adds up the inflated sizes from the central directory', () => {
    const size = inflatedSize(docx)!;
    expect(size).toBeGreaterThan(docx.length);
    expect(size).toBeLessThan(5 * 1024 * 1024);
  });

  it('refuses a package that claims to inflate past the limit, before decompressing it', async () => {
    const bomb = claimSize(docx, 0xfffffff0);
    await expect(loadReport(bomb, 'bomb.docx')).rejects.toMatchObject({ code: 'load/too-large' });
  });

  it('still reads the real file', async () => {
    const doc = await loadReport(docx, 'r.docx');
    expect(doc.headings.length).toBeGreaterThan(6);
  });
});
