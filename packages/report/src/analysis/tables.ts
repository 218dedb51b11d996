/**
 * Recognises the three statistical tables of the 2019 trial / 2021 annual-report format (主动公开, 收到和处理申请,
 * 复议诉讼) by their labels, and reads them into labelled cells so rules can check identities and labels without
 * caring how the loader laid the merged header cells out.
 */
import type { ReportDocument, Table, TableCell } from '../model/types.js';
import { normalizeWidth, parseCellNumber } from '../text/index.js';
import { joinContinuations, originOf } from './table-joins.js';

import type { TableKind } from './table-joins.js';

export type { TableKind };

export interface LabelledCell {
  cell: TableCell;
  value: number | null;
  /** 0-based row and column in the expanded grid. */
  row: number;
  col: number;
}

export interface RequestsTable {
  kind: 'requests';
  table: Table;
  /** Column key (natural, business, research, charity, legal, other-org, total) → grid column. */
  columns: Map<string, number>;
  /** Row key ('new', 'carried', 'public', 'partial', 'withheld.1' …, 'total', 'carryForward') → grid row. */
  rows: Map<string, number>;
  /** Row keys in table order, for sums. */
  rowOrder: string[];
  /** Row keys that appeared more than once. */
  duplicateRows: string[];
  at(row: string, col: string): LabelledCell | undefined;
  /** Why the table cannot be read reliably (also set as `table.damaged`). */
  damaged?: string;
}

export interface ReviewsTable {
  kind: 'reviews-litigation';
  table: Table;
  /** `${group}.${field}` → cell, group ∈ review | direct | after; field ∈ upheld | corrected | other | pending | total. */
  cells: Map<string, LabelledCell>;
  damaged?: string;
}

export interface ActiveTable {
  kind: 'active-disclosure';
  table: Table;
  /** 'trial2019' when the 2019 trial column headers are used, '2021' for the 2021 ones, undefined when neither. */
  version?: 'trial2019' | '2021';
  /** Labels of the 2019 trial columns that were found (本年新制作数量 …). */
  trialLabels: string[];
  text: string;
  damaged?: string;
}

export interface RecognisedTables {
  active?: ActiveTable;
  requests?: RequestsTable;
  reviews?: ReviewsTable;
  /** Tables that looked like none of the three. */
  others: Table[];
}

const SPACE_RE = /[\s\u3000]/g;
const norm = (s: string) => s.replace(SPACE_RE, '');

const cellCache = new WeakMap<TableCell, number | null>();

const RUN_TOGETHER_RE = /^[+-]?\d+(?:\.\d+)?(?:\s+[+-]?\d+(?:\.\d+)?)+$/;

/**
 * A cell holding several numbers separated by spaces ("10 1 0 0 0") got the figures of several columns because
 * extraction lost the borders between them; read as one number it would be nonsense (1010000).
 */
export function isRunTogether(text: string): boolean {
  return RUN_TOGETHER_RE.test(normalizeWidth(text).trim());
}

/** An empty cell: not 0, not 无 — nothing written at all. */
export function isBlank(cell: TableCell | undefined): boolean {
  return !cell || norm(cell.text) === '';
}

export function cellNumber(cell: TableCell | undefined): number | null {
  if (!cell) return null;
  if (isRunTogether(cell.text)) return null;
  if (typeof cell.value === 'number') return cell.value;
  let v = cellCache.get(cell);
  if (v === undefined) {
    v = parseCellNumber(cell.text);
    cellCache.set(cell, v);
  }
  return v;
}

function tableJoined(table: Table): string {
  let s = '';
  for (const r of table.rows) for (const c of r) s += norm(c.text) + '|';
  return s;
}

export function classifyTable(table: Table): TableKind | undefined {
  const t = tableJoined(table) + norm(table.caption ?? '');
  if (/本年新收|上年结转|结转下年/.test(t) && /自然人|总计/.test(t)) return 'requests';
  if (/结果维持/.test(t) && /行政复议/.test(t) && /行政诉讼|起诉/.test(t)) return 'reviews-litigation';
  if (/第二十条第/.test(t) || (/规章/.test(t) && /规范性文件/.test(t)) || /本年制发件数|本年新制作数量/.test(t)) {
    return 'active-disclosure';
  }
  return undefined;
}

// ----- Table 3 ---------------------------------------------------------------------------------------------------

export const REQUEST_COLUMNS = ['natural', 'business', 'research', 'charity', 'legal', 'other-org', 'total'] as const;

const COLUMN_KEYS: Array<[string, RegExp]> = [
  ['natural', /自然人/],
  ['business', /商业企业/],
  ['research', /科研机构/],
  ['charity', /社会公益组织/],
  ['legal', /法律服务机构/],
  ['total', /总计/],
  ['other-org', /其他/],
];

/** The wording of the table-3 rows that are not items of a group, as every version of the format prints it. */
export const REQUEST_ROW_WORDING: Record<string, RegExp> = {
  new: /本年新收/,
  carried: /上年结转/,
  resultsHeader: /办理结果/,
  public: /予以公开/,
  partial: /部分公开/,
  withheld: /不予公开/,
  unable: /无法提供/,
  unprocessed: /不予处理/,
  otherHandling: /其他处理/,
  total: /总计/,
  carryForward: /结转下年/,
};

const GROUPS: Array<[string, RegExp]> = (['withheld', 'unable', 'unprocessed', 'otherHandling'] as const).map((g) => [g, REQUEST_ROW_WORDING[g]!]);

/** Expected row keys of the 2021 format (the 2019 trial has a single 其他处理 row). */
export function expectedRequestRows(version: '2019' | '2021'): string[] {
  const rows = ['new', 'carried', 'public', 'partial'];
  for (let i = 1; i <= 8; i++) rows.push(`withheld.${i}`);
  for (let i = 1; i <= 3; i++) rows.push(`unable.${i}`);
  for (let i = 1; i <= 5; i++) rows.push(`unprocessed.${i}`);
  if (version === '2021') for (let i = 1; i <= 3; i++) rows.push(`otherHandling.${i}`);
  else rows.push('otherHandling');
  rows.push('total', 'carryForward');
  return rows;
}

export const REQUEST_ROW_LABELS: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  public: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  unprocessed: '（五）不予处理',
  otherHandling: '（六）其他处理',
  total: '（七）总计',
  carryForward: '四、结转下年度继续办理',
};

export const REQUEST_COLUMN_LABELS: Record<string, string> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  charity: '社会公益组织',
  legal: '法律服务机构',
  'other-org': '其他',
  total: '总计',
};

export function requestRowLabel(key: string): string {
  const [group, n] = key.split('.');
  const base = REQUEST_ROW_LABELS[group] ?? key;
  return n ? `${base}第${n}项` : base;
}

const SUB_ITEM_RE = /^[（(]?([0-9０-９]+)[)）.．、]/;

/**
 * The sub-rows of （三）–（六） by what they say rather than by "group + number": the group label sits in a merged
 * cell that extraction often misplaces (centred over its rows, rotated, cut by a page break), and some reports
 * number the items wrongly, but each item's wording is distinctive. "3.其他" is the one item without wording of its
 * own; it is read from its group or its place after item 2.
 */
export const REQUEST_ITEM_WORDING: Array<[string, RegExp]> = [
  ['withheld.1', /国家秘密/],
  ['withheld.2', /其他法律|法规禁止/],
  ['withheld.3', /三安全|一稳定/],
  ['withheld.4', /第三方合法权益|保护第三方/],
  ['withheld.5', /内部事务/],
  ['withheld.6', /过程性/],
  ['withheld.7', /执法案卷/],
  ['withheld.8', /行政查询/],
  ['unable.1', /不掌握/],
  ['unable.2', /没有现成|另行制作/],
  ['unable.3', /补正后|仍不明确/],
  ['unprocessed.1', /信访|举报投诉/],
  ['unprocessed.2', /重复申请/],
  ['unprocessed.3', /公开出版物/],
  ['unprocessed.4', /大量反复/],
  ['unprocessed.5', /重新出具/],
  ['otherHandling.1', /逾期不补正/],
  ['otherHandling.2', /缴纳费用|收费通知/],
];

/**
 * The wording that identifies a table-3 row by its key ('new', 'withheld.3', 'otherHandling.3' …). "3.其他" has no
 * wording of its own beyond 其他; it is only ever looked for right after item 2 of its group.
 */
export function requestRowWording(key: string): RegExp | undefined {
  if (key === 'otherHandling.3') return /其他/;
  return REQUEST_ITEM_WORDING.find(([k]) => k === key)?.[1] ?? REQUEST_ROW_WORDING[key];
}

const toAscii = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function rowKey(parts: string[], previous: string | undefined): string | undefined {
  const all = parts.join('');
  for (const key of ['new', 'carried', 'carryForward']) if (REQUEST_ROW_WORDING[key]!.test(all)) return key;
  const inner = parts[parts.length - 1] ?? '';
  for (const [key, re] of REQUEST_ITEM_WORDING) if (re.test(inner)) return key;
  for (const [g, re] of GROUPS) {
    if (!re.test(all)) continue;
    for (const p of parts) {
      if (re.test(p)) continue;
      const m = SUB_ITEM_RE.exec(p);
      if (m) return `${g}.${Number(toAscii(m[1]!))}`;
    }
    return g;
  }
  for (const key of ['partial', 'public', 'total', 'resultsHeader']) if (REQUEST_ROW_WORDING[key]!.test(all)) return key;
  // A numbered item whose group label was lost: item n right after item n−1 of some group is item n of it.
  const m = SUB_ITEM_RE.exec(inner);
  const [g, n] = previous?.split('.') ?? [];
  if (m && g && n && Number(toAscii(m[1]!)) === Number(n) + 1) return `${g}.${Number(n) + 1}`;
  return undefined;
}

/** Grid columns of the seven applicant columns, each read top-down through the header rows. */
function requestColumns(rows: TableCell[][], headerEnd: number): Map<string, number> {
  const columns = new Map<string, number>();
  const width = Math.max(...rows.map((r) => r.length));
  for (let j = 0; j < width; j++) {
    let label = '';
    let last = '';
    for (let i = 0; i <= headerEnd; i++) {
      const t = norm(rows[i]?.[j]?.text ?? '');
      if (t && t !== last) label += t;
      last = t;
    }
    for (const [key, re] of COLUMN_KEYS) {
      if (re.test(label) && !columns.has(key)) {
        // "其他" also appears in the 申请人情况 stub; only a column under 法人或其他组织 or standing alone counts.
        if (key === 'other-org' && /自然人|商业企业|总计/.test(label)) continue;
        columns.set(key, j);
        break;
      }
    }
  }
  return columns;
}

/** What reading the rows saw that a real table never shows: the evidence for `Table.damaged`. */
interface RowEvidence {
  /** Rows carrying figures whose label matched no row of the format. */
  unlabelled: number;
  /** Cells holding the figures of several columns. */
  runTogether: number;
  /** Figures in a cell stretched over several applicant columns. */
  stretched: number;
  /** Rows holding more figures than the table has applicant columns (labels or columns shifted). */
  overfull: number;
}

function readRequests(table: Table): RequestsTable | undefined {
  const rows = table.rows;
  // Column labels can sit in two header rows (法人或其他组织 over its five sub-columns).
  const naturalRow = rows.findIndex((r) => r.some((c) => /自然人/.test(c.text)));
  if (naturalRow < 0) return undefined;
  const headerEnd = rows[naturalRow + 1]?.some((c) => /商业企业|科研机构/.test(c.text)) ? naturalRow + 1 : naturalRow;
  const columns = requestColumns(rows, headerEnd);
  const dataCols = [...columns.values()];
  const firstNumeric = Math.min(...dataCols);
  if (!Number.isFinite(firstNumeric)) return undefined;
  const rowMap = new Map<string, number>();
  const rowOrder: string[] = [];
  const duplicateRows: string[] = [];
  const evidence: RowEvidence = { unlabelled: 0, runTogether: 0, stretched: 0, overfull: 0 };
  let previous: string | undefined;
  for (let i = headerEnd + 1; i < rows.length; i++) {
    const parts: string[] = [];
    for (let j = 0; j < firstNumeric; j++) {
      const t = norm(rows[i]![j]?.text ?? '');
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    const row = rows[i]!;
    const own = (j: number) => originOf(table, i, j).row === i && originOf(table, i, j).col === j;
    const figures = row.filter((c, j) => j >= firstNumeric && own(j) && (cellNumber(c) !== null || isRunTogether(c.text)));
    evidence.runTogether += row.filter((c) => isRunTogether(c.text)).length;
    // A data slot covered by a cell that starts elsewhere: one figure spread over several applicant columns/rows.
    evidence.stretched += dataCols.filter((j) => !isBlank(row[j]) && !own(j) && cellNumber(row[j]) !== null).length;
    if (figures.length > REQUEST_COLUMNS.length) evidence.overfull++;
    const key = rowKey(parts, previous);
    if (!key || key === 'resultsHeader') {
      if (figures.length) evidence.unlabelled++;
      continue;
    }
    previous = key;
    if (rowMap.has(key)) {
      duplicateRows.push(key);
      continue;
    }
    rowMap.set(key, i);
    rowOrder.push(key);
  }
  const at = (row: string, col: string): LabelledCell | undefined => {
    const r = rowMap.get(row);
    const c = columns.get(col);
    if (r === undefined || c === undefined) return undefined;
    const cell = rows[r]![c];
    if (!cell) return undefined;
    return { cell, value: cellNumber(cell), row: r, col: c };
  };
  const damaged = requestsDamage(evidence, rowOrder.length, columns.size);
  return { kind: 'requests', table, columns, rows: rowMap, rowOrder, duplicateRows, at, ...(damaged ? { damaged } : {}) };
}

function requestsDamage(e: RowEvidence, recognised: number, columns: number): string | undefined {
  if (e.runTogether) return 'figures of several columns run together in one cell';
  if (e.stretched) return 'a figure stretched over several applicant columns';
  if (e.overfull) return 'rows with more figures than applicant columns';
  // Rows with figures but no label the format knows, while rows of the format are missing: the labels were lost
  // (a label column merged or misplaced), not left out by the author.
  const missing = expectedRequestRows('2021').length - recognised;
  if (e.unlabelled >= 3 && missing >= 3) return `${e.unlabelled} rows with figures but no recognisable label`;
  if (columns < 3) return 'the applicant column headings could not be read';
  return undefined;
}

// ----- Table 4 ---------------------------------------------------------------------------------------------------

export const REVIEW_GROUPS = ['review', 'direct', 'after'] as const;
export const REVIEW_FIELDS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export const REVIEW_GROUP_LABELS: Record<string, string> = {
  review: '行政复议',
  direct: '行政诉讼（未经复议直接起诉）',
  after: '行政诉讼（复议后起诉）',
};
export const REVIEW_FIELD_LABELS: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

const FIELD_RES: Array<[string, RegExp]> = [
  ['upheld', /维持/],
  ['corrected', /纠正/],
  ['other', /其他结果|其他/],
  ['pending', /尚未审结|未审结/],
  ['total', /总计|合计/],
];

function reviewGroup(label: string): string | undefined {
  if (/未经复议|直接起诉/.test(label)) return 'direct';
  if (/复议后起诉/.test(label)) return 'after';
  if (/行政复议/.test(label)) return 'review';
  return undefined;
}

const FIELD_LABEL_RE = /维持|纠正|其他结果|审结|总计|合计/;

/** A written "none" in a figure cell: 无, —, /. */
export const NIL_RE = /^(?:无|[-—–－_/／\\~·]+)$/;

/** A row of figures only: numbers, blanks, written "none"s or figures run together; no label text. */
function isFigureRow(row: TableCell[]): boolean {
  return row.length > 0 && row.every((c) => isBlank(c) || cellNumber(c) !== null || isRunTogether(c.text) || NIL_RE.test(norm(c.text)));
}

/** The long layout: the 15 figures in one row under a header whose labels are read down each column. */
function readReviewRow(table: Table, i: number, cells: Map<string, LabelledCell>): void {
  const rows = table.rows;
  for (let j = 0; j < rows[i]!.length; j++) {
    let label = '';
    let last = '';
    for (let k = 0; k < i; k++) {
      const t = norm(rows[k]![j]?.text ?? '');
      if (t && t !== last && cellNumber(rows[k]![j]) === null) label += t + '|';
      last = t;
    }
    const group = reviewGroup(label);
    if (!group) continue;
    const fieldLabel = label.split('|').filter(Boolean).pop() ?? '';
    const field = FIELD_RES.find(([, re]) => re.test(fieldLabel))?.[0];
    if (!field) continue;
    const key = `${group}.${field}`;
    if (!cells.has(key)) cells.set(key, { cell: rows[i]![j]!, value: cellNumber(rows[i]![j]), row: i, col: j });
  }
}

/** Tables laid out with one row per group ("行政复议 | 0 | 0 | …") under one row of field labels. */
function readReviewGroups(table: Table, header: number, cells: Map<string, LabelledCell>): void {
  const rows = table.rows;
  for (let i = header + 1; i < rows.length; i++) {
    const stub = rows[i]!.filter((c) => cellNumber(c) === null).map((c) => norm(c.text)).join('|');
    const group = reviewGroup(stub);
    if (!group) continue;
    for (let j = 0; j < rows[i]!.length; j++) {
      const fieldLabel = norm(rows[header]![j]?.text ?? '');
      const field = FIELD_RES.find(([, re]) => re.test(fieldLabel))?.[0];
      if (!field) continue;
      const key = `${group}.${field}`;
      if (!cells.has(key)) cells.set(key, { cell: rows[i]![j]!, value: cellNumber(rows[i]![j]), row: i, col: j });
    }
  }
}

function readReviews(table: Table): ReviewsTable {
  const rows = table.rows;
  const cells = new Map<string, LabelledCell>();
  let header = -1;
  rows.forEach((r, i) => {
    if (r.filter((c) => FIELD_LABEL_RE.test(norm(c.text))).length >= 3) header = i;
  });
  // The figure row is the first one under the field labels holding nothing but figures and blanks; without field
  // labels, the first row with three figures.
  let data = rows.findIndex((r, i) => i > header && header >= 0 && isFigureRow(r) && r.some((c) => !isBlank(c)));
  if (header < 0) data = rows.findIndex((r) => r.filter((c) => cellNumber(c) !== null).length >= 3);
  if (data >= 0) readReviewRow(table, data, cells);
  if (!cells.size && header >= 0) readReviewGroups(table, header, cells);
  const damaged = reviewsDamage(table, header, data, cells);
  return { kind: 'reviews-litigation', table, cells, ...(damaged ? { damaged } : {}) };
}

function reviewsDamage(table: Table, header: number, data: number, cells: Map<string, LabelledCell>): string | undefined {
  const body = table.rows.slice(header + 1);
  if (body.some((r) => r.some((c) => isRunTogether(c.text)))) return 'figures of several columns run together in one cell';
  if (data < 0) return undefined;
  const row = table.rows[data]!;
  const own = (j: number) => {
    const o = originOf(table, data, j);
    return o.row === data && o.col === j;
  };
  if (row.some((c, j) => !isBlank(c) && !own(j))) return 'a figure stretched over several columns';
  const figures = row.filter((c, j) => own(j) && cellNumber(c) !== null).length;
  if (cells.size < REVIEW_GROUPS.length * REVIEW_FIELDS.length && figures > cells.size) {
    return `${figures} figures but only ${cells.size} labelled columns`;
  }
  return undefined;
}

// ----- Table 2 ---------------------------------------------------------------------------------------------------

export const TRIAL_2019_COLUMNS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '采购总金额'];
const TRIAL_DOC_COLUMNS = ['本年新制作数量', '本年新公开数量', '对外公开总数量'];
export const COLUMNS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];

function readActive(table: Table): ActiveTable {
  const text = tableJoined(table);
  const trialLabels = TRIAL_2019_COLUMNS.filter((l) => text.includes(l) || text.includes(l.replace('/', '／')));
  const has2021 = COLUMNS_2021.some((l) => text.includes(l));
  // The 2019 trial columns of the 第二十条第（一）项 block decide: a table mixing in 2021 labels is still the trial layout.
  const version = trialLabels.some((l) => TRIAL_DOC_COLUMNS.includes(l)) ? 'trial2019' : has2021 ? '2021' : trialLabels.length ? 'trial2019' : undefined;
  const damaged = table.rows.some((r) => r.some((c) => isRunTogether(c.text))) ? 'figures of several columns run together in one cell' : undefined;
  return { kind: 'active-disclosure', table, version, trialLabels, text, ...(damaged ? { damaged } : {}) };
}

const tableCache = new WeakMap<ReportDocument, RecognisedTables>();

export function recogniseTables(doc: ReportDocument): RecognisedTables {
  const cached = tableCache.get(doc);
  if (cached) return cached;
  const out: RecognisedTables = { others: [] };
  for (const { table, kind, parts } of joinContinuations(doc.tables, classifyTable)) {
    let read: ActiveTable | RequestsTable | ReviewsTable | undefined;
    if (kind === 'requests' && !out.requests) read = out.requests = readRequests(table);
    else if (kind === 'reviews-litigation' && !out.reviews) read = out.reviews = readReviews(table);
    else if (kind === 'active-disclosure' && !out.active) read = out.active = readActive(table);
    if (!read) {
      out.others.push(...parts);
      continue;
    }
    // The reason is kept on the model tables too, for checks that look at tables without recognising them.
    if (read.damaged) for (const t of [table, ...parts]) t.damaged = read.damaged;
  }
  tableCache.set(doc, out);
  return out;
}

/** Human-readable pointer to a cell: "表（收到和处理申请）第5行第3列". */
export function cellPath(tableName: string, row: number, col: number): string {
  return `${tableName} 第${row + 1}行 第${col + 1}列`;
}
