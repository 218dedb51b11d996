import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/model/index.js';
import { loadTxt } from '../../src/load/index.js';
import type { RawDocument } from '../../src/model/raw.js';
import type { Heading, Section } from '../../src/model/types.js';

const build = (text: string, level?: 'department') => buildDocument(loadTxt(text, 'utf-8'), { target: 'x.txt', level });
const outline = (secs: Section[], depth = 0): string[] =>
  secs.flatMap((s) => [`${'  '.repeat(depth)}${s.heading.numbering?.raw ?? ''}${s.heading.text}`, ...outline(s.children, depth + 1)]);

const REPORT = [
  '某区科技局2023年政府信息公开工作年度报告',
  '',
  '本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。',
  '一、总体情况',
  '（一）主动公开。2023年，我局主动公开政府信息1458条。',
  '（二）依申请公开',
  '本年度共收到申请5件。',
  '1、加强组织领导，健全工作机制。局领导班子高度重视。',
  '2、落实规章制度',
  '二、主动公开政府信息情况',
  '一是加强政策信息公开。二是加大窗口建设。',
  '三、收到和处理政府信息公开申请情况',
  '　　（1）自然人申请3件',
  '四、存在的主要问题及改进情况：',
].join('\n');

describe('buildDocument: headings and outline', () => {
  const doc = build(REPORT);

  it('finds the title, the headings and their levels', () => {
    expect(doc.meta.title).toMatchObject({ value: '某区科技局2023年政府信息公开工作年度报告', source: 'text' });
    expect(doc.headings.map((h) => [h.level, h.numbering?.raw, h.text])).toEqual([
      [1, '一、', '总体情况'],
      [2, '（一）', '主动公开'],
      [2, '（二）', '依申请公开'],
      [3, '1、', '加强组织领导，健全工作机制'],
      [3, '2、', '落实规章制度'],
      [1, '二、', '主动公开政府信息情况'],
      [1, '三、', '收到和处理政府信息公开申请情况'],
      [2, '（1）', '自然人申请3件'],
      [1, '四、', '存在的主要问题及改进情况'],
    ]);
  });

  it('splits inline headings into heading and rest', () => {
    const h = doc.headings[1]!;
    expect(h.inline).toBe(true);
    expect(h.rest).toBe('2023年，我局主动公开政府信息1458条。');
    expect(h.raw).toBe('（一）主动公开。2023年，我局主动公开政府信息1458条。');
    expect(h.span.start).toMatchObject({ line: 5, column: 1 });
    const sec = doc.sections[0]!.children[0]!;
    expect(sec.blocks).toEqual([{ kind: 'paragraph', text: h.rest, span: expect.any(Object) }]);
    expect(doc.source.slice(sec.blocks[0]!.span.start.offset, sec.blocks[0]!.span.end.offset)).toBe(h.rest);
  });

  it('does not read 一是/二是 enumerations as headings', () => {
    expect(doc.headings.some((h) => h.text.includes('政策信息'))).toBe(false);
    expect(doc.sections[1]!.blocks).toHaveLength(1);
  });

  it('builds the section tree with spans', () => {
    expect(outline(doc.sections)).toEqual([
      '一、总体情况',
      '  （一）主动公开',
      '  （二）依申请公开',
      '    1、加强组织领导，健全工作机制',
      '    2、落实规章制度',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '  （1）自然人申请3件',
      '四、存在的主要问题及改进情况',
    ]);
    const first = doc.sections[0]!;
    expect(first.span.start.line).toBe(4);
    expect(first.span.end.line).toBe(9);
    expect(doc.preamble.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toEqual(doc.headings);
  });

  it('reads metadata: year, agency, period', () => {
    expect(doc.meta.reportYear).toMatchObject({ value: 2023, source: 'title' });
    expect(doc.meta.agency).toMatchObject({ value: '某区科技局', source: 'title' });
    expect(doc.meta.period).toMatchObject({ value: { start: '2023-01-01', end: '2023-12-31' }, source: 'text' });
    expect(doc.meta.period!.span!.start.line).toBe(3);
    expect(doc.facts()).toEqual({ kind: 'report', reportYear: 2023 });
    expect(build(REPORT, 'department').facts()).toEqual({ kind: 'report', reportYear: 2023, level: 'department' });
  });

  it('collects dates with spans', () => {
    const isos = doc.dates.filter((d) => d.iso).map((d) => [d.iso, d.span.start.line]);
    expect(isos).toEqual([
      ['2023-01-01', 3],
      ['2023-12-31', 3],
    ]);
  });
});

describe('buildDocument: heading heuristics', () => {
  it('keeps long numbered sentences as paragraphs', () => {
    const d = build('一、总体情况\n1、本年度我局严格按照条例要求全面推进政府信息公开工作并取得了较好的成效而且没有出现问题没有句号');
    expect(d.headings.map((h) => h.text)).toEqual(['总体情况']);
  });

  it('orders levels by appearance (1、 directly under 一、)', () => {
    const d = build('一、概述\n1、加强领导\n2、健全机制\n二、主动公开');
    expect(d.headings.map((h) => h.level)).toEqual([1, 2, 2, 1]);
  });

  it('treats a part marker as the outermost level when it comes first', () => {
    const d = build('第一部分 总体情况\n一、主动公开\n（一）规章\n第二部分 其他');
    expect(d.headings.map((h) => [h.numbering!.style, h.level])).toEqual([
      ['part', 1],
      ['chinese', 2],
      ['paren-chinese', 3],
      ['part', 1],
    ]);
  });

  it('keeps 二 missing and 三 twice as written', () => {
    const d = build('一、甲\n三、乙\n三、丙\n四、丁');
    expect(d.sections.map((s) => s.heading.numbering!.value)).toEqual([1, 3, 3, 4]);
  });

  it('reads the year from the opening sentence when there is no title', () => {
    const d = build('一、概述\n2010年，我局坚持以公开为原则。');
    expect(d.meta.title).toBeUndefined();
    expect(d.meta.reportYear).toMatchObject({ value: 2010, source: 'text' });
  });

  it('reads a Chinese-numeral year in the title and the agency before it', () => {
    const d = build('市科委二〇二一年度政府信息公开工作年度报告\n一、总体情况');
    expect(d.meta.reportYear?.value).toBe(2021);
    expect(d.meta.agency?.value).toBe('市科委');
  });

  it('reads the page metadata block, including cut-off labels', () => {
    const d = build(
      [
        '号: 0001/2024-00012 组配分类: 年度报告',
        '发布机构: 市科技局 主题分类: 综合政务',
        '名\u2003\u2003称: 2023年市科技局政府信息公开工作年度报告',
        '文\u2003\u2003号: 科发〔2024〕3号',
        '发布日期: 2024-01-20 09:00:00',
        '',
        '2023年市科技局政府信息公开工作年度报告',
        '一、总体情况',
      ].join('\n'),
    );
    expect(d.meta.raw['索引号']).toBe('0001/2024-00012');
    expect(d.meta.indexNo).toMatchObject({ value: '0001/2024-00012', source: 'page-meta' });
    expect(d.meta.agency).toMatchObject({ value: '市科技局', source: 'page-meta' });
    expect(d.meta.docNo?.value).toBe('科发〔2024〕3号');
    expect(d.meta.publishedAt).toMatchObject({ value: '2024-01-20', source: 'page-meta' });
    expect(d.meta.publishedAt!.span!.start.line).toBe(5);
    expect(d.meta.title?.value).toBe('2023年市科技局政府信息公开工作年度报告');
    expect(d.meta.title!.span!.start.line).toBe(7);
  });

  it('uses raw.title and raw.meta when the text has none', () => {
    const raw: RawDocument = {
      format: 'html', encoding: 'utf-8', source: '一、总体情况\n', blocks: [{ kind: 'text', text: '一、总体情况', start: 0, end: 6 }],
      title: '区政府办2022年政府信息公开工作年度报告', meta: { PubDate: '2023-01-15 10:00' }, notes: [], directives: [],
    };
    const d = buildDocument(raw, { target: 'x.html' });
    expect(d.meta.title).toMatchObject({ value: '区政府办2022年政府信息公开工作年度报告', source: 'metadata' });
    expect(d.meta.publishedAt).toMatchObject({ value: '2023-01-15', source: 'metadata' });
    expect(d.meta.reportYear?.value).toBe(2022);
    expect(d.meta.agency?.value).toBe('区政府办');
  });
});

describe('buildDocument: markup and tables', () => {
  it('combines markup depth and numbering', () => {
    const source = '年报\n主动公开\n规章\n二、依申请\n附件\n';
    const blk = (text: string, markupLevel?: number) => {
      const start = source.indexOf(text);
      return { kind: 'text' as const, text, start, end: start + text.length, ...(markupLevel ? { markupLevel } : {}) };
    };
    const raw: RawDocument = {
      format: 'md', encoding: 'utf-8', source, meta: {}, notes: [], directives: [],
      blocks: [blk('主动公开', 2), blk('规章', 3), blk('二、依申请', 2), blk('附件', 2)],
    };
    const d = buildDocument(raw, { target: 'x.md' });
    const hs = d.headings as Heading[];
    expect(hs.map((h) => [h.text, h.level, h.markupLevel])).toEqual([
      ['主动公开', 1, 2],
      ['规章', 2, 3],
      ['依申请', 1, 2],
      ['附件', 1, 2],
    ]);
  });

  it('expands merged cells into a rectangular grid and parses numbers', () => {
    const source = '表\n项目\t本年\t上年\n规章\t3\n';
    const raw: RawDocument = {
      format: 'html', encoding: 'utf-8', source, meta: {}, notes: [], directives: [],
      blocks: [
        { kind: 'text', text: '表', start: 0, end: 1 },
        {
          kind: 'table', start: 2, end: source.length - 1,
          rows: [
            [{ text: '项目', rowSpan: 2 }, { text: '数量', colSpan: 2 }],
            [{ text: '本年' }, { text: '上年' }],
            [{ text: '规章' }, { text: '3' }, { text: '—' }],
            [{ text: '文件' }, { text: '1,200' }],
          ],
        },
      ],
    };
    const d = buildDocument(raw, { target: 'x.html' });
    const t = d.tables[0]!;
    expect(t.caption).toBe('表');
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目', '数量', '数量'],
      ['项目', '本年', '上年'],
      ['规章', '3', '—'],
      ['文件', '1,200', ''],
    ]);
    expect(t.rows[0]![0]).toMatchObject({ rowSpan: 2 });
    expect(t.rows[1]![0]!.rowSpan).toBeUndefined();
    expect(t.rows[0]![1]).toMatchObject({ colSpan: 2 });
    expect(t.rows.map((r) => r.map((c) => c.value))).toEqual([
      [null, null, null],
      [null, null, null],
      [null, 3, null],
      [null, 1200, null],
    ]);
    expect(d.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
  });

  it('keeps page and paragraph numbers from raw blocks in spans', () => {
    const raw: RawDocument = {
      format: 'pdf', encoding: 'binary', source: '一、总体情况\n正文2023年3月1日\n', meta: {}, notes: [], directives: [],
      blocks: [
        { kind: 'text', text: '一、总体情况', start: 0, end: 6, page: 1 },
        { kind: 'text', text: '正文2023年3月1日', start: 7, end: 18, page: 2, paragraph: 4 },
      ],
    };
    const d = buildDocument(raw, { target: 'x.pdf' });
    expect(d.headings[0]!.span.start.page).toBe(1);
    expect(d.dates[0]!.span.start).toMatchObject({ line: 2, column: 3, page: 2, paragraph: 4 });
  });
});

describe('buildDocument: markup misuse', () => {
  it('does not read a whole paragraph in a markup heading as a heading', () => {
    const text = '本年度我局认真贯彻落实政府信息公开条例，不断完善工作机制，主动公开各类信息，依法办理公开申请，按时发布年度报告，切实保障公众的知情权、参与权和监督权。';
    const source = `${text}\n`;
    const raw: RawDocument = {
      format: 'html', encoding: 'utf-8', source, meta: {}, notes: [], directives: [],
      blocks: [{ kind: 'text', text, start: 0, end: text.length, markupLevel: 3 }],
    };
    const d = buildDocument(raw, { target: 'x.html' });
    expect(d.headings).toEqual([]);
    expect(d.blocks[0]!.kind).toBe('paragraph');
  });
});

describe('publication date from the sign-off', () => {
  it('reads a date-only line at the end when the page gives none', async () => {
    const { loadReport } = await import('@gongkai/report');
    const text = '示例局2024年政府信息公开工作年度报告\n一、总体情况\n本年度……\n示例局\n二〇二五年一月二十日\n';
    const doc = await loadReport(new TextEncoder().encode(text), 'r.txt');
    expect(doc.meta.publishedAt).toMatchObject({ value: '2025-01-20', source: 'text' });
    expect(doc.meta.publishedAt?.span?.start.line).toBe(5);
  });
  it('does not take a date inside a sentence', async () => {
    const { loadReport } = await import('@gongkai/report');
    const doc = await loadReport(new TextEncoder().encode('示例局2024年政府信息公开工作年度报告\n一、总体情况\n2025年1月20日召开了会议。\n'), 'r.txt');
    expect(doc.meta.publishedAt).toBeUndefined();
  });
});
