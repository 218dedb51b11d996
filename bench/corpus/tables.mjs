// The statistical tables of the national format, as merged-cell grids ({ text, rs, cs } in the first slot a cell
// covers, HTML style). `expand` turns one into the rectangular repeated-label grid a converter to Markdown writes.
import { APPLICANT_COLS, T3_NOTE, T3_ROWS_2019, T3_ROWS_2021 } from './vocab.mjs';
import { split } from './prose.mjs';

const c = (text, cs = 1, rs = 1) => ({ text: String(text), cs, rs });

export function activeTable2021(rng) {
  const made = rng.int(0, 12);
  const repealed = rng.int(0, 5);
  const current = made + rng.int(0, 60);
  const block = (label) => [c(label, 4)];
  return {
    kind: 'active-2021',
    numbers: { permits: rng.int(0, 3000), penalties: rng.int(0, 800) },
    rows: [
      block('第二十条第（一）项'),
      [c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')],
      [c('规章'), c(0), c(0), c(0)],
      [c('行政规范性文件'), c(made), c(repealed), c(current)],
      block('第二十条第（五）项'),
      [c('信息内容'), c('本年处理决定数量', 3)],
      [c('行政许可'), c(rng.int(0, 3000), 3)],
      block('第二十条第（六）项'),
      [c('信息内容'), c('本年处理决定数量', 3)],
      [c('行政处罚'), c(rng.int(0, 800), 3)],
      [c('行政强制'), c(rng.int(0, 40), 3)],
      block('第二十条第（八）项'),
      [c('信息内容'), c('本年收费金额（单位：万元）', 3)],
      [c('行政事业性收费'), c(rng.chance(0.6) ? 0 : (rng.int(1, 99999) / 100).toFixed(2), 3)],
    ],
  };
}

export function activeTable2019(rng) {
  const block = (label) => [c(label, 4)];
  const cols = [c('信息内容'), c('上一年项目数量'), c('本年增/减'), c('处理决定数量')];
  const row = (label) => [c(label), c(rng.int(0, 80)), c(rng.int(-5, 9)), c(rng.int(0, 2000))];
  return {
    kind: 'active-2019',
    rows: [
      block('第二十条第（一）项'),
      [c('信息内容'), c('本年新制作数量'), c('本年新公开数量'), c('对外公开总数量')],
      [c('规章'), c(0), c(0), c(0)],
      [c('规范性文件'), c(rng.int(0, 9)), c(rng.int(0, 9)), c(rng.int(5, 80))],
      block('第二十条第（五）项'),
      cols,
      row('行政许可'),
      row('其他对外管理服务事项'),
      block('第二十条第（六）项'),
      cols,
      row('行政处罚'),
      row('行政强制'),
      block('第二十条第（八）项'),
      [c('信息内容'), c('上一年项目数量'), c('本年增/减', 2)],
      [c('行政事业性收费'), c(rng.int(0, 12)), c(rng.int(-2, 2), 2)],
      block('第二十条第（九）项'),
      [c('信息内容'), c('采购项目数量'), c('采购总金额', 2)],
      [c('政府集中采购'), c(rng.int(0, 60)), c(rng.int(0, 9000), 2)],
    ],
  };
}

/**
 * Table 3 with consistent counts: for every applicant column, new + carried = processed + carried over, and the
 * 总计 column is the row sum. `defect` breaks one of those identities on purpose.
 */
export function requestsTable(rng, regime, { scale = 1, defect } = {}) {
  const resultRows = regime === '2021' ? T3_ROWS_2021 : T3_ROWS_2019;
  const ncol = APPLICANT_COLS.length;
  const fresh = [];
  const carried = [];
  const out = [];
  const results = resultRows.map(() => new Array(ncol).fill(0));
  for (let k = 0; k < ncol; k++) {
    const big = k === 0 ? 1 : 0.3;
    fresh[k] = Math.round(rng.int(0, 40) * scale * big);
    carried[k] = rng.chance(0.4) ? rng.int(0, 3) : 0;
    const total = fresh[k] + carried[k];
    out[k] = Math.min(total, rng.chance(0.5) ? rng.int(0, 3) : 0);
    // Most requests end up disclosed or "cannot provide"; the rest scatter over the other rows.
    let left = total - out[k];
    const main = Math.floor(left * (0.4 + rng.next() * 0.3));
    results[0][k] = main;
    left -= main;
    const parts = split(rng, left, resultRows.length - 1);
    for (let r = 1; r < resultRows.length; r++) results[r][k] = parts[r - 1];
  }
  const sum = (arr) => arr.reduce((a, b) => a + b, 0);
  const withTotal = (arr) => [...arr, sum(arr)];
  const done = APPLICANT_COLS.map((_, k) => sum(results.map((r) => r[k])));
  const grid = {
    fresh: withTotal(fresh),
    carried: withTotal(carried),
    results: results.map(withTotal),
    done: withTotal(done),
    out: withTotal(out),
  };
  if (defect === 'table-arithmetic') {
    const k = rng.int(0, ncol);
    grid.done[k] += rng.pick([-2, -1, 1, 3]);
  }
  if (defect === 'row-total') {
    const r = rng.int(0, grid.results.length - 1);
    grid.results[r][ncol] += rng.int(1, 4);
  }

  const numbers = (arr) => arr.map((v) => c(v));
  const rows = [
    [c(T3_NOTE, 3, 3), c('申请人情况', 7)],
    [c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
    APPLICANT_COLS.slice(1).map((t) => c(t)),
    [c('一、本年新收政府信息公开申请数量', 3), ...numbers(grid.fresh)],
    [c('二、上年结转政府信息公开申请数量', 3), ...numbers(grid.carried)],
  ];
  const span3 = resultRows.length + 1;
  resultRows.forEach(([group, item], r) => {
    const row = [];
    if (r === 0) row.push(c('三、本年度办理结果', 1, span3));
    if (item === null) row.push(c(group, 2));
    else {
      const first = r === 0 || resultRows[r - 1][0] !== group;
      if (first) row.push(c(group, 1, resultRows.filter(([g]) => g === group).length));
      row.push(c(item));
    }
    rows.push([...row, ...numbers(grid.results[r])]);
  });
  rows.push([c('（七）总计', 2), ...numbers(grid.done)]);
  rows.push([c('四、结转下年度继续办理', 3), ...numbers(grid.out)]);
  return { kind: 'requests', rows, totals: { fresh: grid.fresh[ncol], natural: grid.fresh[0], carried: grid.carried[ncol], done: grid.done[ncol], out: grid.out[ncol] } };
}

export function reviewTable(rng, { defect } = {}) {
  const group = () => {
    const v = [rng.chance(0.7) ? 0 : rng.int(0, 5), rng.chance(0.85) ? 0 : rng.int(0, 2), rng.chance(0.9) ? 0 : rng.int(0, 2), rng.chance(0.8) ? 0 : rng.int(0, 2)];
    return [...v, v.reduce((a, b) => a + b, 0)];
  };
  const vals = [...group(), ...group(), ...group()];
  if (defect === 'review-total') vals[4] += rng.int(1, 3);
  const labels = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    kind: 'review',
    reviews: vals[4],
    rows: [
      [c('行政复议', 5), c('行政诉讼', 10)],
      [...labels.map((l) => c(l, 1, 2)), c('未经复议直接起诉', 5), c('复议后起诉', 5)],
      [...labels, ...labels].map((l) => c(l)),
      vals.map((v) => c(v)),
    ],
  };
}

/** The pre-2019 reports often carry a small two-column summary table instead of the national format. */
export function summaryTable2008(rng, stats) {
  return {
    kind: 'summary-2008',
    rows: [
      [c('统计指标'), c('单位'), c('数量')],
      [c('主动公开政府信息数'), c('条'), c(stats.disclosed)],
      [c('其中：全文电子化率'), c('%'), c(rng.int(90, 100))],
      [c('收到政府信息公开申请数'), c('件'), c(stats.requests)],
      [c('申请行政复议数'), c('件'), c(stats.reviews)],
      [c('提起行政诉讼数'), c('件'), c(rng.chance(0.9) ? 0 : 1)],
      [c('收取费用'), c('元'), c(0)],
    ],
  };
}

/** Rectangular grid: a merged cell's text is repeated in every slot it covers. */
export function expand(table) {
  const grid = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of row) {
      while (grid[r][col] !== undefined) col++;
      for (let dr = 0; dr < cell.rs; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.cs; dc++) grid[r + dr][col + dc] = cell.text;
      }
      col += cell.cs;
    }
  });
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}
