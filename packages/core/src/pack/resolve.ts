import { GongkaiError } from '../errors.js';
import type { RuleRegistry } from '../rule-registry.js';
import type { JSONSchema, RuleSetting, ScoringConfig, SeveritySetting, SubjectFacts } from '../types.js';
import { deepMerge } from './merge.js';
import { configSchema, packSchema } from './schema.js';
import { didYouMean } from './suggest.js';
import type { AppliesTo, PackDefinition, RuleEntry, UserConfig } from './types.js';
import { configError, validateAgainst } from './validate.js';

export const DEFAULT_SCORING: ScoringConfig = {
  passLine: 60,
  weights: {},
  veto: [],
  noVeto: [],
  grades: [
    { min: 90, label: '优秀' },
    { min: 80, label: '良好' },
    { min: 60, label: '合格' },
    { min: 0, label: '不合格' },
  ],
  severityFactor: { error: 1, warning: 0.5, info: 0 },
};

/** Resolves a pack reference (id or path) relative to the file that names it. Supplied by the front end (I/O). */
export type PackLoader = (ref: string, fromFile: string) => { data: unknown; file: string } | undefined;

function entrySetting(entry: RuleEntry): { severity: SeveritySetting; options?: Record<string, unknown> } {
  if (Array.isArray(entry)) return { severity: entry[0], options: entry[1] };
  return { severity: entry };
}

const partialCache = new WeakMap<object, JSONSchema>();

/** The option schema without `required`: an overriding pack may restate only the fields it changes. */
function partialSchema(schema: JSONSchema): JSONSchema {
  let out = partialCache.get(schema);
  if (out) return out;
  const strip = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(strip);
    if (s && typeof s === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s)) if (k !== 'required') o[k] = strip(v);
      return o;
    }
    return s;
  };
  out = strip(schema) as JSONSchema;
  partialCache.set(schema, out);
  return out;
}

function checkRules(
  rules: Record<string, RuleEntry> | undefined,
  file: string,
  registry: RuleRegistry,
): void {
  for (const [id, entry] of Object.entries(rules ?? {})) {
    const rule = registry.get(id);
    if (!rule) {
      const hint = registry.suggest(id);
      throw new GongkaiError(
        'config/unknown-rule',
        hint
          ? { zh: `${file}: rules.${id}: 未知的规则，是否应为 "${hint}"？`, en: `${file}: rules.${id}: unknown rule, did you mean "${hint}"?` }
          : { zh: `${file}: rules.${id}: 未知的规则`, en: `${file}: rules.${id}: unknown rule` },
        { file, rule: id },
      );
    }
    const { options } = entrySetting(entry);
    if (options !== undefined) {
      const issue = rule.meta.schema
        ? validateAgainst(partialSchema(rule.meta.schema), options, `rules.${id}[1]`)
        : Object.keys(options).length
          ? { path: `rules.${id}[1]`, text: { zh: '该规则不接受选项', en: 'this rule takes no options' } }
          : undefined;
      if (issue) throw configError(file, issue);
    }
  }
}

function checkData(data: Record<string, unknown> | undefined, file: string, registry: RuleRegistry): void {
  for (const [key, value] of Object.entries(data ?? {})) {
    const schema = registry.dataSchema(key);
    if (!schema) continue;
    const issue = validateAgainst(partialSchema(schema), value, `data.${key}`);
    if (issue) throw configError(file, issue);
  }
}

export function validatePack(raw: unknown, file: string, registry: RuleRegistry): PackDefinition {
  const issue = validateAgainst(packSchema, raw);
  if (issue) throw configError(file, issue);
  const pack = { ...(raw as Omit<PackDefinition, 'file'>), file } as PackDefinition;
  checkData(pack.data, file, registry);
  checkRules(pack.rules, file, registry);
  checkScoringRules(pack.scoring, file, registry);
  return pack;
}

export function validateConfig(raw: unknown, file: string, registry: RuleRegistry): UserConfig {
  const issue = validateAgainst(configSchema, raw ?? {});
  if (issue) throw configError(file, issue);
  const cfg = { ...((raw ?? {}) as Omit<UserConfig, 'file'>), file } as UserConfig;
  checkData(cfg.data, file, registry);
  checkRules(cfg.rules, file, registry);
  checkScoringRules(cfg.scoring, file, registry);
  return cfg;
}

function checkScoringRules(scoring: PackDefinition['scoring'], file: string, registry: RuleRegistry) {
  const named = [
    ...Object.keys(scoring?.weights ?? {}).map((id) => ['weights', id] as const),
    ...(scoring?.veto ?? []).map((id) => ['veto', id] as const),
    ...(scoring?.noVeto ?? []).map((id) => ['noVeto', id] as const),
  ];
  for (const [where, id] of named) {
    if (registry.has(id)) continue;
    const hint = registry.suggest(id);
    throw new GongkaiError(
      'config/unknown-rule',
      hint
        ? { zh: `${file}: scoring.${where}: 未知的规则 "${id}"，是否应为 "${hint}"？`, en: `${file}: scoring.${where}: unknown rule "${id}", did you mean "${hint}"?` }
        : { zh: `${file}: scoring.${where}: 未知的规则 "${id}"`, en: `${file}: scoring.${where}: unknown rule "${id}"` },
      { file, rule: id },
    );
  }
}

/** Packs by id plus a loader for path references; validates each pack once. */
export class PackSet {
  private readonly packs = new Map<string, PackDefinition>();

  constructor(
    private readonly registry: RuleRegistry,
    private readonly loader?: PackLoader,
  ) {}

  add(raw: unknown, file: string): PackDefinition {
    const pack = validatePack(raw, file, this.registry);
    this.packs.set(pack.id, pack);
    return pack;
  }

  ids(): string[] {
    return [...this.packs.keys()];
  }

  get(id: string): PackDefinition | undefined {
    return this.packs.get(id);
  }

  all(): PackDefinition[] {
    return [...this.packs.values()];
  }

  /** Finds a pack by id, or loads it by path through the loader. */
  lookup(ref: string, fromFile: string): PackDefinition {
    const known = this.packs.get(ref) ?? this.packs.get(ref.replace(/^gongkai:/, ''));
    if (known) return known;
    const loaded = this.loader?.(ref, fromFile);
    if (loaded) {
      const byFile = [...this.packs.values()].find((p) => p.file === loaded.file);
      return byFile ?? this.add(loaded.data, loaded.file);
    }
    const hint = didYouMean(ref, this.packs.keys());
    throw new GongkaiError(
      'config/unknown-pack',
      hint
        ? { zh: `${fromFile}: extends: 找不到规则包 "${ref}"，是否应为 "${hint}"？`, en: `${fromFile}: extends: unknown pack "${ref}", did you mean "${hint}"?` }
        : { zh: `${fromFile}: extends: 找不到规则包 "${ref}"`, en: `${fromFile}: extends: unknown pack "${ref}"` },
      { file: fromFile, pack: ref },
    );
  }
}

/** A config with its `extends` expanded into an ordered, de-duplicated list of packs (bases first). */
export interface ResolvedConfig {
  packs: PackDefinition[];
  user: UserConfig;
}

export function resolveConfig(user: UserConfig, packs: PackSet): ResolvedConfig {
  const ordered: PackDefinition[] = [];
  const seen = new Set<string>();
  const visiting: string[] = [];
  const visit = (pack: PackDefinition) => {
    if (seen.has(pack.id)) return;
    if (visiting.includes(pack.id)) {
      throw new GongkaiError(
        'config/extends-cycle',
        { zh: `${pack.file}: extends: 规则包循环引用：${[...visiting, pack.id].join(' → ')}`, en: `${pack.file}: extends: cycle: ${[...visiting, pack.id].join(' → ')}` },
      );
    }
    visiting.push(pack.id);
    for (const ref of pack.extends ?? []) visit(packs.lookup(ref, pack.file));
    visiting.pop();
    seen.add(pack.id);
    ordered.push(pack);
  };
  for (const ref of user.extends ?? []) visit(packs.lookup(ref, user.file));
  return { packs: ordered, user };
}

export function appliesTo(cond: AppliesTo | undefined, facts: SubjectFacts): boolean {
  if (!cond) return true;
  if (cond.kind && cond.kind !== facts.kind) return false;
  if (cond.regime && !(typeof facts.regime === 'string' && cond.regime.includes(facts.regime))) return false;
  if (cond.reportYear) {
    const y = facts.reportYear;
    if (typeof y !== 'number') return false;
    if (cond.reportYear.min !== undefined && y < cond.reportYear.min) return false;
    if (cond.reportYear.max !== undefined && y > cond.reportYear.max) return false;
  }
  if (cond.level && !(facts.level && cond.level.includes(facts.level))) return false;
  if (cond.documentType && !(typeof facts.documentType === 'string' && cond.documentType.includes(facts.documentType))) return false;
  if (cond.region && !(typeof facts.region === 'string' && cond.region.some((r) => String(facts.region).startsWith(r)))) return false;
  return true;
}

export interface SubjectConfig {
  /** Rule settings after merging, only for rules of the subject's kind. */
  rules: Map<string, RuleSetting>;
  scoring: ScoringConfig;
  data: Record<string, unknown>;
  /** Ids of the packs that applied, in order. */
  packs: string[];
}

function mergeScoring(base: ScoringConfig, over: PackDefinition['scoring']): ScoringConfig {
  if (!over) return base;
  return {
    passLine: over.passLine ?? base.passLine,
    weights: { ...base.weights, ...(over.weights ?? {}) },
    veto: [...new Set([...base.veto, ...(over.veto ?? [])])],
    noVeto: [...new Set([...base.noVeto, ...(over.noVeto ?? [])])],
    grades: over.grades ?? base.grades,
    severityFactor: { ...base.severityFactor, ...(over.severityFactor ?? {}) },
  };
}

const subjectCache = new WeakMap<ResolvedConfig, Map<string, SubjectConfig>>();

/**
 * The rule settings, scoring and data for one subject: packs whose `appliesTo` holds, in order, then the user's
 * config. Cached per combination of applicable packs, so checking thousands of documents merges only a few times.
 */
export function configForSubject(resolved: ResolvedConfig, facts: SubjectFacts, registry: RuleRegistry): SubjectConfig {
  const applicable = resolved.packs.filter((p) => appliesTo(p.appliesTo, facts));
  const key = `${facts.kind}|${applicable.map((p) => p.id).join(',')}`;
  let cache = subjectCache.get(resolved);
  if (!cache) subjectCache.set(resolved, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;

  const settings = new Map<string, { severity: SeveritySetting; options: Record<string, unknown>; from: string }>();
  let scoring = DEFAULT_SCORING;
  let data: Record<string, unknown> = {};
  const layers: Array<Pick<PackDefinition, 'rules' | 'scoring' | 'data' | 'file'>> = [...applicable, resolved.user];
  for (const layer of layers) {
    for (const [id, entry] of Object.entries(layer.rules ?? {})) {
      const rule = registry.get(id);
      if (!rule || rule.meta.subject !== facts.kind) continue;
      const { severity, options } = entrySetting(entry);
      const prev = settings.get(id);
      settings.set(id, {
        severity,
        options: (deepMerge(prev?.options ?? {}, options ?? {}) as Record<string, unknown>),
        from: layer.file,
      });
    }
    scoring = mergeScoring(scoring, layer.scoring);
    if (layer.data) data = deepMerge(data, layer.data) as Record<string, unknown>;
  }
  const rules = new Map<string, RuleSetting>();
  for (const [id, s] of settings) {
    const rule = registry.get(id)!;
    const merged = deepMerge(rule.meta.defaultOptions ?? {}, s.options) as Record<string, unknown>;
    if (rule.meta.schema && s.severity !== 'off') {
      const issue = validateAgainst(rule.meta.schema, merged, `rules.${id}[1]`);
      if (issue) throw configError(s.from, issue);
    }
    rules.set(id, { severity: s.severity, options: merged });
  }
  const result: SubjectConfig = { rules, scoring, data, packs: applicable.map((p) => p.id) };
  cache.set(key, result);
  return result;
}
