import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatXlsx } from '../src/formatters/xlsx.js';
import { CWD, EXPECTED, RULES, sampleRun } from '../../core/test/fixtures/formatters/sample-run.js';

const ctx = { locale: 'zh-CN' as const, color: false, rules: RULES, cwd: CWD };

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('xlsx', () => {
  it('writes a targets sheet and a findings sheet that read back', async () => {
    const buf = await formatXlsx(sampleRun(), ctx);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const wb = await read(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['站点', '问题']);

    const targets = rows(wb.getWorksheet('站点')!);
    expect(targets[0]).toEqual(['名称', '检查对象', '类型', '得分', '结论', '等级', '错误', '警告', '提示', '否决项', '无法检查']);
    expect(targets).toHaveLength(1 + 6);
    expect(targets[1]).toEqual(['', 'reports/2024年度政府信息公开工作年度报告.md', '报告', 84, '合格', '良好', 1, 2, 0, '', '']);
    expect(targets[2].slice(0, 5)).toEqual(['', 'reports/某县2023年报.pdf', '报告', 52.5, '不合格']);
    expect(targets[3]).toEqual(['', 'https://www.example-county.gov.cn/', '网站', 86, '不合格', '良好', 2, 2, 0, 'site/stale-column', '']);
    expect(targets[4][1]).toBe('https://www.example-county.gov.cn/zwgk/ndbg/2023年报.docx');
    expect(targets[6]).toEqual(['', 'reports/损坏的报告.docx', '报告', '无得分', '无法检查', '', 0, 0, 0, '', '文件不是有效的 Word 文档（zip 结构损坏） (load-failed)']);

    const findings = rows(wb.getWorksheet('问题')!);
    expect(findings[0]).toEqual(['检查对象', '规则', '级别', '说明', '位置', '网址', '数据']);
    expect(findings).toHaveLength(1 + EXPECTED.findingRows);
    const sum = findings.find((r) => r[1] === 'report/table-sum')!;
    expect(sum.slice(0, 5)).toEqual([
      'reports/2024年度政府信息公开工作年度报告.md',
      'report/table-sum',
      '错误',
      '表3“本年新收政府信息公开申请数量”合计应为350，实际填写348',
      '48:5 表3 第2行 第8列',
    ]);
    expect(JSON.parse(sum[6] as string)).toEqual({ table: 3, expected: 350, actual: 348 });
    const stale = findings.find((r) => r[1] === 'site/stale-column')!;
    expect(stale[5]).toBe('https://www.example-county.gov.cn/zwgk/tzgg/');
    expect(findings.filter((r) => r[2] === '错误')).toHaveLength(EXPECTED.error);
    expect(findings.some((r) => String(r[3]).includes('350余条'))).toBe(false);
  });

  it('uses English sheet names and labels with locale en', async () => {
    const wb = await read(await formatXlsx(sampleRun(), { ...ctx, locale: 'en' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Targets', 'Findings']);
    const findings = rows(wb.getWorksheet('Findings')!);
    expect(findings[0]).toEqual(['target', 'rule', 'severity', 'message', 'location', 'URL', 'data']);
    expect(findings.find((r) => r[1] === 'report/required-section')![4]).toBe('p.1');
  });
});
