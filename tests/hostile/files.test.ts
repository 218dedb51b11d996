/**
 * Issue 14, files and options: every hostile input is built at run time, fed to the real CLI in a child process,
 * and must end with exit code 2 (or findings), one clear line on stderr, under 10 s and under 600 MB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { runMeasured, stderrLines, expectBounded, expectOneLineError } from './helpers.js';
import { hugeTable, nestedHtml, nestedListIndented, nestedListOneLine, paddedDocx } from './inputs.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('gongkai-hostile-files-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (...parts: string[]) => join(dir, ...parts);
const CLEAN = '# 2024年政府信息公开工作年度报告\n\n一、总体情况\n\n本机关依法公开政府信息。\n';

describe('hostile files: DOCX whose zip entries lie about their sizes', () => {
  it('a document.xml claiming 2 KB that inflates to 1 GB is refused at the real-output budget', async () => {
    writeFileSync(at('bomb.docx'), await paddedDocx(1024));
    const run = await runMeasured(['report', '--locale', 'en', at('bomb.docx')]);
    expectOneLineError('docx: 1 GB behind 2 KB headers', run, /bomb\.docx: the DOCX inflates to >\d+ MB .*zip bomb/);
  });

  it('an honest 1 GB document.xml is refused from its declared size', async () => {
    writeFileSync(at('honest-bomb.docx'), await paddedDocx(1024, true));
    const run = await runMeasured(['report', '--locale', 'en', at('honest-bomb.docx')]);
    expectOneLineError('docx: honest 1 GB', run, /honest-bomb\.docx: the DOCX inflates to ~1024 MB/);
  });

  it('a small lie is one line too (JSZip refuses the size mismatch once the real size is known to be small)', async () => {
    writeFileSync(at('small-lie.docx'), await paddedDocx(2));
    const run = await runMeasured(['report', '--locale', 'en', at('small-lie.docx')]);
    expectOneLineError('docx: 2 MB behind 2 KB headers', run, /small-lie\.docx: cannot read the DOCX file/);
  });

  it('an honest package with 2 MB of padding still loads (the budget counts, it does not guess)', async () => {
    writeFileSync(at('padded.docx'), await paddedDocx(2, true));
    const run = await runMeasured(['report', '--locale', 'en', '--format', 'json', at('padded.docx')]);
    expectBounded('docx: honest 2 MB', run);
    expect(JSON.parse(run.stdout).results[0].error).toBeUndefined();
  });
});

describe('hostile files: special and huge files', () => {
  it('/dev/zero is refused without being read', async () => {
    const run = await runMeasured(['report', '--locale', 'en', '/dev/zero']);
    expectOneLineError('report /dev/zero', run, /\/dev\/zero: not a regular file \(character device\)/);
  });

  it('a symlink to /dev/zero and a FIFO in a walked directory are refused; the real report is still checked', async () => {
    mkdirSync(at('walk'));
    writeFileSync(at('walk', 'good.md'), CLEAN);
    symlinkSync('/dev/zero', at('walk', 'zero.md'));
    execFileSync('mkfifo', [at('walk', 'pipe.txt')]);
    const run = await runMeasured(['report', '--locale', 'en', '--format', 'json', at('walk')]);
    expectBounded('walked dir with symlink to /dev/zero and FIFO', run);
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout).results as Array<{ target: string; error?: { code: string } }>;
    const byName = (n: string) => results.find((r) => r.target.endsWith(n));
    expect(byName('good.md')?.error).toBeUndefined();
    expect(byName('zero.md')?.error?.code).toBe('load/not-regular');
    expect(byName('pipe.txt')?.error?.code).toBe('load/not-regular');
    expect(stderrLines(run)).toHaveLength(2);
  });

  it('a 1.9 GB sparse file is refused by its size before it is read', async () => {
    writeFileSync(at('huge.md'), CLEAN);
    truncateSync(at('huge.md'), Math.floor(1.9 * 1024 * 1024 * 1024));
    const run = await runMeasured(['report', '--locale', 'en', at('huge.md')]);
    expectOneLineError('1.9 GB sparse file', run, /huge\.md: the file is too large \(\d+ bytes, limit 52428800 bytes\)/);
    // --cache hashes the bytes before loading: that read is bounded the same way.
    const cached = await runMeasured(['report', '--locale', 'en', '--cache', '--cache-location', at('cache.json'), at('huge.md')]);
    expectOneLineError('1.9 GB sparse file with --cache', cached, /huge\.md: the file is too large/);
  });

  it('--max-size is honoured the same way', async () => {
    writeFileSync(at('two-mb.md'), CLEAN);
    truncateSync(at('two-mb.md'), 2 * 1024 * 1024);
    const run = await runMeasured(['report', '--locale', 'en', '--max-size', '1', at('two-mb.md')]);
    expectOneLineError('--max-size 1 on a 2 MB file', run, /two-mb\.md: the file is too large \(2097152 bytes, limit 1048576 bytes\)/);
  });

  it.each([
    [['audit', '--concurrency', '0', 'http://127.0.0.1:9/'], /--concurrency must be greater than 0, got "0"/],
    [['audit', '--per-host', '-2', 'http://127.0.0.1:9/'], /--per-host must be greater than 0, got "-2"/],
    [['audit', '--max-pages', '2.5', 'http://127.0.0.1:9/'], /--max-pages must be a whole number, got "2.5"/],
    [['audit', '--timeout', '0', 'http://127.0.0.1:9/'], /--timeout must be greater than 0/],
    [['audit', '--delay', '-1', 'http://127.0.0.1:9/'], /--delay must not be negative/],
    [['report', '--max-size', '0', 'x.md'], /--max-size must be greater than 0, got "0"/],
    [['report', '--max-warnings', '-1', 'x.md'], /--max-warnings must not be negative/],
  ])('%j is one line, not an internal error', async (args, expected) => {
    const run = await runMeasured([...args, '--locale', 'en']);
    expectOneLineError(args.slice(0, 3).join(' '), run, expected);
  });
});

describe('hostile files: deep and wide documents', () => {
  it.each([
    ['10,000 list levels on one line', 'deep-line.md', () => nestedListOneLine(10_000)],
    ['3,000 list levels by indentation', 'deep-indent.md', () => nestedListIndented(3_000)],
    ['10,000 block-quote levels', 'deep-quote.md', () => `# 年度报告\n\n${'>'.repeat(10_000)} 深\n`],
    ['a 100,000-row table', 'wide.md', () => hugeTable(100_000)],
  ])('%s: load/too-complex', async (name, file, build) => {
    writeFileSync(at(file), build());
    const run = await runMeasured(['report', '--locale', 'en', at(file)]);
    expectOneLineError(name, run, new RegExp(`${file.replace('.', '\\.')}: the document is too complex to read`));
  });

  it('the same shapes at a realistic size still load', async () => {
    writeFileSync(at('ok-nested.md'), `${nestedListIndented(5)}\n${hugeTable(200)}`);
    const run = await runMeasured(['report', '--locale', 'en', '--format', 'json', at('ok-nested.md')]);
    expectBounded('5-level list and 200-row table', run);
    expect(JSON.parse(run.stdout).results[0].error).toBeUndefined();
  });

  it('100,000 nested HTML elements: load/too-complex, not a stack overflow', async () => {
    writeFileSync(at('deep.html'), nestedHtml(100_000));
    const run = await runMeasured(['report', '--locale', 'en', at('deep.html')]);
    expectOneLineError('100,000 nested <div>', run, /deep\.html: the document is too complex to read \(HTML elements nested/);
  });
});
