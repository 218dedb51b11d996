import ExcelJS from 'exceljs';
import {
  countSeverities,
  displayTarget,
  flattenTargets,
  formatLocation,
  formatScore,
  shownScore,
  passedLabel,
  severityLabel,
  t,
  type FormatContext,
  type RunResult,
} from '@gongkai/core';

/**
 * A workbook for offices that track audits in spreadsheets: one sheet of targets (filterable by result and
 * counts), one sheet of findings with the machine-readable data kept as JSON in the last column.
 */

interface Column {
  key: string;
  label: string;
  width: number;
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Array<Record<string, unknown>>) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.label, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  return ws;
}

export async function formatXlsx(result: RunResult, ctx: FormatContext): Promise<Buffer> {
  const { locale } = ctx;
  const L = (key: string) => t(key, locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = `gongkai ${result.tool.version}`;
  // A fixed date keeps the bytes of two runs over the same result comparable.
  wb.created = new Date(0);
  wb.modified = new Date(0);

  const flat = flattenTargets(result.results);
  addSheet(
    wb,
    L('fmt.xlsx.targets'),
    [
      { key: 'name', label: L('fmt.col.name'), width: 24 },
      { key: 'target', label: L('fmt.col.target'), width: 48 },
      { key: 'kind', label: L('fmt.col.kind'), width: 8 },
      { key: 'score', label: L('fmt.col.score'), width: 8 },
      { key: 'passed', label: L('fmt.col.result'), width: 10 },
      { key: 'grade', label: L('fmt.col.grade'), width: 10 },
      { key: 'errors', label: L('fmt.col.errors'), width: 8 },
      { key: 'warnings', label: L('fmt.col.warnings'), width: 8 },
      { key: 'infos', label: L('fmt.col.infos'), width: 8 },
      { key: 'vetoed', label: L('fmt.col.veto'), width: 30 },
      { key: 'error', label: L('fmt.error'), width: 40 },
    ],
    flat.map(({ result: r }) => {
      const c = countSeverities(r.findings);
      return {
        name: r.name ?? '',
        target: displayTarget(r.target, ctx.cwd),
        kind: L(`fmt.kind.${r.kind}`),
        score: shownScore(r) ?? formatScore(null, locale),
        passed: passedLabel(r, locale),
        grade: r.grade ?? '',
        errors: c.error,
        warnings: c.warning,
        infos: c.info,
        vetoed: (r.scoring?.vetoed ?? []).join(', '),
        error: r.error ? `${r.error.message} (${r.error.code})` : '',
      };
    }),
  );

  const findingRows: Array<Record<string, unknown>> = [];
  for (const { result: r } of flat) {
    for (const f of r.findings) {
      if (f.suppressed) continue;
      findingRows.push({
        target: displayTarget(r.target, ctx.cwd),
        rule: f.ruleId,
        severity: severityLabel(f.severity, locale),
        message: f.message,
        location: formatLocation({ ...f, url: undefined }, locale),
        url: f.url ?? '',
        data: f.data ? JSON.stringify(f.data) : '',
      });
    }
  }
  addSheet(
    wb,
    L('fmt.xlsx.findings'),
    [
      { key: 'target', label: L('fmt.col.target'), width: 40 },
      { key: 'rule', label: L('fmt.col.rule'), width: 26 },
      { key: 'severity', label: L('fmt.col.severity'), width: 8 },
      { key: 'message', label: L('fmt.col.message'), width: 60 },
      { key: 'location', label: L('fmt.col.location'), width: 20 },
      { key: 'url', label: L('fmt.col.url'), width: 40 },
      { key: 'data', label: L('fmt.col.data'), width: 40 },
    ],
    findingRows,
  );

  const bytes = await wb.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
