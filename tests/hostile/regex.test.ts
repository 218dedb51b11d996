/**
 * Issue 14, backtracking regular expressions. Our own patterns must be linear — a ReDoS checker (recheck) proves it
 * for each, and is shown to flag the patterns they replaced — and the inputs that used to hang them (a megabyte
 * of letters before one 字 in a page title, in a crawl and in --replay; a line of a million X) must finish in the
 * real CLI under 10 s and 600 MB. User patterns run on RE2: `(a+)+$` is harmless there, and what RE2 cannot run
 * (lookaround, backreferences) is refused when the config loads, with one line saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'recheck';
import { SCAN_WINDOW, patternProblem, regexFinder, scanMatches, UserPattern } from '@gongkai/core';
import { PLACEHOLDER_PATTERNS } from '../../packages/report/src/rules/placeholder.js';
import { tempDir } from '../helpers/cli.js';
import { runMeasured, stderrLines, expectBounded } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('gongkai-hostile-regex-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

async function complexity(source: string): Promise<string> {
  const r = await check(source, '');
  return r.status === 'vulnerable' ? `vulnerable (${r.complexity.type})` : r.status;
}

describe('our patterns are linear (recheck)', () => {
  it('the checker flags the patterns that hung', async () => {
    expect(await complexity('[A-Za-z]+$')).toBe('vulnerable (polynomial)');
    expect(await complexity('[XxＸｘ×*＊]{2,}(?=[\\u4e00-\\u9fa5年月日])')).toBe('vulnerable (polynomial)');
    expect(await complexity('(a+)+$')).toBe('vulnerable (exponential)');
  });

  it('every built-in report/placeholder pattern (the rule runs each on its own)', async () => {
    for (const p of PLACEHOLDER_PATTERNS) expect([p, await complexity(p)]).toEqual([p, 'safe']);
  }, 120_000);
});

describe('built-in patterns read long text in windows', () => {
  it('finds every match once, also across window edges, with lookbehind context at each edge', () => {
    const finder = regexFinder(/(?<=[\u4e00-\u9fa5])[Xx]{2,}/g);
    // One match placed at each position around the window steps (and the overlap's end), in 100 kB of text.
    const step = SCAN_WINDOW - 256;
    for (const at of [0, step - 3, step - 2, step - 1, step, step + 1, SCAN_WINDOW - 2, SCAN_WINDOW - 1, 2 * step - 1, 5 * step + 7]) {
      const text = '.'.repeat(at) + '字XX' + '.'.repeat(100_000);
      expect([at, [...scanMatches(finder, text)].map((m) => [m.index, m.text])]).toEqual([at, [[at + 1, 'XX']]]);
    }
    // Many matches in one text: each found once, in order.
    const many = '字XX.'.repeat(20_000);
    const found = [...scanMatches(finder, many)];
    expect(found).toHaveLength(20_000);
    expect(found.every((m, i) => m.index === 4 * i + 1)).toBe(true);
  });
});

describe('user patterns', () => {
  it('run on RE2: (a+)+$ on a hundred thousand letters is a plain scan', () => {
    const p = UserPattern.compile('(a+)+$');
    expect(p.test('a'.repeat(40) + '!')).toBe(false);
    expect(p.test('a'.repeat(100_000) + '!')).toBe(false);
    expect(p.exec('xaaa', 0)).toEqual({ index: 1, text: 'aaa' });
  });

  it('keep JavaScript meaning for \\uXXXX and \\s (the ideographic space counts)', () => {
    expect(UserPattern.compile('[\\u4e00-\\u9fa5]+\\s件').exec('共三\u3000件', 0)).toEqual({ index: 0, text: '共三\u3000件' });
  });

  it('lookaround and backreferences are refused with the reason; invalid ones as invalid', () => {
    expect(patternProblem('(?<![0-9])件')?.en).toMatch(/uses lookaround .* linear time/);
    expect(patternProblem('(a)\\1')?.en).toMatch(/uses a backreference/);
    expect(patternProblem('(未收到')?.en).toMatch(/is not a valid regular expression/);
    expect(patternProblem('[(?=]x')).toBeUndefined();
  });

  it('the built-in packs hold only patterns RE2 runs', () => {
    const packs = readFileSync(join(__dirname, '../../rules/packs/report-base.yaml'), 'utf8');
    const patterns = [...packs.matchAll(/^\s+(?:evidence: \[|- )'([^']+)'/gm)].map((m) => m[1]!);
    expect(patterns.length).toBeGreaterThan(5);
    for (const p of patterns) expect([p, patternProblem(p)]).toEqual([p, undefined]);
  });
});

describe('hostile text in the CLI', () => {
  it('a line of a million X after Chinese text: one placeholder finding, quickly', async () => {
    writeFileSync(at('xline.txt'), `2024年政府信息公开工作年度报告\n\n一、总体情况\n\n报告${'X'.repeat(1_000_000)}\n`);
    const run = await runMeasured(['report', '--locale', 'en', '--format', 'json', at('xline.txt')]);
    expectBounded('report 1M X line', run);
    const findings = JSON.parse(run.stdout).results[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'report/placeholder');
    expect(findings.length).toBeGreaterThanOrEqual(1);
  });

  it('a line of a million X and nothing else: no hang, no finding from it', async () => {
    writeFileSync(at('xonly.txt'), `2024年政府信息公开工作年度报告\n\n一、总体情况\n\n${'X'.repeat(1_000_000)}\n`);
    const run = await runMeasured(['report', '--locale', 'en', '--format', 'json', at('xonly.txt')]);
    expectBounded('report 1M X alone', run);
    expect(JSON.parse(run.stdout).results[0].error).toBeUndefined();
  });

  it('a user pattern (a+)+$ runs in linear time on the report', async () => {
    const cwd = tempDir('gongkai-hostile-regex-cfg-');
    writeFileSync(join(cwd, 'gongkai.config.yaml'), `extends: [report]\nrules:\n  report/placeholder: [warning, { patterns: ['(a+)+$'] }]\n`);
    writeFileSync(join(cwd, 'r.txt'), `2024年政府信息公开工作年度报告\n\n一、总体情况\n\n${'a'.repeat(200_000)}!\n\n${'a'.repeat(40)}\n`);
    const run = await runMeasured(['report', '--locale', 'en', '--format', 'json', 'r.txt'], { cwd });
    expectBounded('report user pattern (a+)+$', run);
    const texts = JSON.parse(run.stdout).results[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'report/placeholder').map((f: { data: { text: string } }) => f.data.text);
    expect(texts).toContain('a'.repeat(40));
    rmSync(cwd, { recursive: true, force: true });
  });

  it('a user pattern with lookbehind is refused when the config loads: exit 2, one line', async () => {
    const cwd = tempDir('gongkai-hostile-regex-cfg-');
    writeFileSync(join(cwd, 'gongkai.config.yaml'), `extends: [report]\nrules:\n  report/placeholder: [warning, { patterns: ['(?<=a)b'] }]\n`);
    writeFileSync(join(cwd, 'r.txt'), '2024年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n');
    const run = await runMeasured(['report', '--locale', 'en', 'r.txt'], { cwd });
    expectBounded('config lookbehind pattern', run);
    expect(run.code).toBe(2);
    const lines = stderrLines(run);
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/report\/placeholder.*the pattern "\(\?<=a\)b" uses lookaround .* linear time/);
    rmSync(cwd, { recursive: true, force: true });
  });
});

describe('hostile page titles in a crawl and in --replay', () => {
  let server: Server;
  let url: string;
  const title = 'a'.repeat(1 << 20) + '字';
  beforeAll(async () => {
    const home = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><a href="/p">${title}</a><a href="/p">政务公开</a></body></html>`;
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/' ? home : `<html><head><title>${title}</title></head><body><p>${title}</p></body></html>`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('the crawl and the replay of its snapshot both finish', async () => {
    const snap = at('snap.json');
    const crawl = await runMeasured(['audit', url, '--allow-private', '--delay', '0', '--quiet', '--format', 'json', '--level', 'department', '--dump-snapshot', snap]);
    expectBounded('audit 1 MB title', crawl);
    expect(JSON.parse(crawl.stdout).results[0].error).toBeUndefined();
    const replay = await runMeasured(['audit', '--replay', snap, '--format', 'json', '--level', 'department']);
    expectBounded('audit --replay 1 MB title', replay);
    expect(JSON.parse(replay.stdout).results[0].error).toBeUndefined();
  });
});
