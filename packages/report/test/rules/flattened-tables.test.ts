/**
 * Statistics tables read back from flattened text (model/flattened-tables.ts) and what the table rules make of them.
 * The documents are our own: a made-up agency's report whose page text was collapsed onto one line, the way crawler
 * text arrives, with tables 3 and 4 run together into the running text.
 */
import { describe, expect, it } from 'vitest';
import { check, ids, txt } from './helpers.js';
import { splitFigures } from '../../src/model/flattened-tables.js';
import { expectedRequestRows, recogniseTables } from '../../src/analysis/tables.js';
import { tableArithmetic } from '../../src/rules/table-arithmetic.js';
import { tableFormat } from '../../src/rules/table-format.js';
import { tableMissing } from '../../src/rules/table-missing.js';
import { proseTableMismatch } from '../../src/rules/prose-table-mismatch.js';
import type { ReportDocument } from '../../src/model/types.js';

const ZERO = '0000000';

/** Table 3 of the 2021 format, label by label; `null` marks a group label, which carries no figures. */
const TABLE3: Array<[string, string | null]> = [
  ['new', '一、本年新收政府信息公开申请数量'],
  ['carried', '二、上年结转政府信息公开申请数量'],
  ['', '三、本年度办理结果'],
  ['public', '（一）予以公开'],
  ['partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['', '（三）不予公开'],
  ...['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项'].map(
    (l, i): [string, string] => [`withheld.${i + 1}`, `${i + 1}.${l}`],
  ),
  ['', '（四）无法提供'],
  ...['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'].map((l, i): [string, string] => [`unable.${i + 1}`, `${i + 1}.${l}`]),
  ['', '（五）不予处理'],
  ...['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息'].map((l, i): [string, string] => [`unprocessed.${i + 1}`, `${i + 1}.${l}`]),
  ['', '（六）其他处理'],
  ['otherHandling.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['otherHandling.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['otherHandling.3', '3.其他'],
  ['total', '（七）总计'],
  ['carryForward', '四、结转下年度继续办理'],
];

const HEADER3 = '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他';
const HEADER4 =
  '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';

interface Page {
  year?: number;
  /** Figures by row key; rows not given are all zeros. */
  figures?: Record<string, string>;
  /** The 2019 trial layout: a single （六）其他处理 row. */
  trial?: boolean;
  reviews?: string;
  prose?: string;
}

/** A report page collapsed onto one line, as crawler text has it. */
function page({ year = 2022, figures = {}, trial = false, reviews = '000000000000000', prose = '' }: Page): string {
  let t3 = HEADER3;
  for (const [key, label] of TABLE3) {
    if (trial && key.startsWith('otherHandling.')) continue;
    const single = trial && label === '（六）其他处理';
    t3 += label + (key || single ? (figures[key || 'otherHandling'] ?? ZERO) : '');
  }
  return (
    `平潭示例局${year}年政府信息公开工作年度报告\n` +
    `本报告根据《中华人民共和国政府信息公开条例》编制。一、总体情况${year}年，我局认真落实政务公开各项要求。${prose}二、主动公开政府信息情况本年度主动公开政府信息12条。` +
    `${t3}${HEADER4}${reviews}五、存在的主要问题及改进情况我局政务公开工作仍有不足，下一步将加强培训。六、其他需要报告的事项本年度未收取信息处理费。\n`
  );
}

const requestsOf = (doc: ReportDocument) => recogniseTables(doc).requests;

describe('splitFigures: only readings that need no guess', () => {
  it('one digit per cell when the digits match the columns, wherever the spaces fell', () => {
    expect(splitFigures('8000008', 0, 7)?.map((p) => p.text)).toEqual(['8', '0', '0', '0', '0', '0', '8']);
    expect(splitFigures('1 0 0 0 0 01', 0, 7)?.map((p) => p.text)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(splitFigures('10 0 00 0 1', 10, 7)?.map((p) => p.start)).toEqual([10, 11, 13, 15, 16, 18, 20]);
  });
  it('cells as the spaces separate them when there are as many as columns', () => {
    expect(splitFigures('12 0 0 0 0 0 12', 0, 7)?.map((p) => p.text)).toEqual(['12', '0', '0', '0', '0', '0', '12']);
  });
  it('no reading when the split is a guess', () => {
    expect(splitFigures('3024', 0, 3)).toBeUndefined(); // 3|0|24 or 30|2|4
    expect(splitFigures('10000001', 0, 7)).toBeUndefined(); // one digit too many
    expect(splitFigures('01 0 0 0 0 0 1', 0, 7)).toBeUndefined(); // "01" is no number: the spaces are not the borders
    expect(splitFigures('000000', 0, 7)).toBeUndefined();
  });
});

describe('table 3 read back from flattened text', () => {
  it('a consistent single-digit table is a reconstructed requests table with every row, and no finding', async () => {
    const doc = await txt(page({ figures: { new: '2000002', public: '1000001', 'unable.1': '1000001', total: '2000002' } }));
    const req = requestsOf(doc)!;
    expect(req.table.reconstructed).toBe(true);
    expect(doc.blocks).not.toContain(req.table);
    expect(req.rowOrder).toEqual(expectedRequestRows('2021'));
    expect(req.at('unable.1', 'natural')?.value).toBe(1);
    expect(req.at('total', 'total')?.value).toBe(2);
    expect(await check(tableArithmetic, doc)).toEqual([]);
    expect(await check(tableFormat, doc)).toEqual([]);
    const missing = await check(tableMissing, doc);
    expect(missing.filter((f) => f.data?.table === 'requests' || f.data?.table === 'reviews-litigation')).toEqual([]);
    expect(missing.map((f) => f.data?.table)).toEqual(['active-disclosure']); // the rule ran: table 2 is not in this page
  });

  it('（七）总计 that is not the sum of the results is a table-arithmetic error at the figure in the text', async () => {
    const text = page({ figures: { new: '4000004', 'withheld.4': '1000001', 'unable.1': '3000003', total: ZERO } });
    const doc = await txt(text);
    const f = await check(tableArithmetic, doc);
    // The results balance with the new requests, so the wrong total is the one mistake: no separate balance error.
    expect(ids(f)).toEqual(['resultTotal', 'resultTotal']);
    expect(f.map((x) => x.data?.column)).toEqual(['natural', 'total']);
    expect(f[0]!.data).toMatchObject({ expected: 4, actual: 0 });
    const line = text.split('\n')[f[0]!.line! - 1]!;
    expect(line.slice(0, f[0]!.column! - 1).endsWith('（七）总计')).toBe(true);
    expect(f[1]!.column! - f[0]!.column!).toBe(6);
  });

  it('a balance error stays when the results do not explain it', async () => {
    const doc = await txt(page({ figures: { new: '3000003', public: '1000001', total: '1000001' } }));
    expect(ids(await check(tableArithmetic, doc))).toEqual(['balance', 'balance']);
  });

  it('space-separated multi-digit cells are read as written', async () => {
    const ok = await txt(page({ figures: { new: '12 0 0 0 0 0 12', public: '12 0 0 0 0 0 12', total: '12 0 0 0 0 0 12' } }));
    expect(requestsOf(ok)?.at('new', 'natural')?.value).toBe(12);
    expect(await check(tableArithmetic, ok)).toEqual([]);
    const bad = await txt(page({ figures: { new: '12 0 0 0 0 0 12', public: '12 0 0 0 0 0 12', total: '12 0 0 0 0 0 11' } }));
    expect(ids(await check(tableArithmetic, bad))).toContain('rowTotal');
  });

  it('an ambiguous multi-digit row builds no table: no arithmetic, the flattened warning as before', async () => {
    for (const run of ['120000012', '10000001']) {
      const doc = await txt(page({ figures: { new: run, public: run, total: run } }));
      expect(requestsOf(doc)).toBeUndefined();
      expect(doc.tables.filter((t) => t.reconstructed)).toHaveLength(1); // table 4 is still read
      expect(await check(tableArithmetic, doc)).toEqual([]);
      const missing = await check(tableMissing, doc);
      expect(missing.filter((f) => f.data?.table === 'requests').map((f) => [f.messageId, f.severity])).toEqual([['flattened', 'warning']]);
    }
  });

  it('a row without figures builds no table', async () => {
    const doc = await txt(page({ figures: { 'otherHandling.2': '' } }));
    expect(requestsOf(doc)).toBeUndefined();
    expect(recogniseTables(doc).reviews?.table.reconstructed).toBe(true);
  });

  it('the 2019 trial layout (one 其他处理 row) is read; in a 2022 report table-format says so and nothing else', async () => {
    const doc = await txt(page({ trial: true, figures: { otherHandling: '1000001', new: '1000001', total: '1000001' } }));
    expect(requestsOf(doc)?.rowOrder).toEqual(expectedRequestRows('2019'));
    expect(await check(tableArithmetic, doc)).toEqual([]);
    expect(ids(await check(tableFormat, doc))).toEqual(['trialRows']);
    expect(await check(tableFormat, await txt(page({ year: 2020, trial: true })))).toEqual([]);
  });

  it("a reconstructed table's grid is not reported as the author's (missing rows)", async () => {
    const rowsCut = async (reconstructed: boolean) => {
      const doc = await txt(page({}));
      const t = doc.tables.find((x) => x.caption?.includes('申请'))!;
      t.rows.splice(3, 1);
      if (!reconstructed) delete t.reconstructed;
      return ids(await check(tableFormat, doc));
    };
    expect(await rowsCut(false)).toContain('missingRow');
    expect(await rowsCut(true)).toEqual([]);
  });

  it('prose figures are compared with the reconstructed table', async () => {
    const figures = { new: '1000001', public: '1000001', total: '1000001' };
    const wrong = await txt(page({ figures, prose: '全年共收到政府信息公开申请3件。' }));
    expect((await check(proseTableMismatch, wrong)).map((f) => f.data)).toEqual([{ figure: 'newRequests', prose: 3, table: 1 }]);
    expect(await check(proseTableMismatch, await txt(page({ figures, prose: '全年共收到政府信息公开申请1件。' })))).toEqual([]);
  });
});

describe('table 4 read back from flattened text', () => {
  it('a 15-digit run is the three groups in order', async () => {
    const doc = await txt(page({ reviews: '100010000000000' }));
    const rev = recogniseTables(doc).reviews!;
    expect(rev.table.reconstructed).toBe(true);
    expect(rev.cells.size).toBe(15);
    expect(rev.cells.get('review.upheld')?.value).toBe(1);
    expect(rev.cells.get('review.total')?.value).toBe(1);
    expect(await check(tableArithmetic, doc)).toEqual([]);
  });
  it('a group total that is not its sum is an error; space-separated cells too', async () => {
    const f = await check(tableArithmetic, await txt(page({ reviews: '000000000020001' })));
    expect(f.map((x) => [x.messageId, x.data?.group])).toEqual([['reviewTotal', 'after']]);
    const g = await check(tableArithmetic, await txt(page({ reviews: '0 0 0 0 0 0 0 0 0 0 10 0 0 0 12' })));
    expect(g.map((x) => [x.messageId, x.data?.expected, x.data?.actual])).toEqual([['reviewTotal', 10, 12]]);
  });
  it('a run of the wrong length builds no table', async () => {
    const doc = await txt(page({ reviews: '0000000000000000' }));
    expect(recogniseTables(doc).reviews).toBeUndefined();
    expect(requestsOf(doc)?.table.reconstructed).toBe(true);
    expect(await check(tableArithmetic, doc)).toEqual([]);
  });
});
