// The table rules must say the same about a PDF as about the Word file it was exported from: the grid rebuilt
// from the PDF's borders and text positions has to match the DOCX merged-cell grid closely enough that
// recognising the tables (row labels under merged cells, two-level headers) and checking their sums agree.
import { describe, expect, it } from 'vitest';
import { runRule, type Finding, type Rule } from '@gongkai/core';
import { loadReport } from '../../src/load/index.js';
import { reportRules } from '../../src/rules/index.js';
import { reportSubject } from '../../src/subject.js';
import { fixture } from './helpers.js';

const TABLE_RULES = ['report/table-format', 'report/table-arithmetic', 'report/table-missing'];

async function tableFindings(name: string): Promise<Pick<Finding, 'ruleId' | 'messageId' | 'message' | 'line' | 'column'>[]> {
  const doc = await loadReport(fixture(name), name);
  const subject = reportSubject(doc, { level: 'department', target: name });
  const rules = reportRules.filter((r: Rule) => TABLE_RULES.includes(r.meta.id));
  expect(rules.map((r) => r.meta.id).sort()).toEqual([...TABLE_RULES].sort());
  const out: Pick<Finding, 'ruleId' | 'messageId' | 'message' | 'line' | 'column'>[] = [];
  for (const rule of rules) {
    for (const f of await runRule(rule, subject)) out.push({ ruleId: f.ruleId, messageId: f.messageId, message: f.message, line: f.line, column: f.column });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message));
}

describe('table findings: PDF versus DOCX', () => {
  it('the clean report has no table findings in either layout of the PDF, as in the DOCX', async () => {
    expect(await tableFindings('report-2024-clean.docx')).toEqual([]);
    expect(await tableFindings('report-2024-clean.pdf')).toEqual([]);
    expect(await tableFindings('report-2024-clean.word.pdf')).toEqual([]);
  });

  it('the planted table errors are found in the PDF exactly as in the DOCX', async () => {
    const docx = await tableFindings('report-2024-errors.docx');
    // Table 2's 2019 columns, identity 1 in two columns of table 3, and table 4's 行政复议 total.
    expect(docx.map((f) => f.ruleId)).toEqual(['report/table-format', 'report/table-arithmetic', 'report/table-arithmetic', 'report/table-arithmetic']);
    expect(docx.map((f) => f.message).join('\n')).toMatch(/自然人[\s\S]*商业企业[\s\S]*行政复议/);
    expect(await tableFindings('report-2024-errors.pdf')).toEqual(docx);
  });
});
