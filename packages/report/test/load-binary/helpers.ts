import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isGongkaiError } from '@gongkai/core';
import type { RawBlock, RawDocument, RawTableBlock, RawTextBlock } from '../../src/model/raw.js';

export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/reports/${name}`, import.meta.url))));

export const texts = (doc: RawDocument): RawTextBlock[] => doc.blocks.filter((b): b is RawTextBlock => b.kind === 'text');
export const tables = (doc: RawDocument): RawTableBlock[] => doc.blocks.filter((b): b is RawTableBlock => b.kind === 'table');

/** Expands rowSpan/colSpan into a rectangular grid of cell texts, the way the model builder lines columns up. */
export function grid(table: RawTableBlock): string[][] {
  const out: string[][] = [];
  table.rows.forEach((row, r) => {
    out[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (out[r]![c] !== undefined) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) (out[r + dr] ??= [])[c + dc] = cell.text;
      c += cell.colSpan ?? 1;
    }
  });
  return out;
}

export const TABLE3_LABELS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正',
  '2.申请人逾期未按收费通知要求缴纳费用',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];

/**
 * The 25 × 7 numbers of table 3, read from the grid by row label: the seven numeric cells are the last seven of
 * the row. Throws when a row is missing or a cell is not a number.
 */
export function table3Numbers(table: RawTableBlock): number[][] {
  const g = grid(table);
  let from = 0;
  return TABLE3_LABELS.map((label) => {
    const r = g.findIndex((row, i) => i >= from && row.slice(0, -7).some((c) => c.startsWith(label)));
    if (r < 0) throw new Error(`row ${label} not found`);
    from = r + 1;
    const nums = g[r]!.slice(-7).map((c) => (/^\d+$/.test(c) ? Number(c) : NaN));
    if (nums.some(Number.isNaN)) throw new Error(`row ${label}: ${g[r]!.join('|')}`);
    return nums;
  });
}

export function findTable(doc: RawDocument, marker: string): RawTableBlock {
  const t = tables(doc).find((tb) => tb.rows.some((row) => row.some((c) => c.text.includes(marker))));
  if (!t) throw new Error(`no table with ${marker}`);
  return t;
}

/** Every block's text is exactly what its offsets point at in `source`. */
export function offsetsAgree(doc: RawDocument): boolean {
  return doc.blocks.every((b: RawBlock) => {
    if (b.kind === 'text') return doc.source.slice(b.start, b.end) === b.text && !b.text.includes('\n');
    return b.rows.every((row) => row.every((c) => c.start === undefined || doc.source.slice(c.start, c.end) === c.text));
  });
}

export async function errorOf(p: Promise<unknown>): Promise<{ code: string; zh: string; en: string }> {
  try {
    await p;
  } catch (e) {
    if (!isGongkaiError(e)) throw e;
    return { code: e.code, zh: e.render('zh-CN'), en: e.render('en') };
  }
  throw new Error('expected the loader to throw');
}
