/**
 * Robustness property tests: whatever bytes arrive, loading either yields a document or throws a GongkaiError, and
 * checking that document with every report rule (as the built-in packs configure them) never crashes a rule and never
 * hangs one. Inputs are random unicode and bytes, mutated real-looking reports (truncated, shuffled, GBK spliced into
 * UTF-8, numbers and numbering markers scrambled), ragged and nested tables, and 1 MB single-line documents.
 * Seeds are fixed so a failure reproduces; the per-rule time bound is a guard against catastrophic regex
 * backtracking on pathological input, set far above what a linear scan of 1 MB costs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  RuleRegistry,
  PackSet,
  checkSubject,
  isGongkaiError,
  resolveConfig,
  validateConfig,
  INTERNAL_ERROR_RULE,
  type ResolvedConfig,
  type Rule,
} from '@gongkai/core';
import { loadReport, reportRules, reportSubject } from '../src/index.js';
import { loadBuiltinPacks } from '../../../rules/index.js';
// The bench's corpus generator writes the same kind of synthetic reports the benchmark checks.
import { generateOne } from '../../../bench/corpus/index.mjs';
import { encodeGbk } from '../../../bench/corpus/gbk.mjs';
import { Rng } from '../../../bench/corpus/prng.mjs';

const RULE_TIME_LIMIT_MS = 1000;
const utf8 = new TextEncoder();
const decodeUtf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

interface Engine {
  registry: RuleRegistry;
  config: ResolvedConfig;
}

function reportEngine(extraRules: Rule[] = []): Engine {
  const registry = new RuleRegistry([...reportRules, ...extraRules] as never[]);
  const packs = new PackSet(registry);
  for (const p of loadBuiltinPacks() as Array<{ id: unknown; file: string; data: unknown }>) {
    // Site packs name site rules, which this report-only registry does not hold.
    if (String(p.id).startsWith('report')) packs.add(p.data, p.file);
  }
  const user = validateConfig({ extends: ['report'], ...(extraRules.length ? { rules: Object.fromEntries(extraRules.map((r) => [r.meta.id, 'error'])) } : {}) }, 'robustness', registry);
  return { registry, config: resolveConfig(user, packs) };
}

const engine = reportEngine();

interface Outcome {
  loaded: boolean;
  code?: string;
  findings: number;
  slowest: [string, number];
  /** Rules that ran (those whose packs apply to the document). */
  rules: number;
}

/** Loads and checks one input; throws (failing the property) on anything but a GongkaiError from loading. */
async function survive(bytes: Uint8Array, path: string, eng: Engine = engine): Promise<Outcome> {
  let doc;
  try {
    doc = await loadReport(bytes, path);
  } catch (e) {
    if (isGongkaiError(e)) return { loaded: false, code: e.code, findings: 0, slowest: ['', 0], rules: 0 };
    throw new Error(`loadReport(${path}, ${bytes.length} bytes) threw a non-GongkaiError: ${(e as Error)?.stack ?? String(e)}`);
  }
  const timing = new Map<string, number>();
  const result = await checkSubject(reportSubject(doc), {
    config: eng.config,
    registry: eng.registry,
    settings: { asOf: '2026-06-30', agency: {} },
    timing,
  });
  const internal = result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE);
  if (internal.length) {
    throw new Error(`internal error on ${path} (${bytes.length} bytes): ${internal.map((f) => f.message).join(' | ')}`);
  }
  let slowest: [string, number] = ['', 0];
  for (const [id, ms] of timing) if (ms > slowest[1]) slowest = [id, ms];
  return { loaded: true, findings: result.findings.length, slowest, rules: timing.size };
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

const TEXT_EXTS = ['.txt', '.md', '.html', '.htm', '.markdown', ''];
const ALL_EXTS = [...TEXT_EXTS, '.docx', '.pdf', '.doc', '.xlsx'];

/** Fragments real reports are made of, plus the punctuation and markup that trips parsers. */
const TOKENS = [
  '一、', '二、', '十一、', '二十三、', '九十九、', '（一）', '(二)', '（十五）', '（', '）', '1.', '2、', '3．', '10.', '（1）',
  '(12)', '①', '⑳', '第一部分', '第三章', '一是', '二是', '其一，', '总体情况', '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项',
  '本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '（七）总计', '结转下年度继续办理', '结果维持', '总计', '合计',
  '其中', '占', '%', '％', '件', '条', '万元', '余', '多', '近', '约', '2024年', '二〇二四年三月', '二〇二五年一月二十日',
  '2024-13-45', '2025年2月30日', '2025/01/20', '2010～2012年', '350余条', '近千条', '1,234.5万元', '12.5%',
  '99999999999999999999', '-7', '0.0001', '１２３', '一千二百三十四', '零', '〇', '信息处理费', '未收取', '统计期限',
  '年度报告', '政府信息公开工作年度报告', 'XXX', '××', '【待填写】', '＿＿＿', '某某局', '|', '---', '| --- |', '#', '##',
  '<td>', '</td>', '<tr>', '<table>', '<!-- gongkai-disable -->', '<!--', '-->', '&nbsp;', '&#x4e00;', '\\', '*', '`',
  '　', ' ', '\t', '\n', '\n', '\n', '\r\n', '\r', '\f', '\u200b', '\ufeff', '，', '。', '；', '：', '、',
];

const tokenText = (maxLength: number) => fc.array(fc.constantFrom(...TOKENS), { maxLength }).map((t) => t.join(''));

/** Report-looking base documents: the repository's fixtures plus a few dozen generated reports in every format. */
const fixtureDir = fileURLToPath(new URL('../../../fixtures/reports/', import.meta.url));
const BASES: Array<{ name: string; bytes: Uint8Array }> = [
  ...['report-2024-clean.md', 'report-2024-errors.md', 'report-2024-clean.html', 'report-2024-clean.gbk.txt'].map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(fixtureDir + name)),
  })),
  ...Array.from({ length: 48 }, (_, i) => {
    const { bytes, entry } = generateOne(7, i) as { bytes: Uint8Array; entry: { name: string } };
    return { name: entry.name, bytes };
  }),
];

/** Decodes as a loader would guess: GBK bases must be mutated as text, not as mangled UTF-8. */
function baseText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'shuffle'; seed: number }
  | { kind: 'drop'; seed: number }
  | { kind: 'duplicate'; seed: number }
  | { kind: 'numbers'; seed: number }
  | { kind: 'markers'; seed: number }
  | { kind: 'gbk-splice'; at: number; len: number }
  | { kind: 'gbk-concat' }
  | { kind: 'bytes'; seed: number }
  | { kind: 'inject'; at: number; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('numbers' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('markers' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('gbk-splice' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 4000 }) }),
  fc.record({ kind: fc.constant('gbk-concat' as const) }),
  fc.record({ kind: fc.constant('bytes' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: tokenText(30) }),
);

const NUMBER_SWAPS = ['0', '1', '-3', '99999999999999999999', '1e308', '3.14159', '１２', '十二', '二〇二四', '350余', 'NaN', '', '٣'];
const MARKERS = ['一、', '（一）', '(一)', '1.', '1、', '（1）', '①', '第一部分', '二十、', '（九十九）', '0.', '（0）'];

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** Applies one mutation; byte-level ones work on bytes, the rest on the decoded text. */
function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'truncate':
      // Cutting at any byte may split a UTF-8 or GBK character in half, on purpose.
      return bytes.subarray(0, Math.floor(bytes.length * m.at));
    case 'bytes': {
      const out = new Uint8Array(bytes);
      const rng = new Rng(m.seed + 1);
      for (let i = 0, n = rng.int(1, 40); i < n && out.length; i++) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
      return out;
    }
    case 'gbk-splice': {
      const text = baseText(bytes);
      const start = Math.floor(text.length * m.at);
      const gbk = encodeGbk(text.slice(start, start + m.len)) as Uint8Array;
      const cut = Math.floor(bytes.length * m.at);
      return concat(bytes.subarray(0, cut), gbk, bytes.subarray(cut));
    }
    case 'gbk-concat': {
      const text = baseText(bytes);
      const half = text.length >> 1;
      return concat(encodeGbk(text.slice(0, half)) as Uint8Array, utf8.encode(text.slice(half)));
    }
    default:
      return utf8.encode(mutateText(baseText(bytes), m));
  }
}

function mutateText(text: string, m: Exclude<Mutation, { kind: 'truncate' | 'bytes' | 'gbk-splice' | 'gbk-concat' }>): string {
  if (m.kind === 'inject') {
    const at = Math.floor(text.length * m.at);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const rng = new Rng(m.seed + 1);
  const ls = lines(text);
  switch (m.kind) {
    case 'shuffle':
      return rng.shuffle(ls).join('');
    case 'drop':
      return ls.filter(() => !rng.chance(0.3)).join('');
    case 'duplicate':
      return ls.flatMap((l: string) => (rng.chance(0.2) ? [l, l, l] : [l])).join('');
    case 'numbers':
      return text.replace(/\d+/g, (d) => (rng.chance(0.3) ? rng.pick(NUMBER_SWAPS) : d));
    case 'markers':
      return ls.map((l: string) => (rng.chance(0.25) ? rng.pick(MARKERS) + l : l)).join('');
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// Ragged Markdown tables: rows of any width, missing or malformed delimiter rows, pipes inside containers.
const cellArb = fc.oneof(
  fc.constantFrom('', ' ', '0', '12', '350余', '-', '无', '总计', '自然人', '（七）总计', '一、本年新收政府信息公开申请数量', '\\|', '**3**', '`7`', '１２'),
  fc.integer({ min: -5, max: 100000 }).map(String),
  tokenText(4).map((s) => s.replace(/\n/g, ' ')),
);
const mdTableArb = fc
  .record({
    rows: fc.array(fc.array(cellArb, { maxLength: 30 }), { minLength: 1, maxLength: 40 }),
    delimiter: fc.constantFrom('standard', 'none', 'short', 'garbage'),
    prefix: fc.constantFrom('', '> ', '> > ', '- ', '1. ', '    ', '\t'),
    outerPipes: fc.boolean(),
    heading: fc.constantFrom('', '## 三、收到和处理政府信息公开申请情况\n\n', '三、收到和处理政府信息公开申请情况\n'),
  })
  .map(({ rows, delimiter, prefix, outerPipes, heading }) => {
    const row = (cells: string[]) => (outerPipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const width = rows[0].length;
    const delim =
      delimiter === 'standard' ? row(Array(Math.max(1, width)).fill('---')) : delimiter === 'short' ? '| --- |' : delimiter === 'garbage' ? '|:-:|-:|:--|--x|' : null;
    const out = [row(rows[0]), ...(delim ? [delim] : []), ...rows.slice(1).map(row)];
    return heading + out.map((l) => prefix + l).join('\n') + '\n';
  });

// Nested, ragged HTML tables with hostile rowspan/colspan values.
const spanArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1000, 65534, 2147483647, 1e12) },
  { weight: 1, arbitrary: fc.constantFrom('abc', '', '3px', '2.5', ' 2 ') },
);
/** Tables nest up to `depth` levels; an explicit bound keeps generated documents small (letrec grew without limit). */
function htmlTableArb(depth: number): fc.Arbitrary<string> {
  const body = depth > 0 ? fc.oneof({ weight: 5, arbitrary: cellArb }, { weight: 1, arbitrary: htmlTableArb(depth - 1) }) : cellArb;
  const cell = fc
    .record({
      tag: fc.constantFrom('td', 'th', 'td'),
      rs: fc.option(spanArb, { nil: undefined }),
      cs: fc.option(spanArb, { nil: undefined }),
      body,
      closed: fc.boolean(),
    })
    .map(({ tag, rs, cs, body: inner, closed }) => {
      const attrs = `${rs !== undefined ? ` rowspan="${rs}"` : ''}${cs !== undefined ? ` colspan="${cs}"` : ''}`;
      return `<${tag}${attrs}>${inner}${closed ? `</${tag}>` : ''}`;
    });
  return fc
    .array(fc.array(cell, { maxLength: depth > 1 ? 12 : 5 }), { maxLength: depth > 1 ? 14 : 4 })
    .map((rows) => `<table>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</table>`);
}
const htmlTable = htmlTableArb(3);

const htmlDocArb = fc
  .record({
    before: tokenText(40),
    tables: fc.array(htmlTable, { minLength: 1, maxLength: 3 }),
    charset: fc.constantFrom('utf-8', 'gbk', 'gb2312', 'big5', 'x-unknown', ''),
  })
  .map(({ before, tables, charset }) => `<html><head><meta charset="${charset}"></head><body><p>${before}</p>${tables.join('<p>一、总体情况</p>')}</body></html>`);

/** Repeats `unit` into one line of about `bytes` UTF-8 bytes. */
function hugeLine(unit: string, bytes = 1 << 20): string {
  const clean = unit.replace(/[\r\n\f]/g, ' ') || '年';
  const size = utf8.encode(clean).length;
  return clean.repeat(Math.max(1, Math.ceil(bytes / size)));
}

/** Inputs aimed at regexes that backtrack: long runs of one character class with no closing match. */
const PATHOLOGICAL_UNITS = [
  '1', '１', '一', '年', ' ', '　', '（', '(一', '2024年', '二〇二四年', '350余', '12.5%', '，其中', '合计', '|', '| 1 ',
  'X', '×', '＿', '【', '第一部分', '一、二、', '（一）', '1.1.', '其中自然人申请1件，占', '申请数量', '<td>', '&nbsp;', '0.',
];

const HUGE_HEAD_LINES = '示例市科学技术局2024年政府信息公开工作年度报告\n一、总体情况\n';
const HUGE_HEAD_INLINE = '示例市科学技术局2024年政府信息公开工作年度报告。一、总体情况。我局';

function hugeDocument(head: string, unit: string, bytes: number, ext: string): Uint8Array {
  const line = hugeLine(unit, bytes);
  if (ext !== '.html') return utf8.encode(head + line);
  const [title, ...rest] = head.split('\n');
  return utf8.encode(`<html><body><h1>${title}</h1>${rest.filter(Boolean).map((r) => `<h2>${r}</h2>`).join('')}<p>${line}</p></body></html>`);
}

function expectBounded(o: Outcome, what: string) {
  expect(o.slowest[1], `${what}: rule ${o.slowest[0]} took ${o.slowest[1].toFixed(0)} ms`).toBeLessThan(RULE_TIME_LIMIT_MS);
}

// ---------------------------------------------------------------------------------------------------------------

describe('robustness: load + check never crashes', () => {
  it('the harness notices a rule that throws (so the properties below can fail)', async () => {
    const crashing: Rule = {
      meta: {
        id: 'report/test-crasher', type: 'problem', subject: 'report', category: 'structure',
        description: { zh: '测试用', en: 'test only' }, messages: {}, defaultSeverity: 'error', weight: 1,
      },
      check() {
        throw new Error('boom');
      },
    };
    const eng = reportEngine([crashing]);
    await expect(survive(BASES[0].bytes, 'x.md', eng)).rejects.toThrow(/internal error.*boom/);
    await expect(survive(BASES[0].bytes, 'x.md')).resolves.toMatchObject({ loaded: true });
  });

  it('random unicode and token soup, in every text format', async () => {
    const arb = fc.tuple(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        fc.string({ unit: 'binary', maxLength: 600 }),
        tokenText(400),
        fc.array(fc.constantFrom(...MARKERS, ...TOKENS.slice(23, 30), '\n'), { maxLength: 200 }).map((t) => t.join('')),
      ),
      fc.constantFrom(...TEXT_EXTS),
    );
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(arb, async ([text, ext]) => {
        if ((await survive(utf8.encode(text), `random${ext}`)).loaded) loaded++;
      }),
      { seed: 0x60c1, numRuns: 1200 },
    );
    expect(loaded).toBeGreaterThan(300);
  });

  it('random bytes under any extension (binary and corrupt files are load errors, nothing worse)', async () => {
    const prefixes = ['', 'PK\u0003\u0004', '%PDF-1.4\n', '\ufeff', '<html>', '\u00ff\u00fe', '{\\rtf1'];
    const arb = fc.tuple(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...ALL_EXTS));
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(arb, async ([prefix, body, ext]) => {
        const head = Uint8Array.from([...prefix].map((ch) => ch.charCodeAt(0) & 0xff));
        const o = await survive(concat(head, body), `bytes${ext}`);
        if (o.code) codes.add(o.code);
      }),
      { seed: 0xb17e, numRuns: 400 },
    );
    for (const code of codes) expect(code).toMatch(/^load\//);
  });

  it('mutated real-looking reports: truncated, shuffled, GBK spliced into UTF-8, numbers and markers scrambled', async () => {
    const arb = fc.tuple(
      fc.integer({ min: 0, max: BASES.length - 1 }),
      fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
      fc.constantFrom('keep', '.txt', '.md', '.html'),
    );
    let loaded = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(arb, async ([i, mutations, ext]) => {
        const base = BASES[i];
        let bytes = base.bytes;
        for (const m of mutations) bytes = mutate(bytes, m);
        const name = ext === 'keep' ? base.name : base.name.replace(/\.[^.]+$/, ext);
        runs++;
        if ((await survive(bytes, name)).loaded) loaded++;
      }),
      { seed: 0x3a7e, numRuns: 900 },
    );
    // Most mutants are still documents; if nearly all were load errors the rules would go untested.
    expect(loaded / runs).toBeGreaterThan(0.6);
  });

  it('ragged and nested Markdown tables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mdTableArb, { minLength: 1, maxLength: 4 }), tokenText(20), async (tables, text) => {
        const md = `# 示例局2024年政府信息公开工作年度报告\n\n${text}\n\n${tables.join('\n')}`;
        await survive(utf8.encode(md), 'tables.md');
        // The same text as .txt: pipes are plain characters there but tab/pipe row heuristics still run.
        await survive(utf8.encode(md), 'tables.txt');
      }),
      { seed: 0x7ab1, numRuns: 400 },
    );
  });

  it('ragged, nested HTML tables with hostile rowspan/colspan', async () => {
    await fc.assert(
      fc.asyncProperty(htmlDocArb, async (html) => {
        await survive(utf8.encode(html), 'tables.html');
      }),
      { seed: 0x4d71, numRuns: 300 },
    );
  });

  it('1 MB single-line documents: no rule takes over a second', async () => {
    const arb = fc.tuple(
      fc.oneof(fc.constantFrom(...PATHOLOGICAL_UNITS), tokenText(8)),
      fc.constantFrom('.txt', '.md', '.html'),
      // With a title the document is an annual report, so every rule runs on the huge line, not just document-type.
      fc.constantFrom(HUGE_HEAD_LINES, HUGE_HEAD_INLINE, ''),
    );
    let annual = 0;
    await fc.assert(
      fc.asyncProperty(arb, async ([unit, ext, head]) => {
        // A 64 KB screen first: a quadratic rule fails it in seconds instead of grinding for minutes on 1 MB.
        for (const size of [64 << 10, 1 << 20]) {
          const o = await survive(hugeDocument(head, unit, size, ext), `huge${ext}`);
          expectBounded(o, `unit ${JSON.stringify(unit)} × ${size} bytes as ${ext}${head ? ' after a report title' : ''}`);
          if (size > 65536 && o.rules >= 10) annual++;
        }
      }),
      { seed: 0x1bb1, numRuns: 14 },
    );
    expect(annual, 'huge inputs that ran the full rule set').toBeGreaterThan(3);
  }, 180_000);

  // Regression: report/required-section's third `requests` evidence pattern in rules/packs/report-base.yaml,
  // '[0-9０-９]+\s*件[^。；;]{0,6}(?:依申请公开|政府信息公开)申请', retries the digit run from every start position
  // when no 件 follows: about 1 s for 32,000 digits after a title, roughly 20 minutes for 1 MB.
  it('a long run of digits after a report title does not stall report/required-section', async () => {
    const o = await survive(hugeDocument(HUGE_HEAD_LINES, '1', 64 << 10, '.txt'), 'digits.txt');
    expectBounded(o, '64 KB of digits');
  }, 120_000);
});
