import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadReport } from '@gongkai/report';

describe('tab-separated tables in .txt', () => {
  it('groups consecutive tabbed lines into a table with cell offsets', async () => {
    const text = '二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t1\t12\n三、收到和处理政府信息公开申请情况\n';
    const doc = await loadReport(new TextEncoder().encode(text), 'r.txt');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '3', '1', '12'],
    ]);
    expect(t.rows[2][3].value).toBe(12);
    expect(t.rows[2][3].span?.start.line).toBe(4);
    expect(doc.headings.map((h) => h.text)).toEqual(['主动公开政府信息情况', '收到和处理政府信息公开申请情况']);
  });

  it('keeps a single tabbed line as a paragraph', async () => {
    const doc = await loadReport(new TextEncoder().encode('一、总体情况\n\t本年度我局……\n'), 'r.txt');
    expect(doc.tables).toHaveLength(0);
  });

  it('reads the four tables of the GBK fixture', async () => {
    const bytes = readFileSync(new URL('../../../../fixtures/reports/report-2024-clean.gbk.txt', import.meta.url));
    const doc = await loadReport(bytes, 'report-2024-clean.gbk.txt');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.tables.length).toBeGreaterThanOrEqual(3);
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.numbering?.raw)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
  });
});
