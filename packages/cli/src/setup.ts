import { PackSet, RuleRegistry, resolveConfig, validateConfig, type ResolvedConfig, type UserConfig } from '@gongkai/core';
import { reportDataSchemas, reportRules } from '@gongkai/report';
import { siteDataSchemas, siteRules } from '@gongkai/crawler';
import { loadBuiltinPacks } from '@gongkai/rules';
import { displayPath, filePackLoader, findConfigFile, readMapping } from './config-files.js';

export function builtinRegistry(): RuleRegistry {
  const registry = new RuleRegistry([...reportRules, ...siteRules] as never[]);
  for (const [key, schema] of Object.entries({ ...reportDataSchemas, ...siteDataSchemas })) registry.addDataSchema(key, schema);
  return registry;
}

export function builtinPacks(registry: RuleRegistry): PackSet {
  const set = new PackSet(registry, filePackLoader);
  for (const p of loadBuiltinPacks()) set.add(p.data, `@gongkai/rules/packs/${p.file.split(/[\\/]/).pop()}`);
  return set;
}

/** What a config extends when the user has none: every built-in requirement, each limited by its appliesTo. */
export const DEFAULT_EXTENDS = ['report', 'site'];

export interface LoadedConfig {
  file?: string;
  user: UserConfig;
  resolved: ResolvedConfig;
  registry: RuleRegistry;
  packs: PackSet;
}

export function loadConfig(options: { config?: string; cwd?: string }): LoadedConfig {
  const registry = builtinRegistry();
  const packs = builtinPacks(registry);
  const file = options.config ? options.config : findConfigFile(options.cwd ?? process.cwd());
  const raw = file ? readMapping(file) : {};
  const shown = file ? displayPath(file) : '(default)';
  const user = validateConfig(raw ?? {}, shown, registry);
  if (!user.extends) user.extends = DEFAULT_EXTENDS;
  const resolved = resolveConfig(user, packs);
  return { file, user, resolved, registry, packs };
}
