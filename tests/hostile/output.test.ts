/**
 * Issue 14, output and side files: escape sequences from the checked input never reach the terminal, a damaged or
 * huge snapshot is named for what it is, a pack path never echoes a foreign file, and output paths do not grow
 * directories outside the working directory. Same bounds as every hostile case (see helpers.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { runMeasured, stderrLines, expectBounded, expectOneLineError } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('gongkai-hostile-output-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (...parts: string[]) => join(dir, ...parts);

// ESC [2J clears the screen; OSC 0 retitles the window and ends with BEL; U+202E reverses the text after it.
const CLEAR = '\u001b[2J';
const TITLE = '\u001b]0;pwned\u0007';
const RLO = '\u202e';
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('hostile output: terminal injection', () => {
  let file: string;
  beforeAll(() => {
    // The heading has nothing under it, so report/empty-section quotes it back in its message.
    mkdirSync(at('inject'));
    file = at('inject', `evil${CLEAR}${TITLE}.md`);
    writeFileSync(file, `# 2024年政府信息公开工作年度报告\n\n## 一、总体情况${CLEAR}${TITLE}${RLO}\n\n## 二、主动公开政府信息情况\n\n[链接${CLEAR}](http://x.test/)\n`);
  });

  it.each(['stylish', 'github'])('%s prints no raw control characters from headings, links or file names', async (format) => {
    const run = await runMeasured(['report', '--locale', 'en', '--format', format, file]);
    expectBounded(`${format} with escape sequences`, run);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    // Escaped, not dropped: the reader can still see something was there.
    expect(run.stdout).toContain('\\x1b[2J');
  });

  it('a file name with escapes in an error line is escaped too', async () => {
    const bad = at('inject', `empty${CLEAR}.md`);
    writeFileSync(bad, '');
    const run = await runMeasured(['report', '--locale', 'en', bad]);
    expectOneLineError('error line with escape in the file name', run, /empty\\x1b\[2J\.md: the file is empty/);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('hostile output: snapshots, packs and output paths', () => {
  const page = { url: 'http://x.test/', finalUrl: 'http://x.test/', status: 200, kind: 'home', bytes: 10, depth: 0, redirects: [], meta: {}, headings: [], links: [], lists: [], timing: { startedAt: '2025-01-01T00:00:00Z', totalMs: 1 } };
  const snapshotWith = (patch: Record<string, unknown>) =>
    JSON.stringify({ version: 1, site: { url: 'http://x.test/' }, home: 'http://x.test/', pages: [page], events: [], stats: { pagesFetched: 1, pagesFailed: 0, bytes: 10, durationMs: 1 }, ...patch });

  it.each([
    ['a null event', { events: [null] }, /snapshot\.events\[0\] is null/],
    ['a null link', { pages: [{ ...page, links: [null] }] }, /snapshot\.pages\[0\]\.links\[0\] is null/],
  ])('a snapshot with %s is named invalid, not an internal error', async (name, patch, where) => {
    writeFileSync(at('null-entry.json'), snapshotWith(patch));
    const run = await runMeasured(['audit', '--locale', 'en', '--replay', at('null-entry.json')]);
    expectOneLineError(`snapshot with ${name}`, run, /null-entry\.json is not a valid snapshot/);
    expect(run.stderr).toMatch(where);
  });

  it('a 1 GB snapshot is too large, not "not found"', async () => {
    writeFileSync(at('huge-snapshot.json'), '{}');
    truncateSync(at('huge-snapshot.json'), 1024 * 1024 * 1024);
    const run = await runMeasured(['audit', '--locale', 'en', '--replay', at('huge-snapshot.json')]);
    expectOneLineError('1 GB snapshot', run, /snapshot file is too large: .*huge-snapshot\.json \(1024 MB, limit \d+ MB\)/);
  });

  it('extends: [/etc/passwd] names the file and never echoes its content', async () => {
    mkdirSync(at('passwd'));
    writeFileSync(at('passwd', 'gongkai.config.yaml'), 'extends: [/etc/passwd]\n');
    writeFileSync(at('passwd', 'r.md'), '# 年度报告\n\n内容\n');
    const run = await runMeasured(['report', '--locale', 'en', 'r.md'], { cwd: at('passwd') });
    expectOneLineError('extends /etc/passwd', run, /^gongkai: \/etc\/passwd: not a gongkai config or pack \(expected a key: value mapping, got plain text\)$/);
    expect(run.stderr + run.stdout).not.toContain('root:');
  });

  it('an output file under a missing directory outside the working directory is refused before any work', async () => {
    const run = await runMeasured(['report', '--locale', 'en', '--format', `html:${at('no', 'such', 'dir', 'x.html')}`, 'r.md'], { cwd: at('passwd') });
    expectOneLineError('html output into a missing directory', run, /output directory does not exist: .*no\/such\/dir \(outside the current directory only the last level is created\)/);
    expect(existsSync(at('no'))).toBe(false);
  });

  it('one missing level outside the working directory is created and announced', async () => {
    mkdirSync(at('one-level'));
    writeFileSync(at('one-level', 'r.md'), '# 2024年政府信息公开工作年度报告\n\n一、总体情况\n\n内容。\n');
    const run = await runMeasured(['report', '--locale', 'en', '--format', `json:${at('made', 'r.json')}`, 'r.md'], { cwd: at('one-level') });
    expectBounded('json output into one new directory outside cwd', run);
    expect(existsSync(at('made', 'r.json'))).toBe(true);
    expect(stderrLines(run)).toContain(`gongkai: created the output directory ${at('made')}`);
  });

  it('under the working directory the directory is still created', async () => {
    mkdirSync(at('cwd-out'));
    writeFileSync(at('cwd-out', 'r.md'), '# 2024年政府信息公开工作年度报告\n\n一、总体情况\n\n内容。\n');
    const run = await runMeasured(['report', '--locale', 'en', '--format', 'json:out/deep/r.json', 'r.md'], { cwd: at('cwd-out') });
    expectBounded('json output into a new directory under cwd', run);
    expect(JSON.parse(readFileSync(at('cwd-out', 'out', 'deep', 'r.json'), 'utf8')).results).toHaveLength(1);
  });
});
