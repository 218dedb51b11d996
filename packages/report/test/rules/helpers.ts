/** Test helpers: real documents through the real loader, and the built-in packs through the engine's resolver. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  configForSubject,
  PackSet,
  resolveConfig,
  RuleRegistry,
  runRule,
  runRules,
  type Finding,
  type Rule,
  type RunSettings,
} from '@gongkai/core';
import { loadReport } from '../../src/load/index.js';
import { reportSubject } from '../../src/subject.js';
import { reportRules } from '../../src/rules/index.js';
import type { ReportDocument } from '../../src/model/types.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const seedsDir = path.resolve(repoRoot, '../shared/seeds');
export const fixturesDir = path.resolve(repoRoot, 'fixtures/reports');
export const hasSeeds = existsSync(seedsDir);

export async function md(text: string, name = 'test.md'): Promise<ReportDocument> {
  return loadReport(new TextEncoder().encode(text), name);
}

export async function txt(text: string, name = 'test.txt'): Promise<ReportDocument> {
  return loadReport(new TextEncoder().encode(text), name);
}

export async function seed(prefix: string): Promise<ReportDocument> {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return loadReport(readFileSync(path.join(seedsDir, file)), file);
}

export async function fixture(name: string): Promise<ReportDocument> {
  return loadReport(readFileSync(path.join(fixturesDir, name)), name);
}

export async function check(
  rule: Rule<ReportDocument>,
  doc: ReportDocument,
  options: Record<string, unknown> = {},
  settings: Partial<RunSettings> = {},
): Promise<Finding[]> {
  return runRule(rule, doc, options, { settings: { asOf: '2025-06-01', ...settings } });
}

export function ids(findings: Finding[]): string[] {
  return findings.map((f) => f.messageId ?? '');
}

// ----- packs -------------------------------------------------------------------------------------------------------

const requireFromRules = createRequire(path.join(repoRoot, 'rules/package.json'));
const YAML = requireFromRules('yaml') as { parse(s: string): unknown };
export const packsDir = path.join(repoRoot, 'rules/packs');
export const REPORT_PACKS = ['report-base', 'report-common', 'report-2008', 'report-2019', 'report-2021', 'report'];

export function loadPacks() {
  const registry = new RuleRegistry(reportRules);
  const packs = new PackSet(registry);
  for (const id of REPORT_PACKS) {
    const file = path.join(packsDir, `${id}.yaml`);
    packs.add(YAML.parse(readFileSync(file, 'utf8')), file);
  }
  const resolved = resolveConfig({ extends: ['report'], file: 'test-config' }, packs);
  return { registry, packs, resolved };
}

let engine: ReturnType<typeof loadPacks> | undefined;

/** Runs the rules the built-in packs select for this document, the way the CLI does. */
export async function runPacks(doc: ReportDocument, settings: Partial<RunSettings> = {}) {
  engine ??= loadPacks();
  const subject = reportSubject(doc, {});
  const cfg = configForSubject(engine.resolved, subject.facts(), engine.registry);
  const list = [...cfg.rules].map(([id, setting]) => ({ rule: engine!.registry.get(id)!, setting }));
  const run = await runRules(subject, list, { settings: { asOf: '2025-06-01', data: cfg.data, ...settings } });
  return { findings: run.findings, outcomes: run.outcomes, packs: cfg.packs, facts: subject.facts(), rules: cfg.rules };
}

export function byRule(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}
