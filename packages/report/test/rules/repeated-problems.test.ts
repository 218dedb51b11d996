import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runRule } from '@gongkai/core';
import { carryFacts, loadReport, repeatedProblems, repeatedShare, reportSubject } from '@gongkai/report';

const clean = readFileSync(new URL('../../../../fixtures/reports/report-2024-clean.md', import.meta.url), 'utf8');
const load = async (text: string) => reportSubject(await loadReport(new TextEncoder().encode(text), 'r.md'), { level: 'department' });

describe('report/repeated-problems', () => {
  it('measures the share of this year\'s text found again last year, ignoring figures', () => {
    expect(repeatedShare('本年度共办理申请38件，政策解读形式较为单一。', '本年度共办理申请21件，政策解读形式较为单一。').share).toBe(1);
    expect(repeatedShare('政策解读形式较为单一', '依申请公开办理规范化水平有待提高').share).toBeLessThan(0.2);
  });

  it('warns when section 五 repeats last year\'s, and not when it was rewritten', async () => {
    const thisYear = await load(clean);
    const lastYear = carryFacts(await load(clean.replace(/2024/g, '2023').replace(/2025/g, '2024')))!;
    expect(lastYear.problemsText!.length).toBeGreaterThan(60);
    const f = await runRule(repeatedProblems, thisYear, {}, { settings: { previousReport: lastYear } });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'report/repeated-problems', severity: 'warning' });
    expect(f[0].data).toMatchObject({ previousYear: 2023 });
    const rewritten = { ...lastYear, problemsText: '一是网站栏目设置有待优化，部分栏目更新不及时；二是工作人员业务能力需进一步提升，培训次数偏少；三是公开形式不够丰富，群众参与度不高。下一步将加强栏目管理，开展专题培训，丰富公开形式。' };
    expect(await runRule(repeatedProblems, thisYear, {}, { settings: { previousReport: rewritten } })).toEqual([]);
  });

  it('is not applicable without last year\'s report', async () => {
    expect(await runRule(repeatedProblems, await load(clean))).toEqual([]);
  });
});
