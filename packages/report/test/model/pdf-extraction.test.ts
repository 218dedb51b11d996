/**
 * A footer-ridden, hard-wrapped extraction (what pdftotext and PDF→Markdown tools make of a report) of our own clean
 * fixture, built at run time: lines cut at the page margin, a first-line indent dropped, page footers inside
 * paragraphs, table cells one per line with their labels wrapped. The checker must read the same report out of it
 * and turn none of the damage into errors.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, runPacks } from '../rules/helpers.js';
import { loadReport } from '../../src/load/index.js';

const cleanMd = path.join(fixturesDir, 'report-2024-clean.md');
const d = existsSync(cleanMd) ? describe : describe.skip;
const MARGIN = 35; // characters of CJK text per line

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

/** Renders Markdown the way a PDF text extraction comes out. */
export function asPdfExtraction(md: string): string {
  const lines: string[] = [];
  let above: string[] = [];
  for (const raw of md.split('\n')) {
    const line = raw.trim();
    if (!line || /^\|\s*-/.test(line)) continue;
    if (line.startsWith('|')) {
      // One cell per line, blank lines between, labels wider than the cell wrapped at four characters.
      // A merged cell is printed once (Markdown repeats it in every column and row it covers).
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const shown = cells.filter((c, i) => c !== cells[i - 1] && !(c === above[i] && !/^[0-9]+$/.test(c)));
      above = cells;
      for (const cell of shown) lines.push(...wrap(cell, 4), '');
      continue;
    }
    above = [];
    const text = line.replace(/^#+\s*/, '');
    lines.push(...(line.startsWith('#') ? [text] : wrap(text, MARGIN)));
  }
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l);
    if (i % 40 === 39) out.push('', `— ${Math.floor(i / 40) + 1} —`, '');
  });
  return out.join('\n');
}

d('a hard-wrapped, footer-ridden extraction of a clean report', () => {
  const text = existsSync(cleanMd) ? asPdfExtraction(readFileSync(cleanMd, 'utf8')) : '';
  for (const name of ['extracted.txt', 'extracted.md']) {
    it(`${name}: the same parts, no error, the damage said once`, async () => {
      const doc = await loadReport(new TextEncoder().encode(text), name);
      expect(doc.meta.title?.value).toBe('示例市科学技术局2024年政府信息公开工作年度报告');
      const parts = doc.headings.filter((h) => h.numbering?.style === 'chinese').map((h) => h.numbering!.raw);
      expect(parts).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
      const { findings } = await runPacks(doc, { published: '2025-01-20', agency: { level: 'department' } } as never);
      expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      const damage = findings.filter((f) => f.ruleId === 'report/extraction-quality');
      expect(damage).toHaveLength(1);
      expect(damage[0]!.data).toMatchObject({ damage: expect.arrayContaining(['hardBreaks', 'pageFooters']) });
    });
  }
});
