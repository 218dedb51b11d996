/**
 * Grid helpers for the statistics tables: where a merged cell starts, and joining one statistics table that reached
 * the model as several (a table cut by a page break that the loader could not join, 主动公开 written as one small
 * table per 第二十条 item, a Word table the author split in two). Rules read one table per kind, so without the join
 * every row of the second part would be reported missing.
 */
import type { Table, TableCell } from '../model/types.js';

export type TableKind = 'active-disclosure' | 'requests' | 'reviews-litigation';

const norm = (s: string) => s.replace(/[\s\u3000]/g, '');

const originCache = new WeakMap<Table, { row: number; col: number }[][]>();

/**
 * Grid slot where the cell covering (row, col) starts. The model repeats a merged cell in every slot it covers and
 * keeps rowSpan/colSpan on the first copy only, so the spans are replayed over the grid.
 */
export function originOf(table: Table, row: number, col: number): { row: number; col: number } {
  let map = originCache.get(table);
  if (!map) {
    map = table.rows.map((r) => r.map(() => ({ row: -1, col: -1 })));
    table.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (map![r]![c]!.row >= 0) return;
        for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
          for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
            const slot = map![r + dr]?.[c + dc];
            const copy = table.rows[r + dr]?.[c + dc];
            // Broken markup can overlap spans; a slot keeps the first cell that really was copied into it.
            if (slot && slot.row < 0 && copy && copy.text === cell.text) map![r + dr]![c + dc] = { row: r, col: c };
          }
        }
        map![r]![c] = { row: r, col: c };
      });
    });
    originCache.set(table, map);
  }
  return map[row]?.[col] ?? { row, col };
}

const blankCell = (): TableCell => ({ text: '', value: null });

/** One table made of parts: rows appended in order, narrower rows padded on the right. */
function combine(parts: Table[], rows: TableCell[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const out: Table = {
    kind: 'table',
    rows: rows.map((r) => (r.length < width ? [...r, ...Array.from({ length: width - r.length }, blankCell)] : r)),
    span: { start: first.span.start, end: last.span.end },
  };
  if (first.caption) out.caption = first.caption;
  return out;
}

const ACTIVE_ROW_RE = /行政许可|行政处罚|行政强制|行政事业性收费|政府集中采购|第二十条第/;
const hasFigures = (row: TableCell[]) => row.some((c) => /\d/.test(c.text) && !/第|项/.test(c.text));
const width = (t: Table) => Math.max(0, ...t.rows.map((r) => r.length));

/** Rows of `next` after the header rows it repeats from `first` (Word repeats header rows on every page). */
function withoutRepeatedHeader(first: Table, next: Table): TableCell[][] {
  const firstData = first.rows.findIndex(hasFigures);
  const header = new Set(first.rows.slice(0, firstData < 0 ? 0 : firstData).map((r) => r.map((c) => norm(c.text)).join('|')));
  let k = 0;
  while (k < next.rows.length && !hasFigures(next.rows[k]!) && header.has(next.rows[k]!.map((c) => norm(c.text)).join('|'))) k++;
  return next.rows.slice(k);
}

/** Whether `next` carries on the table `first` of kind `kind` (`nextKind` is how `next` classifies on its own). */
function continues(kind: TableKind, first: Table, next: Table, nextKind: TableKind | undefined): boolean {
  if (kind === 'active-disclosure') {
    if (nextKind === 'active-disclosure') return true;
    return nextKind === undefined && next.rows.some((r) => r.some((c) => ACTIVE_ROW_RE.test(norm(c.text))));
  }
  if (kind === 'requests') {
    if (nextKind !== undefined && nextKind !== 'requests') return false;
    if (width(next) !== width(first) || !next.rows.some(hasFigures)) return false;
    const text = (t: Table) => t.rows.map((r) => r.map((c) => norm(c.text)).join('')).join('');
    // The first part stops before 四、结转下年度继续办理 and the next one is not a second table 3 of its own.
    return !/结转下年/.test(text(first)) && !/本年新收/.test(text(next));
  }
  return false;
}

export interface JoinedTable {
  table: Table;
  kind: TableKind | undefined;
  /** The model tables it was made of (one when nothing was joined). */
  parts: Table[];
}

/** The document's tables with statistics tables that continue in the next table joined to it. */
export function joinContinuations(tables: Table[], classify: (t: Table) => TableKind | undefined): JoinedTable[] {
  const kinds = tables.map(classify);
  const out: JoinedTable[] = [];
  for (let i = 0; i < tables.length; i++) {
    const kind = kinds[i];
    const parts = [tables[i]!];
    const rows = [...tables[i]!.rows];
    while (kind && i + 1 < tables.length && continues(kind, parts[0]!, tables[i + 1]!, kinds[i + 1])) {
      const next = tables[++i]!;
      rows.push(...withoutRepeatedHeader(parts[0]!, next));
      parts.push(next);
    }
    out.push({ table: parts.length > 1 ? combine(parts, rows) : parts[0]!, kind, parts });
  }
  return out;
}
