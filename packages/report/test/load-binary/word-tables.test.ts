// Table 3 printed from Word in every way the tests can think of: with and without borders, labels set at the top
// of their cells or centred, the table cut by a page break with its header repeated or not. Every row must come
// back under its own label with its own figures, so table-format has nothing to say about it.
import { describe, expect, it } from 'vitest';
import { runRule } from '@gongkai/core';
import { loadReport } from '../../src/load/index.js';
import { recogniseTables, expectedRequestRows, REQUEST_COLUMNS } from '../../src/analysis/tables.js';
import { tableFormat } from '../../src/rules/table-format.js';
import { TABLE3_LABELS } from './helpers.js';
import { wordTablePdf, type TCell, type WordTableLayout } from './word-tables.js';

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const GROUPS: [string, number][] = [['（三）不予公开', 8], ['（四）无法提供', 3], ['（五）不予处理', 5], ['（六）其他处理', 3]];

/** Table 3 of the 2021 format with row r's figures [r, 0, 0, 0, 0, 0, r] (r = 1…25) so every cell is traceable. */
export function table3(): TCell[][] {
  const n = (r: number) => [r, 0, 0, 0, 0, 0, r].map((v) => ({ t: String(v) }));
  const rows: TCell[][] = [
    [{ t: NOTE, rs: 3, cs: 3 }, { t: '申请人情况', cs: 7 }],
    [{ t: '自然人', rs: 2 }, { t: '法人或其他组织', cs: 5 }, { t: '总计', rs: 2 }],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => ({ t })),
    [{ t: TABLE3_LABELS[0]!, cs: 3 }, ...n(1)],
    [{ t: TABLE3_LABELS[1]!, cs: 3 }, ...n(2)],
    [{ t: '三、本年度办理结果', rs: 22 }, { t: TABLE3_LABELS[2]!, cs: 2 }, ...n(3)],
    [{ t: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', cs: 2 }, ...n(4)],
  ];
  let k = 4;
  for (const [group, count] of GROUPS) {
    for (let i = 0; i < count; i++) {
      const label = { t: TABLE3_LABELS[k]! };
      rows.push(i === 0 ? [{ t: group, rs: count }, label, ...n(k + 1)] : [label, ...n(k + 1)]);
      k++;
    }
  }
  rows.push([{ t: TABLE3_LABELS[23]!, cs: 2 }, ...n(24)]);
  rows.push([{ t: TABLE3_LABELS[24]!, cs: 3 }, ...n(25)]);
  return rows;
}

// Narrow columns, so labels and the applicant headings wrap inside their cells.
const WIDTHS = [40, 60, 90, ...new Array(7).fill(34)];

async function table3Doc(layout: Partial<WordTableLayout>) {
  const bytes = wordTablePdf(table3(), {
    widths: WIDTHS,
    ruled: true,
    valign: 'center',
    before: ['示例局2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况'],
    after: ['四、政府信息公开行政复议、行政诉讼情况'],
    ...layout,
  });
  return loadReport(bytes, 'word-table.pdf');
}

const VARIANTS = [
  ['on one page', [], 0],
  ['over a page break, header repeated', [14], 3],
  ['over a page break, header not repeated', [18], 0],
] as const;

describe('table 3 printed from Word', () => {
  for (const ruled of [true, false]) {
    for (const valign of ['top', 'center'] as const) {
      for (const [name, brk, repeat] of VARIANTS) {
        it(`${ruled ? 'ruled' : 'without borders'}, labels ${valign}, ${name}`, async () => {
          const doc = await table3Doc({ ruled, valign, breakBefore: [...brk], repeatHeader: repeat });
          const t = recogniseTables(doc).requests!;
          expect(t, 'table 3 recognised').toBeDefined();
          expect(t.damaged).toBeUndefined();
          expect(t.rowOrder).toEqual(expectedRequestRows('2021'));
          expect([...t.columns.keys()].sort()).toEqual([...REQUEST_COLUMNS].sort());
          // Row r (1-based, in format order) holds r in 自然人 and 总计 and 0 elsewhere.
          t.rowOrder.forEach((key, i) => {
            expect(REQUEST_COLUMNS.map((c) => t.at(key, c)?.value), key).toEqual([i + 1, 0, 0, 0, 0, 0, i + 1]);
          });
          const findings = await runRule(tableFormat, doc, {}, { settings: { asOf: '2025-06-01' } });
          expect(findings.map((f) => f.message)).toEqual([]);
        });
      }
    }
  }
});
