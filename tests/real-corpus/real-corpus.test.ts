/**
 * The real-corpus regression suite: every report in ../shared/corpus/real, exactly as agencies published it, run
 * through the real CLI and judged against labels.json (see evaluate.ts for how). It prints a per-file summary and
 * fails on any false error, on any labelled defect that is no longer found, and on a "known miss" that is found now
 * (so the list of misses stays honest). The corpus lives outside the repository; without it the suite says so and
 * is skipped.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { repoRoot, runCli } from '../helpers/cli.js';
import { judgeFile, loadExpectations, loadLabels, summaryLine, type FileVerdict, type Finding } from './evaluate.js';

const corpus = resolve(repoRoot, '../shared/corpus/real');
const available = existsSync(join(corpus, 'labels.json'));

async function runCorpus(): Promise<FileVerdict[]> {
  const labels = loadLabels(join(corpus, 'labels.json'));
  const exp = loadExpectations(join(repoRoot, 'tests/real-corpus/expectations.json'));
  const files = readdirSync(corpus).filter((f) => labels[f] !== undefined).sort();
  // One process for the whole corpus, as an office would run it; a fixed --as-of keeps the run reproducible.
  const r = await runCli(['report', '--format', 'json', '--as-of', '2026-12-01', '--quiet', ...files.map((f) => join(corpus, f))]);
  if (r.code === 2 || !r.stdout) throw new Error(`gongkai failed (exit ${r.code}): ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { results: Array<{ target: string; findings: Finding[] }> };
  return json.results.map((res) => {
    const file = basename(res.target);
    return judgeFile(file, labels[file]!, res.findings, exp);
  });
}

const suite = available ? describe : describe.skip;

// Skipped, with this reason in its name, only where ../shared is not beside the repository.
suite(`real corpus (${available ? corpus : 'absent: ../shared/corpus/real not found, skipped'})`, () => {
  let verdicts: FileVerdict[] = [];

  it('runs every labelled file and prints the per-file summary', async () => {
    verdicts = await runCorpus();
    const lines = verdicts.map(summaryLine);
    const total = (k: (v: FileVerdict) => number) => verdicts.reduce((s, v) => s + k(v), 0);
    const mapped = total((v) => v.defects.length);
    const hit = total((v) => v.defects.filter((d) => d.found).length);
    lines.push(
      `TOTAL errors ${total((v) => v.errors)}  true ${total((v) => v.trueErrors.length)}  false ${total((v) => v.falseErrors.length)}` +
        `  labelled defects found ${hit}/${mapped} (recall ${(hit / Math.max(1, mapped)).toFixed(2)}), "other" defects reported ${total((v) => v.covered.filter((c) => c.found).length)}/${total((v) => v.unmapped.length)}`,
    );
    console.log(`\nreal corpus summary\n${lines.join('\n')}`);
    expect(verdicts.length).toBeGreaterThan(0);
  }, 120_000);

  it('emits no false error on a real report', () => {
    const falses = verdicts.flatMap((v) => v.falseErrors.map((e) => `${v.file}: ${e.finding.ruleId} ${e.finding.message} (${e.why})`));
    expect(falses).toEqual([]);
  });

  it('finds every labelled defect that is not a recorded known miss', () => {
    const missed = verdicts.flatMap((v) => v.defects.filter((d) => !d.found && !d.knownMiss).map((d) => `${v.file}: ${d.defect.rule} — ${d.defect.where}`));
    expect(missed).toEqual([]);
  });

  it('still reports the "other" defects our rules cover', () => {
    const lost = verdicts.flatMap((v) => v.covered.filter((c) => !c.found).map((c) => `${v.file}: ${c.cover.rule} — ${c.cover.defect}`));
    expect(lost).toEqual([]);
  });

  it('lists no known miss that is found now', () => {
    const stale = verdicts.flatMap((v) => v.defects.filter((d) => d.found && d.knownMiss).map((d) => `${v.file}: ${d.defect.rule}`));
    expect(stale).toEqual([]);
  });
});
