import { describe, expect, it } from 'vitest';
import { loadMarkdown } from '../../src/load/index.js';
import { buildDocument } from '../../src/model/index.js';

const MD = [
  '# 某区2023年政府信息公开工作年度报告',
  '',
  '<!-- gongkai-disable report/required-section -- 试点格式 -->',
  '## 一、总体情况',
  '',
  '（一）主动公开。本年度主动公开信息**1458**条。',
  '硬换行的第二行',
  '',
  '1. 加强领导',
  '2. 健全机制',
  '',
  '| 信息内容 | 本年制发件数 |',
  '| --- | ---: |',
  '| 规章 | 3 |',
  '| 规范性文件 | 无 |',
  '',
  '<!-- gongkai-disable-next-line report/stale -->',
  '## 二、主动公开政府信息情况',
  '',
].join('\n');

describe('markdown loader', () => {
  const raw = loadMarkdown(MD, 'utf-8');
  const doc = buildDocument(raw, { target: 'a.md' });

  it('reads headings with markup level and positions from mdast', () => {
    const h = raw.blocks.filter((b) => b.kind === 'text' && b.markupLevel !== undefined);
    expect(h.map((b) => (b.kind === 'text' ? [b.text, b.markupLevel] : null))).toEqual([
      ['某区2023年政府信息公开工作年度报告', 1],
      ['一、总体情况', 2],
      ['二、主动公开政府信息情况', 2],
    ]);
    const first = h[1]!;
    expect(MD.slice(first.start, first.end)).toBe('一、总体情况');
  });

  it('keeps each paragraph line as a block and restores ordered-list markers', () => {
    const texts = raw.blocks.filter((b) => b.kind === 'text' && b.markupLevel === undefined).map((b) => (b.kind === 'text' ? b.text : ''));
    expect(texts).toEqual(['（一）主动公开。本年度主动公开信息1458条。', '硬换行的第二行', '1. 加强领导', '2. 健全机制']);
  });

  it('builds the outline: title, numbered markup headings, inline and list headings', () => {
    expect(doc.meta.title?.value).toBe('某区2023年政府信息公开工作年度报告');
    expect(doc.headings.map((h) => [h.level, h.numbering?.style ?? null, h.text])).toEqual([
      [1, 'chinese', '总体情况'],
      [2, 'paren-chinese', '主动公开'],
      [3, 'arabic', '加强领导'],
      [3, 'arabic', '健全机制'],
      [1, 'chinese', '主动公开政府信息情况'],
    ]);
    expect(doc.headings[0]!.span.start).toMatchObject({ line: 4, column: 4 });
    expect(doc.headings[2]!.span.start).toMatchObject({ line: 9, column: 1 });
  });

  it('reads GFM tables with cell offsets', () => {
    const t = doc.tables[0]!;
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['信息内容', '本年制发件数'],
      ['规章', '3'],
      ['规范性文件', '无'],
    ]);
    expect(t.rows[1]![1]!.value).toBe(3);
    expect(t.rows[2]![1]!.value).toBeNull();
    expect(t.rows[1]![1]!.span!.start).toMatchObject({ line: 14 });
    expect(MD.slice(t.rows[1]![0]!.span!.start.offset, t.rows[1]![0]!.span!.end.offset)).toBe('规章');
  });

  it('turns HTML comments into directives with their lines', () => {
    expect(doc.directives).toEqual([
      { kind: 'disable', rules: ['report/required-section'], line: 3, column: 1, reason: '试点格式' },
      { kind: 'disable-next-line', rules: ['report/stale'], line: 17, column: 1 },
    ]);
  });
});
