import { describe, expect, it } from 'vitest';
import { loadTxt, segmentLines } from '../../src/load/index.js';

describe('txt loader', () => {
  it('makes one block per non-empty line with exact offsets', () => {
    const text = '标题\r\n\r\n　　一、总体情况  \n正文第一段\n正文第二段\n';
    const raw = loadTxt(text, 'utf-8');
    expect(raw.blocks.map((b) => (b.kind === 'text' ? b.text : ''))).toEqual(['标题', '一、总体情况', '正文第一段', '正文第二段']);
    for (const b of raw.blocks) if (b.kind === 'text') expect(text.slice(b.start, b.end)).toBe(b.text);
    expect(raw.source).toBe(text);
  });

  it('strips whole-line page debris only', () => {
    const { blocks, stripped } = segmentLines('正文\nnull\n文件下载\n【打印】【关闭】\n请点击文件下载查看\n');
    expect(blocks.map((b) => b.text)).toEqual(['正文', '请点击文件下载查看']);
    expect(stripped).toBe(3);
  });

  it('counts pages at form feeds and handles lone CR', () => {
    const { blocks } = segmentLines('第一页\f第二页\r第二页下一行');
    expect(blocks.map((b) => [b.text, b.page])).toEqual([
      ['第一页', 1],
      ['第二页', 2],
      ['第二页下一行', 2],
    ]);
  });
});
