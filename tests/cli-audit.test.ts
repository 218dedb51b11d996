import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as sites from '../fixtures/sites/index.js';
import type { FixtureSite, SitesServer } from '../fixtures/sites/serve.js';
import { normaliseJson, repoRoot, runCli, tempDir } from './helpers/cli.js';

const AS_OF = '2026-11-20';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  url?: string;
  data?: Record<string, unknown>;
}

const servers: SitesServer[] = [];
async function serve(site: FixtureSite): Promise<string> {
  const s = await sites.serveSites({ site });
  servers.push(s);
  return s.siteUrl('site');
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function audit(url: string, extra: string[] = []) {
  const r = await runCli(['audit', url, '--allow-private', '--as-of', AS_OF, '--delay', '0', '--format', 'json', '--quiet', '--level', 'department', ...extra]);
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

const rules = (fs: JsonFinding[]) => fs.map((f) => f.ruleId);

describe('gongkai audit against the fixture sites', () => {
  let clean: string;
  beforeAll(async () => {
    clean = await serve(sites.clean);
  });

  it('the clean site scores 100, passes, and matches its golden output', async () => {
    const r = await audit(clean);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = r.json.results[0];
    expect(result.findings.filter((f: JsonFinding) => f.severity === 'error')).toEqual([]);
    expect(result.score).toBe(100);
    expect(result.passed).toBe(true);
    const golden = join(repoRoot, 'tests/golden/audit-clean.json');
    const actual = normaliseJson(r.stdout) as { results: Array<{ attachments?: unknown }> };
    if (UPDATE || !existsSync(golden)) writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('checks the annual report it finds and attaches the result', async () => {
    const r = await audit(clean);
    const att = r.json.results[0].attachments;
    expect(att).toHaveLength(1);
    expect(att[0].kind).toBe('report');
    expect(att[0].score).toBe(100);
    expect(att[0].target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('a stale TRS site fails on the national veto', async () => {
    const r = await audit(await serve(sites.trsStale));
    expect(r.code).toBe(1);
    const res = r.json.results[0];
    expect(rules(res.findings)).toContain('site/too-many-stale-columns');
    expect(rules(res.findings)).toContain('site/stale-column');
    expect(res.passed).toBe(false);
    expect(res.scoring.vetoed).toContain('site/too-many-stale-columns');
  });

  it('finds every column of a GBK Hanweb site (datastore lists) and of a site with unusual column names', async () => {
    for (const site of [sites.gbkHanweb, sites.variants]) {
      const r = await audit(await serve(site));
      const res = r.json.results[0];
      expect(res.findings.filter((f: JsonFinding) => f.severity === 'error')).toEqual([]);
      expect(res.score).toBe(100);
    }
  });

  it('gives no error on the other clean controls: a gkmlpt county government and a department whose lists scripts draw', async () => {
    for (const [site, level] of [[sites.gkmlptCounty, 'government'], [sites.scriptDepartment, 'department']] as const) {
      const r = await audit(await serve(site), ['--level', level]);
      expect(r.code, level).toBe(0);
      const res = r.json.results[0];
      expect(res.findings.filter((f: JsonFinding) => f.severity === 'error'), level).toEqual([]);
      expect(res.findings.filter((f: JsonFinding) => f.ruleId === 'site/missing-column'), level).toEqual([]);
      expect(res.passed).toBe(true);
    }
  });

  it('reports a late annual report, missing budgets, broken links and late 双公示', async () => {
    const late = await audit(await serve(sites.lateReport));
    expect(rules(late.json.results[0].findings)).toContain('site/annual-report-late');
    const budget = await audit(await serve(sites.missingBudget));
    expect(rules(budget.json.results[0].findings)).toContain('site/budget-missing');
    const broken = await audit(await serve(sites.brokenLinks));
    const links = broken.json.results[0].findings.filter((f: JsonFinding) => f.ruleId === 'site/broken-link');
    expect(links.length).toBeGreaterThan(0);
    expect(links[0].url).toMatch(/^http:\/\/127\.0\.0\.1/);
    expect(links[0].data?.from).toBeDefined();
    const dual = await audit(await serve(sites.dualLate));
    expect(rules(dual.json.results[0].findings)).toContain('site/dual-publicity-late');
  });

  it('reports 互动回应差, missing 双公示 fields and the long-stale veto condition', async () => {
    const un = await audit(await serve(sites.unanswered));
    const late = un.json.results[0].findings.filter((f: JsonFinding) => f.ruleId === 'site/interaction-unanswered');
    expect(late.length).toBeGreaterThan(0);
    expect(un.json.results[0].passed).toBe(false);
    const none = await audit(await serve(sites.noChannel));
    expect(rules(none.json.results[0].findings)).toContain('site/interaction-unanswered');
    const fields = await audit(await serve(sites.dualFields));
    expect(rules(fields.json.results[0].findings)).toContain('site/dual-publicity-fields');
    const old = await audit(await serve(sites.abandoned));
    const veto = old.json.results[0].findings.filter((f: JsonFinding) => f.ruleId === 'site/too-many-stale-columns');
    expect(veto.map((f: JsonFinding) => f.data?.condition)).toContain('long-stale');
    expect(old.json.results[0].passed).toBe(false);
  });

  it('a config adds a required column on its own basis (and takes notApplicable); bad column data is refused', async () => {
    const dir = tempDir();
    const url = clean;
    // The province requires a column the clean site lacks, on its own basis; the agency has no 建议提案 to answer.
    writeFileSync(join(dir, 'gongkai.config.yaml'), [
      'extends: [site]',
      'rules:',
      '  site/missing-column: [error, { notApplicable: [suggestions-proposals] }]',
      'data:',
      '  columns:',
      '    - id: business-environment',
      '      name: 优化营商环境',
      '      variants: [优化营商环境, 营商环境]',
      '      requiredFor: [department]',
      '      basis: { zh: 某省优化营商环境条例第三十条, en: provincial business-environment regulations art. 30 }',
      '',
    ].join('\n'));
    const r = await runCli(['audit', url, '--allow-private', '--as-of', AS_OF, '--delay', '0', '--format', 'json', '--quiet', '--level', 'department'], { cwd: dir });
    const missing = JSON.parse(r.stdout).results[0].findings.filter((f: JsonFinding) => f.ruleId === 'site/missing-column');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', data: { column: 'business-environment', requirement: 'required' } });
    expect(missing[0].message).toContain('依据：某省优化营商环境条例第三十条');
    writeFileSync(join(dir, 'gongkai.config.yaml'), 'extends: [site]\ndata:\n  columns:\n    - id: fees\n      applicableFor: [county]\n      basis: 条例第二十条\n');
    const bad = await runCli(['print-config'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/data\.columns\[0\]\.(applicableFor|basis)/);
  });

  it('sites sharing one address keep their own events: robots-blocked paths of one never reach the other', async () => {
    const dir = tempDir();
    const server = await sites.serveSites({ shared: sites.sharedAddress });
    servers.push(server);
    const [a, b] = [`${server.origin}/a/`, `${server.origin}/b/`];
    writeFileSync(join(dir, 'sites.csv'), `名称,网址,层级\n甲,${a},department\n乙,${b},department\n`);
    const r = await runCli(['audit', '--sites', 'sites.csv', '--allow-private', '--as-of', AS_OF, '--delay', '0', '--quiet', '--format', 'json'], { cwd: dir });
    const [ra, rb] = JSON.parse(r.stdout).results;
    expect([ra.target, rb.target]).toEqual([a, b]);
    expect(rules(ra.findings)).not.toContain('site/robots-blocked');
    const blocked = rb.findings.filter((f: JsonFinding) => f.ruleId === 'site/robots-blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0].data?.count).toBe(2);
    for (const res of [ra, rb]) expect(res.findings.filter((f: JsonFinding) => f.severity === 'error')).toEqual([]);
  });

  it('a URL that never answers gives one line, exit 2, and the unreachable veto', async () => {
    const port = await freePort();
    const r = await audit(`http://127.0.0.1:${port}/`, ['--timeout', '2000']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gongkai: http:\/\/127\.0\.0\.1:\d+\/: /);
    expect(rules(r.json.results[0].findings)).toContain('site/unreachable');
    expect(r.json.results[0].passed).toBe(false);
  });

  it('refuses private addresses without --allow-private, and says so', async () => {
    const r = await runCli(['audit', clean, '--as-of', AS_OF, '--format', 'json', '--quiet', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('refused: the address is private or reserved');
    expect(r.stderr).toContain('--allow-private');
  });

  it('shows no score for sites that could not be checked in the multi-site summary', async () => {
    const dir = tempDir();
    const [p1, p2] = [await freePort(), await freePort()];
    writeFileSync(join(dir, 'sites.csv'), `url,name\nhttp://127.0.0.1:${p1}/,甲\nhttp://127.0.0.1:${p2}/,乙\n`);
    const r = await runCli(['audit', '--sites', 'sites.csv', '--allow-private', '--timeout', '2000', '--quiet', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    const rows = r.stdout.split('\n').filter((l) => /127\.0\.0\.1:\d+\/\s/.test(l) && /not checked/.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).not.toMatch(/\s\d+(?:\.\d)?\s+not checked/);
  });

  it('audits a list of sites and writes an overview in html and xlsx; replays a snapshot', async () => {
    const dir = tempDir();
    const stale = await serve(sites.trsStale);
    writeFileSync(join(dir, 'sites.csv'), `名称,网址,层级\n示例局,${clean},department\n"旧站,测试",${stale},department\n`);
    const r = await runCli(
      ['audit', '--sites', 'sites.csv', '--allow-private', '--as-of', AS_OF, '--delay', '0', '--quiet', '--format', 'stylish', '--format', 'html:out/overview.html', '--format', 'xlsx:out/results.xlsx', '--format', 'json:out/r.json'],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(clean);
    const html = readFileSync(join(dir, 'out/overview.html'), 'utf8');
    expect(html).toContain(stale);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out/results.xlsx'));
    expect(wb.worksheets.length).toBe(2);
    const names = wb.worksheets[0].getColumn(1).values.map(String);
    const targets = wb.worksheets[0].getColumn(2).values.map(String);
    expect(targets).toContain(clean);
    expect(targets).toContain(stale);
    expect(names).toContain('示例局');
    expect(names).toContain('旧站,测试');
    const json = JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8'));
    expect(json.results.map((x: { target: string }) => x.target)).toEqual([clean, stale]);
    expect(json.results.map((x: { name?: string }) => x.name)).toEqual(['示例局', '旧站,测试']);
    expect(r.stdout).toContain(`示例局 ${clean}`);

    const snap = join(dir, 'snap.json');
    const dumped = await audit(stale, ['--dump-snapshot', snap]);
    const replayed = await runCli(['audit', '--replay', snap, '--as-of', AS_OF, '--format', 'json', '--level', 'department']);
    const a = dumped.json.results[0].findings.map((f: JsonFinding) => f.ruleId).sort();
    const b = JSON.parse(replayed.stdout).results[0].findings.map((f: JsonFinding) => f.ruleId).sort();
    expect(b).toEqual(a);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
