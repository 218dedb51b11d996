import { GongkaiError, docsUrlFor, messagePair, pick, resolveConfig, t, type Locale, type RuleMeta } from '@gongkai/core';
import { loadConfig } from '../setup.js';
import type { Io } from '../io.js';
import { displayWidth, padEndDisplay } from '@gongkai/core';

export interface RulesOptions {
  pack?: string;
  config?: string;
  json?: boolean;
}

/** Lists rules with description, configured severity, weight and docs link; `--pack` limits it to one pack's rules. */
export function rulesCommand(opts: RulesOptions, io: Io): number {
  const loaded = loadConfig({ config: opts.config });
  const { registry, packs } = loaded;
  let metas: RuleMeta[] = registry.all().map((r) => r.meta);
  if (opts.pack && !packs.get(opts.pack)) {
    throw new GongkaiError('cli/unknown-pack', messagePair('cli.unknownPack', { pack: opts.pack, known: packs.ids().join(', ') }));
  }
  // The severity each rule gets from the packs (and, without --pack, the user's config), later layers winning —
  // what a user of the pack or config would get where the packs apply.
  const resolved = opts.pack ? resolveConfig({ extends: [opts.pack], file: opts.pack }, packs) : loaded.resolved;
  const layers = opts.pack ? resolved.packs : [...resolved.packs, resolved.user];
  const severities = new Map<string, string>();
  for (const layer of layers) {
    for (const [rule, entry] of Object.entries(layer.rules ?? {})) severities.set(rule, Array.isArray(entry) ? entry[0] : entry);
  }
  if (opts.pack) metas = metas.filter((m) => severities.has(m.id));
  metas.sort((a, b) => a.id.localeCompare(b.id));
  if (opts.json) {
    io.stdout(JSON.stringify(metas.map((m) => ({ id: m.id, severity: severities.get(m.id) ?? m.defaultSeverity, weight: m.weight, veto: !!m.veto, category: m.category, description: m.description, docs: m.docs ?? docsUrlFor(m.id) })), null, 2) + '\n');
    return 0;
  }
  io.stdout(renderTable(metas, severities, io.locale));
  return 0;
}

function renderTable(metas: RuleMeta[], severities: Map<string, string>, locale: Locale): string {
  const header = t('cli.rulesHeader', locale).split('\t');
  const rows = metas.map((m) => [
    m.id,
    severities.get(m.id) ?? m.defaultSeverity,
    `${m.weight}${m.veto ? (locale === 'en' ? ' (veto)' : '（否决）') : ''}`,
    pick(m.description, locale),
    m.docs ?? docsUrlFor(m.id),
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : padEndDisplay(c, widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

