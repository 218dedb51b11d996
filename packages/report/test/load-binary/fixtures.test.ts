// Checks the committed report fixtures themselves, so a hand edit or a regeneration cannot silently make the
// "clean" report inconsistent or the planted-error markers drift from the expectations file.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixture } from './helpers.js';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../fixtures/reports/${name}`, import.meta.url)), 'utf8');

function mdTables(md: string): string[][][] {
  const out: string[][][] = [];
  let cur: string[][] | null = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.every((c) => /^-+$/.test(c))) continue;
      (cur ??= []).push(cells);
    } else if (cur) {
      out.push(cur);
      cur = null;
    }
  }
  return out;
}

describe('report fixtures', () => {
  const md = read('report-2024-clean.md');

  it('clean Markdown: table 3 has 28 rows × 10 columns and satisfies every identity', () => {
    const t3 = mdTables(md).find((t) => t.some((r) => r[0]!.startsWith('一、本年新收')))!;
    expect(t3).toHaveLength(28);
    expect(t3.every((r) => r.length === 10)).toBe(true);
    const n = t3.slice(3).map((r) => r.slice(3).map(Number));
    for (let c = 0; c < 7; c++) {
      expect(n[0]![c]! + n[1]![c]!).toBe(n[23]![c]! + n[24]![c]!);
      expect(n.slice(2, 23).reduce((s, r) => s + r[c]!, 0)).toBe(n[23]![c]);
    }
    for (const row of n) expect(row.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(row[6]);
    const t4 = mdTables(md).find((t) => t[0]!.includes('行政复议'))!;
    const v = t4[3]!.map(Number);
    for (const g of [0, 5, 10]) expect(v[g]! + v[g + 1]! + v[g + 2]! + v[g + 3]!).toBe(v[g + 4]);
  });

  it('clean Markdown: prose figures agree with each other and with the tables', () => {
    const m = /主动公开政府信息(\d+)条，其中政策文件(\d+)条、工作动态(\d+)条、通知公告(\d+)条、人事信息(\d+)条/.exec(md)!;
    expect(Number(m[1])).toBe(Number(m[2]) + Number(m[3]) + Number(m[4]) + Number(m[5]));
    expect(((28 / 38) * 100).toFixed(1)).toBe(/占([\d.]+)%/.exec(md)![1]);
    const parts = /其中予以公开(\d+)件、部分公开(\d+)件、不予公开(\d+)件、无法提供(\d+)件、不予处理(\d+)件、其他处理(\d+)件/.exec(md)!;
    expect(parts.slice(1).map(Number).reduce((a, b) => a + b, 0)).toBe(38);
    expect(md).toContain('未收取信息处理费');
  });

  it('the GBK text file is GB18030-encoded (not UTF-8) and carries the same report', () => {
    const bytes = fixture('report-2024-clean.gbk.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('示例市科学技术局2024年政府信息公开工作年度报告');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t一、本年新收政府信息公开申请数量\t一、本年新收政府信息公开申请数量\t28\t6\t2\t0\t1\t1\t38');
    expect(lines).toContain('　　六、其他需要报告的事项');
  });

  it('the HTML page has the article metadata, the TRS body and merged table cells', () => {
    const html = read('report-2024-clean.html');
    expect(html).toContain('<meta name="PubDate" content="2025-01-20">');
    expect(html).toMatch(/发布机构：<\/td><td>示例市科学技术局/);
    expect(html).toMatch(/索引号：<\/td><td>[0-9/-]+</);
    expect(html).toContain('<div class="TRS_Editor">');
    expect(html).toMatch(/<td rowspan="22"[^>]*><p>三、本年度办理结果/);
    expect(html).toMatch(/<td rowspan="3" colspan="3"/);
  });

  it('planted-error markers in the Markdown match the expectations file line for line', () => {
    const errors = read('report-2024-errors.md').split('\n');
    const expected = JSON.parse(read('report-2024-errors.expected.json')) as { md: { ruleId: string; line: number }[] };
    const marked = errors.flatMap((l, i) => [...l.matchAll(/<!-- expect: ([^>]+?) -->/g)].flatMap((m) => m[1]!.split(/,\s*/).map((ruleId) => ({ ruleId, line: i + 1 }))));
    expect(marked).toEqual(expected.md);
    expect(new Set(marked.map((m) => m.ruleId))).toEqual(
      new Set(['report/required-section', 'report/heading-sequence', 'report/table-arithmetic', 'report/sum-mismatch', 'report/percent-mismatch', 'report/placeholder', 'report/table-format']),
    );
    expect(errors.join('\n')).toContain('本年新制作数量');
    expect(errors.join('\n')).not.toContain('五、存在的主要问题');
  });

  it('binary fixtures stay small', () => {
    for (const f of ['report-2024-clean.docx', 'report-2024-clean.pdf', 'report-2024-clean.word.pdf', 'report-2024-errors.docx', 'report-2024-errors.pdf', 'encrypted.pdf', 'scanned.pdf', 'corrupt.docx']) {
      expect(fixture(f).length).toBeLessThan(200_000);
    }
  });
});
