/**
 * Rule behaviour on documents as they really arrive (issue 8): damage is said once, never turned into errors.
 * Every case is a small synthetic document of our own; the real corpus suite (tests/real-corpus) covers the rest.
 */
import { describe, expect, it } from 'vitest';
import { check, ids, txt } from './helpers.js';
import { requiredSection } from '../../src/rules/required-section.js';
import { extractionQuality } from '../../src/rules/extraction-quality.js';
import { headingSequence } from '../../src/rules/heading-sequence.js';
import { tableMissing } from '../../src/rules/table-missing.js';
import { timeliness } from '../../src/rules/timeliness.js';

const sections = (fs: Awaited<ReturnType<typeof check>>) => fs.map((f) => `${f.severity}:${String(f.data?.section)}`).sort();

describe('report/required-section on real-world documents', () => {
  it('checks only the parts every regime requires when the year is unknown', async () => {
    const doc = await txt(['政府信息公开工作年度报告', '一、主动公开政府信息情况', '本机关主动公开信息80条。', '二、存在的主要问题及改进情况', '一是公开不够及时。'].join('\n'));
    // No overview (2019+ only), no fees (2008 only), no other: only 依申请 and 复议诉讼, which every regime requires.
    expect(sections(await check(requiredSection, doc))).toEqual(['error:requests', 'error:reviews-litigation']);
  });
  it('counts a 2008-style annex row as the content of a part', async () => {
    const doc = await txt(
      ['某县某局2011年度政府信息公开工作年度报告', '一、概述', '全年工作平稳有序。', '二、主动公开政府信息情况', '主动公开信息45条。', '三、依申请公开政府信息情况', '全年未收到依申请公开申请。', '四、收费及减免情况', '未收取任何费用。', '五、存在的主要问题及改进措施', '存在的问题是公开不够及时。', '附表', '指标名称\t计量单位\t数量', '行政复议数\t件\t0', '行政诉讼数\t件\t0'].join('\n'),
    );
    const f = await check(requiredSection, doc);
    expect(sections(f)).toEqual(['warning:other', 'warning:reviews-litigation']);
    expect(f.find((x) => x.data?.section === 'reviews-litigation')!.data).toMatchObject({ inTable: true });
  });
  it('calls a part that may sit in a lost annex unconfirmed, not missing', async () => {
    const doc = await txt(
      ['某县某局2012年度政府信息公开年度报告', '一、概述', '全年工作平稳有序。', '二、主动公开政府信息情况', '主动公开信息34条。', '三、存在的主要问题和改进措施', '存在的问题是公开不够及时。', '附表：统计表 指标名称 计量单位 主动公开信息数 条 34 受理依申请公开信息总数 条 0 其中：1．当面申请数 条0'].join('\n'),
    );
    const f = await check(requiredSection, doc);
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    expect(f.filter((x) => x.messageId === 'unconfirmed').map((x) => x.data?.section).sort()).toEqual(['fees', 'reviews-litigation']);
    // The annex row "受理依申请公开信息总数 条 0" is the content of 依申请公开.
    expect(f.find((x) => x.data?.section === 'requests')?.messageId).toBe('noHeading');
  });
  it('says nothing about a page that holds only its title, while timeliness still runs', async () => {
    const doc = await txt('标题: 某局2020年政府信息公开工作年度报告\n发布时间: 2021-03-28 10:00\n来源: 某局\n=== 正文 ===\n某局2020年政府信息公开工作年度报告');
    expect(await check(requiredSection, doc)).toEqual([]);
    expect(await check(tableMissing, doc)).toEqual([]);
    expect(ids(await check(timeliness, doc, {}, { agency: { level: 'department' } } as never))).toEqual(['late']);
    const q = await check(extractionQuality, doc);
    expect(q).toHaveLength(1);
    expect(q[0]!.data).toMatchObject({ damage: ['noText'] });
  });
});

describe('report/extraction-quality', () => {
  it('reports the damage of a collapsed page once, naming what was not checked', async () => {
    const body = `${'本局按照条例要求推进公开。'.repeat(60)}一、总体情况2023年，本局推进公开。二、主动公开政府信息情况规章000行政规范性文件105（七）总计2000002予以公开1000001部分公开1000001`;
    const f = await check(extractionQuality, await txt(`某局2023年度政府信息公开工作年度报告 ${body}`));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.data).toMatchObject({ damage: ['collapsed', 'flattenedTables'] });
    expect(f[0]!.message).toContain('只核对了一级标题编号');
  });
  it('stays silent on a well-formed report', async () => {
    const doc = await txt(['某局2023年政府信息公开工作年度报告', '一、总体情况', '本局全年主动公开信息80条。', '二、主动公开政府信息情况', '见下表。'].join('\n'));
    expect(await check(extractionQuality, doc)).toEqual([]);
  });
  it('honours ignore', async () => {
    const doc = await txt('某局2020年政府信息公开工作年度报告');
    expect(await check(extractionQuality, doc, { ignore: ['noText'] })).toEqual([]);
  });
});

describe('report/heading-sequence on collapsed text', () => {
  it('checks the parts but not sub-headings cut out of running text', async () => {
    const body = `${'本局按照条例要求推进公开。'.repeat(60)}二、总体情况2023年，本局推进公开。（二）主动公开方面。公开信息80条。三、主动公开政府信息情况公开信息80条。`;
    const f = await check(headingSequence, await txt(`某局2023年度政府信息公开工作年度报告 ${body}`));
    // 一、 is missing (an error in any form); the lone （二） may be a list item the cut could not tell apart.
    expect(f.map((x) => `${x.messageId}:${String(x.data?.value)}`)).toEqual(['gap:2']);
  });
  it('reports an enumeration that repeats a number', async () => {
    const doc = await txt(['某局2019年度政府信息公开工作年度报告', '一、总体情况', '一是抓好预算公开。二是完善机制。三是加强督导。三是积极宣传。'].join('\n'));
    const f = await check(headingSequence, doc);
    expect(ids(f)).toEqual(['enumDuplicate']);
    expect(f[0]!.message).toContain('三是');
  });
});

describe('agency level', () => {
  const titled = (title: string) => txt([title, '一、总体情况', '本机关全年主动公开政府信息80条。'].join('\n'));
  it('takes no 人民政府 level for a 管委会 and says why it took the level it did', async () => {
    const { guessLevelWithEvidence } = await import('../../src/analysis/document.js');
    expect(guessLevelWithEvidence(await titled('某经济开发区管委会2023年政府信息公开工作年度报告'))).toEqual({ evidence: '管委会' });
    expect(guessLevelWithEvidence(await titled('某区海湾片区管理局2022年度政府信息公开工作年度报告')).level).toBe('township');
    expect(guessLevelWithEvidence(await titled('某市某区人民政府2023年政府信息公开工作年度报告')).level).toBe('government');
    expect(guessLevelWithEvidence(await titled('某开发区管委会财政局2023年政府信息公开工作年度报告')).level).toBe('department');
  });
  it('names the level and its evidence in a late finding when the deadline depends on it', async () => {
    const doc = await txt('标题: 某县林业局2023年政府信息公开工作年度报告\n发布时间: 2024-02-20 10:00\n来源: 某县林业局\n=== 正文 ===\n某县林业局2023年政府信息公开工作年度报告\n一、总体情况\n本局全年主动公开政府信息80条。');
    const f = await check(timeliness, doc);
    expect(ids(f)).toEqual(['late']);
    expect(f[0]!.message).toContain('按政府部门的期限，依据标题中的“局”');
  });
});

describe('traces of copied text', () => {
  const report = (lines: string[]) => txt(['平潭示例区财政金融局2022年度政府信息公开工作年度报告', '一、总体情况', ...lines].join('\n'));
  it('report/agency-name: a misspelled signature, a foreign 我委 and another organ\'s guide', async () => {
    const { agencyName } = await import('../../src/rules/agency-name.js');
    const f = await check(agencyName, await report(['我局全年主动公开信息80条，我局按要求编制了《平潭示例区经贸局政府信息公开指南》。', '我委在答复申请时严格把关。我局持续改进。', '平潭示例区财政全融局', '2023年1月4日']));
    expect(ids(f).sort()).toEqual(['otherGuide', 'selfReference', 'signature']);
    expect(f.find((x) => x.messageId === 'signature')!.message).toContain('全融');
  });
  it('report/agency-name: stays silent on a consistent report and on abbreviations', async () => {
    const { agencyName } = await import('../../src/rules/agency-name.js');
    const doc = await txt(['平潭示例县安全生产监督管理局2012年度政府信息公开年度报告', '一、概述', '我局编制了《平潭示例县安监局政府信息公开指南》，我局全年公开信息34条。', '平潭示例县安全生产监督管理局', '2013年2月10日'].join('\n'));
    expect(await check(agencyName, doc)).toEqual([]);
    const zone = await txt(['某开发区管委会2023年政府信息公开工作年度报告', '一、总体情况', '我委全年公开信息34条。'].join('\n'));
    expect(await check(agencyName, zone)).toEqual([]);
  });
  it('report/statute-name: one finding per wrong name, none for the right ones', async () => {
    const { statuteName, misnamedRegulations } = await import('../../src/rules/statute-name.js');
    const f = await check(statuteName, await report(['根据《中华人民共和国政府信息公开工作条例》和《中华人民共和国政府信息公开工作条例》要求，依照《条例》和《福建省政府信息公开办法》。']));
    expect(ids(f)).toEqual(['misnamed']);
    expect(misnamedRegulations('中华人民共和国政府信息公开条例')).toBe(false);
    expect(misnamedRegulations('政府信息公开工作条例')).toBe(true);
    expect(misnamedRegulations('某省政府信息公开条例')).toBe(false);
  });
  it('report/report-year: a signature dated before the year ended', async () => {
    const { reportYear } = await import('../../src/rules/report-year.js');
    const doc = await txt(['某县某局2012年度政府信息公开年度报告', '一、概述', '2012年，我局全年公开信息34条。', '某县某局', '二○一二年二月十日', '附表：统计表 主动公开信息数 条 34'].join('\n'));
    const f = await check(reportYear, doc);
    expect(ids(f)).toEqual(['signedEarly']);
    expect(f[0]!.severity).toBe('warning');
  });
});
