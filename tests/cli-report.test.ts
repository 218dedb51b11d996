import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normaliseJson, repoRoot, runCli, tempDir } from './helpers/cli.js';

const fx = (name: string) => join(repoRoot, 'fixtures/reports', name);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line?: number;
  paragraph?: number;
  data?: Record<string, unknown>;
}

async function reportJson(args: string[], cwd?: string) {
  const r = await runCli(['report', '--format', 'json', ...args], { cwd });
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

function markers(file: string): Array<{ ruleId: string; line: number }> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((l, i) => [...l.matchAll(/<!-- expect: ([\w/-]+) -->/g)].map((m) => ({ ruleId: m[1], line: i + 1 })));
}

describe('gongkai report: golden output', () => {
  it('a clean 2021-format report scores 100 and exits 0', async () => {
    const r = await reportJson([fx('report-2024-clean.md'), '--published', '2025-01-20', '--level', 'department']);
    expect(r.code).toBe(0);
    const golden = join(repoRoot, 'tests/golden/report-2024-clean.md.json');
    const actual = normaliseJson(r.stdout);
    if (UPDATE || !existsSync(golden)) writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    expect(r.json.results[0]).toMatchObject({ target: 'fixtures/reports/report-2024-clean.md', kind: 'report', score: 100, passed: true });
    expect(r.json.results[0].findings).toEqual([]);
  });

  it('finds exactly the planted errors, on the marked lines', async () => {
    const file = fx('report-2024-errors.md');
    const r = await reportJson([file, '--published', '2025-01-20', '--level', 'department']);
    expect(r.code).toBe(1);
    const findings: JsonFinding[] = r.json.results[0].findings;
    const expected = markers(file);
    for (const m of expected) {
      expect(findings.some((f) => f.ruleId === m.ruleId && f.line === m.line), `${m.ruleId} on line ${m.line}`).toBe(true);
    }
    const unexpected = findings.filter((f) => f.severity !== 'info' && !expected.some((m) => m.ruleId === f.ruleId && m.line === f.line));
    expect(unexpected).toEqual([]);
  });

  it('the same planted errors come out of the Word version, by paragraph', async () => {
    const r = await reportJson([fx('report-2024-errors.docx'), '--published', '2025-01-20', '--level', 'department']);
    const expected: Array<{ ruleId: string; paragraph: number }> = JSON.parse(readFileSync(fx('report-2024-errors.expected.json'), 'utf8')).docx;
    const findings: JsonFinding[] = r.json.results[0].findings;
    for (const e of expected) {
      expect(findings.some((f) => f.ruleId === e.ruleId && f.paragraph === e.paragraph), `${e.ruleId} in paragraph ${e.paragraph}`).toBe(true);
    }
  });

  it('the same planted errors come out of the article-page and PDF versions', async () => {
    const ids = async (name: string) =>
      (await reportJson([fx(name), '--published', '2025-01-20', '--level', 'department'])).json.results[0].findings
        .filter((f: JsonFinding) => f.severity !== 'info')
        .map((f: JsonFinding) => f.ruleId)
        .sort();
    const md = await ids('report-2024-errors.md');
    expect(md.length).toBeGreaterThan(8);
    expect(await ids('report-2024-errors.html')).toEqual(md);
    expect(await ids('report-2024-errors.pdf')).toEqual(md);
  });

  it('reads the publication date from an article page and checks timeliness', async () => {
    const r = await reportJson([fx('report-2024-clean.html'), '--level', 'department']);
    expect(r.code).toBe(0);
    expect(r.json.results[0].findings.filter((f: JsonFinding) => f.ruleId === 'report/timeliness')).toEqual([]);
    const gov = await reportJson([fx('report-2024-clean.md'), '--level', 'department', '--published', '2025-02-10']);
    const late = gov.json.results[0].findings.find((f: JsonFinding) => f.ruleId === 'report/timeliness');
    expect(late?.severity).toBe('error');
    const ok = await reportJson([fx('report-2024-clean.md'), '--level', 'government', '--published', '2025-02-10']);
    expect(ok.json.results[0].findings.find((f: JsonFinding) => f.ruleId === 'report/timeliness')).toBeUndefined();
  });

  it('decodes a GBK text report', async () => {
    const r = await reportJson([fx('report-2024-clean.gbk.txt'), '--published', '2025-01-20', '--level', 'department']);
    expect(r.code).toBe(0);
    expect(r.json.results[0].score).toBe(100);
  });

  it('speaks English with --locale en', async () => {
    const r = await reportJson([fx('report-2024-errors.md'), '--locale', 'en', '--published', '2025-01-20']);
    const msg = r.json.results[0].findings.find((f: JsonFinding) => f.ruleId === 'report/sum-mismatch').message;
    expect(msg).toMatch(/^[\x20-\x7e（）＋＝\u4e00-\u9fff]+$/);
    expect(msg).toMatch(/[a-z]{3,}/);
  });
});

describe('gongkai report: across years', () => {
  it('checks this year\'s carried-over requests against last year\'s report of the same agency', async () => {
    const dir = tempDir();
    const clean = readFileSync(fx('report-2024-clean.md'), 'utf8');
    const lastYear = (carryForward: string) =>
      clean
        .replace(/2024/g, '2023')
        .replace(/2025/g, '2024')
        .replace(/(\| 四、结转下年度继续办理 \| 四、结转下年度继续办理 \| 四、结转下年度继续办理 \| ).*$/m, `$1${carryForward} |`);
    writeFileSync(join(dir, '2024.md'), clean);
    writeFileSync(join(dir, '2023.md'), lastYear('2 | 0 | 0 | 0 | 0 | 0 | 2'));
    const carry = (json: { results: Array<{ target: string; findings: JsonFinding[] }> }) =>
      json.results.find((r) => r.target === '2024.md')!.findings.filter((f) => f.ruleId === 'report/carry-over');
    const ok = await reportJson(['2023.md', '2024.md', '--published', '2025-01-20', '--level', 'department'], dir);
    expect(carry(ok.json)).toEqual([]);
    writeFileSync(join(dir, '2023.md'), lastYear('1 | 1 | 0 | 0 | 0 | 0 | 2'));
    const bad = await reportJson(['2024.md', '2023.md', '--published', '2025-01-20', '--level', 'department'], dir);
    const found = carry(bad.json);
    expect(found.map((f) => f.data?.column)).toEqual(['natural', 'business']);
    expect(found[0]).toMatchObject({ severity: 'error', line: 58 });
    expect(found[0].message).toContain('2023年度报告');
    // Last year's text was this year's with the years changed: section 五 is a copy.
    const copied = bad.json.results.find((r: { target: string }) => r.target === '2024.md').findings.filter((f: JsonFinding) => f.ruleId === 'report/repeated-problems');
    expect(copied).toHaveLength(1);
    expect(copied[0].severity).toBe('warning');
    const alone = await reportJson(['2024.md', '--published', '2025-01-20', '--level', 'department'], dir);
    expect(alone.json.results[0].scoring.rules.find((r: { ruleId: string }) => r.ruleId === 'report/carry-over').applicable).toBe(false);
  });
});

describe('gongkai report: bad input', () => {
  it('a missing file, an empty file and binary junk each get one line, exit 2, and the good file is still checked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '  \n\n');
    writeFileSync(join(dir, 'junk.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    copyFileSync(fx('report-2024-clean.md'), join(dir, 'good.md'));
    const r = await runCli(['report', 'missing.txt', 'empty.txt', 'junk.txt', 'good.md', '--format', 'json', '--published', '2025-01-20'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^gongkai: (missing|empty|junk)\.txt: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const results = JSON.parse(r.stdout).results;
    expect(results.map((x: { target: string }) => x.target)).toEqual(['missing.txt', 'empty.txt', 'junk.txt', 'good.md']);
    expect(results[3].score).toBe(100);
    expect(results.slice(0, 3).map((x: { error: { code: string } }) => x.error.code)).toEqual(['load/not-found', 'load/empty', 'load/binary']);
  });

  it('an encrypted PDF is refused with a clear message', async () => {
    const r = await runCli(['report', fx('encrypted.pdf'), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/encrypted|password/i);
  });
});

describe('gongkai report: outputs, fixes and baselines', () => {
  it('writes several formats in one run', async () => {
    const dir = tempDir();
    const r = await runCli(
      ['report', fx('report-2024-errors.md'), '--format', 'stylish', '--format', `json:${dir}/out/r.json`, '--format', `sarif:${dir}/out/r.sarif`, '--format', `junit:${dir}/r.xml`, '--format', `html:${dir}/r.html`],
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('report/sum-mismatch');
    expect(JSON.parse(readFileSync(`${dir}/out/r.json`, 'utf8')).results[0].findings.length).toBeGreaterThan(5);
    expect(JSON.parse(readFileSync(`${dir}/out/r.sarif`, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(`${dir}/r.xml`, 'utf8')).toContain('<testsuite');
    expect(readFileSync(`${dir}/r.html`, 'utf8')).toContain('report/sum-mismatch');
  });

  it('--fix-dry-run prints a renumbering diff and --fix applies it', async () => {
    const dir = tempDir();
    const file = join(dir, 'draft.md');
    writeFileSync(file, '# 示例局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。\n\n## 三、主动公开政府信息情况\n\n正文。\n\n## 三、收到和处理政府信息公开申请情况\n\n正文。\n');
    const dry = await runCli(['report', 'draft.md', '--fix-dry-run'], { cwd: dir });
    expect(dry.stdout).toContain('-## 三、主动公开政府信息情况');
    expect(dry.stdout).toContain('+## 二、主动公开政府信息情况');
    expect(readFileSync(file, 'utf8')).toContain('## 三、主动公开');
    await runCli(['report', 'draft.md', '--fix'], { cwd: dir });
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toContain('## 二、主动公开政府信息情况');
    expect(fixed).toContain('## 三、收到和处理政府信息公开申请情况');
    const again = await runCli(['report', 'draft.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(again.stdout).results[0].findings.filter((f: JsonFinding) => f.ruleId === 'report/heading-sequence')).toEqual([]);
  });

  it('--cache reuses results of unchanged files and rechecks changed ones', async () => {
    const dir = tempDir();
    copyFileSync(fx('report-2024-errors.md'), join(dir, 'a.md'));
    copyFileSync(fx('report-2024-clean.md'), join(dir, 'b.md'));
    const args = ['report', 'a.md', 'b.md', '--cache', '--format', 'json', '--published', '2025-01-20'];
    const first = await runCli(args, { cwd: dir });
    const cacheFile = join(dir, '.gongkaicache');
    expect(existsSync(cacheFile)).toBe(true);
    // Mark the cached result of a.md so that reuse is visible.
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const key = Object.keys(cache.entries).find((k) => k.endsWith('a.md'))!;
    cache.entries[key].result.score = 42;
    writeFileSync(cacheFile, JSON.stringify(cache));
    const second = JSON.parse((await runCli(args, { cwd: dir })).stdout).results;
    expect(second[0].score).toBe(42);
    expect(second[1].score).toBe(JSON.parse(first.stdout).results[1].score);
    writeFileSync(join(dir, 'a.md'), readFileSync(join(dir, 'a.md'), 'utf8') + '\n');
    expect(JSON.parse((await runCli(args, { cwd: dir })).stdout).results[0].score).toBe(JSON.parse(first.stdout).results[0].score);
    // Other settings, other key: the cache is not used.
    const en = JSON.parse((await runCli([...args, '--locale', 'en'], { cwd: dir })).stdout).results;
    expect(en[0].findings[0].message).toMatch(/[a-z]{3}/);
  });

  it('a baseline accepts today\'s findings so only new ones fail', async () => {
    const dir = tempDir();
    copyFileSync(fx('report-2024-errors.md'), join(dir, 'r.md'));
    const w = await runCli(['report', 'r.md', '--write-baseline', '--published', '2025-01-20'], { cwd: dir });
    expect(existsSync(join(dir, 'gongkai-baseline.json'))).toBe(true);
    expect(w.stderr).toMatch(/基线/);
    const same = await runCli(['report', 'r.md', '--published', '2025-01-20'], { cwd: dir });
    expect(same.code).toBe(0);
    writeFileSync(join(dir, 'r.md'), readFileSync(join(dir, 'r.md'), 'utf8') + '\n本年度共办理XX件。\n');
    const more = await runCli(['report', 'r.md', '--published', '2025-01-20', '--fail-on', 'warning'], { cwd: dir });
    expect(more.code).toBe(1);
    const ignored = await runCli(['report', 'r.md', '--published', '2025-01-20', '--no-baseline', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(ignored.stdout).results[0].findings.length).toBeGreaterThan(8);
  });
});

const seeds = resolve(repoRoot, '../shared/seeds');
const haveSeeds = existsSync(seeds);
if (!haveSeeds) console.warn(`acceptance on real seeds skipped: ${seeds} is absent`);

describe.skipIf(!haveSeeds)('gongkai report: acceptance on the real seeds', () => {
  const seed = (n: string) => join(seeds, readFileSyncDir(seeds).find((f) => f.startsWith(n))!);
  function readFileSyncDir(dir: string): string[] {
    return readdirSync(dir);
  }
  const ids = (fs: JsonFinding[], rule: string) => fs.filter((f) => f.ruleId === rule);

  it('checks all five as the issue specifies', async () => {
    const r = await reportJson(['000', '001', '002', '003', '004'].map(seed));
    const [s0, s1, s2, s3, s4] = r.json.results.map((x: { findings: JsonFinding[] }) => x.findings);
    expect(ids(s1, 'report/heading-sequence').length).toBe(2);
    expect(ids(s1, 'report/required-section').map((f) => f.data?.section)).toEqual(['other']);
    expect(ids(s1, 'report/sum-mismatch')).toEqual([]);
    expect(ids(s0, 'report/required-section').filter((f) => f.severity === 'error').map((f) => f.data?.section).sort()).toEqual(
      ['fees', 'requests', 'reviews-litigation'],
    );
    // Under the 2008 regime a missing 其他需要报告的事项 is a warning (issue 8).
    expect(ids(s0, 'report/required-section').filter((f) => f.data?.section === 'other').map((f) => f.severity)).toEqual(['warning']);
    expect(ids(s0, 'report/sum-mismatch').filter((f) => f.severity === 'error')).toEqual([]);
    expect(ids(s2, 'report/percent-mismatch').length).toBe(1);
    expect(ids(s2, 'report/percent-mismatch')[0].message).toContain('1.6%');
    expect(ids(s2, 'report/required-section')).toEqual([]);
    for (const s of [s3, s4]) {
      expect(ids(s, 'report/document-type').length).toBe(1);
      expect(ids(s, 'report/required-section')).toEqual([]);
    }
  });

  it('000 published 2013-04-15 is late', async () => {
    const r = await reportJson([seed('000'), '--published', '2013-04-15']);
    const late = ids(r.json.results[0].findings, 'report/timeliness');
    expect(late).toHaveLength(1);
    expect(late[0].severity).toBe('error');
    expect(late[0].message).toContain('2013-03-31');
  });
});
