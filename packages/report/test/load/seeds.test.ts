/**
 * Acceptance against the real documents in ../shared/seeds (read-only, not part of the repo). Skipped, with a note,
 * where that folder is absent.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadReport } from '../../src/load/index.js';
import type { ReportDocument } from '../../src/model/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const exists = existsSync(seeds);
if (!exists) console.log(`[seeds] ${seeds} not found; seed acceptance tests skipped`);

async function seed(prefix: string): Promise<ReportDocument> {
  const name = ['000_41cbebceefd93b94.txt', '001_055591c8da8e3daf.txt', '002_22a49539b97c274e.txt', '003_ad3b9e5123395c16.txt', '004_559b563421617fd9.txt'].find((n) => n.startsWith(prefix))!;
  const file = path.join(seeds, name);
  return loadReport(new Uint8Array(readFileSync(file)), file);
}

const top = (d: ReportDocument) => d.sections.map((s) => s.heading.numbering?.raw ?? s.heading.text);

describe.skipIf(!exists)('seed documents', () => {
  it('000: title, year 2012, agency, six top-level parts, 一是 not headings', async () => {
    const d = await seed('000');
    expect(d.encoding).toBe('utf-8');
    expect(d.meta.title?.value).toBe('市科委2012年政府信息公开工作年度报告');
    expect(d.meta.reportYear).toMatchObject({ value: 2012, source: 'title' });
    expect(d.meta.agency?.value).toBe('市科委');
    expect(top(d)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(d.sections[5]!.children.map((s) => s.heading.text)).toEqual(['工作思路', '工作重点']);
    expect(d.headings.some((h) => /^[一二三四]是/.test(h.raw.trim()))).toBe(false);
    expect(d.sections[1]!.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(3);
  });

  it('001: 二 missing and 三 twice, (一) sub-headings inline, year 2011 and the period', async () => {
    const d = await seed('001');
    expect(d.meta.title).toBeUndefined();
    expect(top(d)).toEqual(['一、', '三、', '三、', '四、', '五、', '六、']);
    expect(d.sections.map((s) => s.heading.numbering?.value)).toEqual([1, 3, 3, 4, 5, 6]);
    const first = d.sections[0]!;
    expect(first.children.map((s) => [s.heading.numbering?.raw, s.heading.text, s.heading.inline])).toEqual([
      ['(一)', '加强组织领导', true],
      ['(二)', '摆上重要位置', true],
      ['(三)', '强化平台建设', true],
      ['(四)', '加强教育培训', true],
    ]);
    expect(d.sections[1]!.children.map((s) => s.heading.text)).toEqual(['公开数量和内容', '公开的形式', '公开的及时性']);
    expect(d.meta.reportYear?.value).toBe(2011);
    expect(d.meta.period?.value).toEqual({ start: '2011-01-01', end: '2011-12-31' });
    expect(d.meta.period?.span?.start.line).toBe(1);
  });

  it('002: starts at 一、概述 without a title, 1、 nested under 一、, year 2010', async () => {
    const d = await seed('002');
    expect(d.meta.title).toBeUndefined();
    expect(d.preamble).toEqual([]);
    expect(d.headings[0]).toMatchObject({ text: '概述', level: 1, span: { start: { line: 1 } } });
    expect(top(d)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、']);
    expect(d.sections[0]!.children.map((s) => s.heading.numbering?.raw)).toEqual(['1、', '2、', '3、', '4、', '5、']);
    expect(d.sections[0]!.children.every((s) => s.heading.level === 2 && s.heading.inline)).toBe(true);
    expect(d.meta.reportYear).toMatchObject({ value: 2010, source: 'text' });
  });

  it('003: a work summary titled 2006～2008年', async () => {
    const d = await seed('003');
    expect(d.meta.title?.value).toBe('2006～2008年政务公开工作总结');
    expect(d.meta.reportYear?.value).toBe(2008);
    expect(top(d)).toEqual(['一、', '二、']);
    expect(d.sections[0]!.children).toHaveLength(3);
    expect(d.sections[1]!.children).toHaveLength(6);
  });

  it('004: page metadata block, publishedAt 2017-12-13, debris stripped', async () => {
    const d = await seed('004');
    expect(d.meta.publishedAt).toMatchObject({ value: '2017-12-13', source: 'page-meta' });
    expect(d.meta.agency).toMatchObject({ value: '省科技厅', source: 'page-meta' });
    expect(d.meta.indexNo?.value).toBe('002986088/201912-00129');
    expect(d.meta.title?.value).toBe('2017年省科技厅政务公开工作总结');
    expect(d.meta.title?.span?.start.line).toBe(9);
    expect(d.meta.reportYear?.value).toBe(2017);
    expect(top(d)).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(d.sections[0]!.children).toHaveLength(5);
    const texts = d.blocks.map((b) => (b.kind === 'table' ? '' : b.text));
    expect(texts).not.toContain('null');
    expect(texts).not.toContain('文件下载');
  });
});
