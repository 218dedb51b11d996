import type { JSONSchema, Rule, RuleMeta } from './types.js';
import { didYouMean } from './pack/suggest.js';

/** Every rule the run knows, by id. Packages contribute their rules; the engine never names one. */
export class RuleRegistry {
  private readonly byId = new Map<string, Rule>();
  private readonly dataSchemas = new Map<string, JSONSchema>();

  constructor(rules: Iterable<Rule> = []) {
    for (const r of rules) this.add(r);
  }

  add(rule: Rule): void {
    if (this.byId.has(rule.meta.id)) throw new Error(`duplicate rule id ${rule.meta.id}`);
    this.byId.set(rule.meta.id, rule);
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  all(): Rule[] {
    return [...this.byId.values()];
  }

  metas(): Map<string, RuleMeta> {
    return new Map([...this.byId].map(([id, r]) => [id, r.meta]));
  }

  /**
   * A JSON Schema for one key of pack `data` (e.g. `sections`, `columns`), contributed by the package whose rules
   * read it, so a bad column or section in a province's pack is reported when the pack loads.
   */
  addDataSchema(key: string, schema: JSONSchema): void {
    this.dataSchemas.set(key, schema);
  }

  dataSchema(key: string): JSONSchema | undefined {
    return this.dataSchemas.get(key);
  }

  suggest(id: string): string | undefined {
    return didYouMean(id, this.byId.keys());
  }
}
