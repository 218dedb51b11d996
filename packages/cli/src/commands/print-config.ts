import { stringify } from 'yaml';
import { configForSubject, type SubjectFacts } from '@gongkai/core';
import { loadConfig } from '../setup.js';
import { checkChoice, checkNumber } from '../options.js';
import { LEVELS } from '../run-context.js';
import type { Io } from '../io.js';

export interface PrintConfigOptions {
  config?: string;
  kind?: string;
  regime?: string;
  year?: string;
  level?: string;
  documentType?: string;
  json?: boolean;
}

/**
 * Shows the config as the engine resolves it: where it came from, the packs in order with their conditions, and
 * the merged rule settings, scoring and data for one kind of subject (a 2021 department report by default).
 */
export function printConfigCommand(opts: PrintConfigOptions, io: Io): number {
  const loaded = loadConfig({ config: opts.config });
  const kind = checkChoice('--kind', opts.kind, ['report', 'site'] as const) ?? 'report';
  const facts: SubjectFacts = {
    kind,
    regime: checkChoice('--regime', opts.regime, ['2008', '2019', '2021'] as const) ?? '2021',
    reportYear: checkNumber('--year', opts.year, { positive: true, integer: true }),
    level: checkChoice('--level', opts.level, LEVELS) ?? loaded.user.agency?.level ?? 'department',
    documentType: opts.documentType ?? 'annual-report',
  };
  if (facts.reportYear === undefined) delete facts.reportYear;
  const subject = configForSubject(loaded.resolved, facts, loaded.registry);
  const out = {
    configFile: loaded.file ?? null,
    extends: loaded.user.extends,
    agency: loaded.user.agency ?? {},
    for: facts,
    packs: loaded.resolved.packs.map((p) => ({ id: p.id, file: p.file, appliesTo: p.appliesTo ?? {}, applies: subject.packs.includes(p.id) })),
    rules: Object.fromEntries(
      [...subject.rules].sort(([a], [b]) => a.localeCompare(b)).map(([id, s]) => [id, Object.keys(s.options).length ? [s.severity, s.options] : s.severity]),
    ),
    scoring: subject.scoring,
    data: subject.data,
  };
  io.stdout(opts.json ? JSON.stringify(out, null, 2) + '\n' : stringify(out, { lineWidth: 0 }));
  return 0;
}
