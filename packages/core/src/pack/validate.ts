import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import ajvErrorsModule from 'ajv-errors';
import { GongkaiError } from '../errors.js';
import type { JSONSchema, LocalizedText } from '../types.js';
import { didYouMean } from './suggest.js';
import { patternProblem } from '../safe-pattern.js';

// ajv and ajv-errors are CommonJS; under NodeNext their default export is the module object.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as typeof AjvModule.default;
const ajvErrors = ((ajvErrorsModule as unknown as { default?: unknown }).default ?? ajvErrorsModule) as (a: unknown) => void;

let shared: InstanceType<typeof Ajv> | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function ajv() {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    ajvErrors(shared);
    // Packs carry regular expressions as strings; one that does not compile, or that the linear-time engine the
    // rules run it on cannot run, is a config error when the pack loads, not a rule crash or a hang later.
    shared.addFormat('regex', { type: 'string', validate: (s: string) => patternProblem(s) === undefined });
  }
  return shared;
}

export function compileSchema(schema: JSONSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv().compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/** `/rules/report~1timeliness/1/deadline` → `rules.report/timeliness[1].deadline` */
export function pointerToPath(pointer: string, prefix = ''): string {
  let out = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const keywordText: Record<string, (p: Record<string, unknown>) => LocalizedText> = {
  type: (p) => ({ zh: `应为 ${p.type} 类型`, en: `must be ${p.type}` }),
  required: (p) => ({ zh: `缺少必填项 "${p.missingProperty}"`, en: `must have required property "${p.missingProperty}"` }),
  enum: (p) => ({
    zh: `应为以下之一：${(p.allowedValues as unknown[]).map(String).join(', ')}`,
    en: `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`,
  }),
  pattern: (p) => ({ zh: `格式应符合 ${p.pattern}`, en: `must match ${p.pattern}` }),
  minimum: (p) => ({ zh: `应不小于 ${p.limit}`, en: `must be >= ${p.limit}` }),
  maximum: (p) => ({ zh: `应不大于 ${p.limit}`, en: `must be <= ${p.limit}` }),
  minItems: (p) => ({ zh: `至少需要 ${p.limit} 项`, en: `must have at least ${p.limit} items` }),
  maxItems: (p) => ({ zh: `最多 ${p.limit} 项`, en: `must have at most ${p.limit} items` }),
  minLength: (p) => ({ zh: `长度应不少于 ${p.limit}`, en: `must be at least ${p.limit} characters` }),
  format: (p) =>
    p.format === 'regex'
      ? { zh: '不是有效的正则表达式', en: 'is not a valid regular expression' }
      : { zh: `格式应为 ${p.format}`, en: `must be a ${p.format}` },
};

/** Chinese renderings of the English `errorMessage` texts used in schemas; rule packages may add their own. */
const errorMessageZh = new Map<string, string>([
  ['must be MM-DD', '应为 MM-DD 格式'],
  ['must be YYYY-MM-DD', '应为 YYYY-MM-DD 格式'],
  ['must be one of error, warning, info, off', '应为 error、warning、info、off 之一'],
  ['must be a severity or [severity, options]', '应为严重级别，或 [严重级别, 选项]'],
  ['must be lowercase letters, digits and "-"', '只能包含小写字母、数字和“-”'],
  ['must be department, government or township', '应为 department、government 或 township'],
  ['must be report or site', '应为 report 或 site'],
  ['must be a number or { weight, max }', '应为数字或 { weight, max }'],
]);

export function registerSchemaMessages(entries: Record<string, string>): void {
  for (const [en, zh] of Object.entries(entries)) errorMessageZh.set(en, zh);
}

export interface ValidationIssue {
  path: string;
  text: LocalizedText;
}

function issueFor(err: ErrorObject, data: unknown, prefix: string, knownKeys?: (pointer: string) => string[]): ValidationIssue {
  const pointer = err.instancePath;
  let path = pointerToPath(pointer, prefix);
  const got = valueAt(data, pointer);
  if (err.keyword === 'additionalProperties') {
    const key = String((err.params as { additionalProperty: string }).additionalProperty);
    path = path ? `${path}.${key}` : key;
    const known = knownKeys?.(pointer) ?? [];
    const hint = didYouMean(key, known);
    return {
      path,
      text: hint
        ? { zh: `未知的键 "${key}"，是否应为 "${hint}"？`, en: `unknown key "${key}", did you mean "${hint}"?` }
        : { zh: `未知的键 "${key}"`, en: `unknown key "${key}"` },
    };
  }
  if (err.keyword === 'errorMessage') {
    const en = err.message ?? 'is invalid';
    const zh = errorMessageZh.get(en) ?? en;
    return { path, text: { zh: `${zh}，实际为 ${show(got)}`, en: `${en}, got ${show(got)}` } };
  }
  if (err.keyword === 'format' && (err.params as { format?: string }).format === 'regex' && typeof got === 'string') {
    const why = patternProblem(got);
    if (why) return { path, text: { zh: `正则表达式 ${show(got)} ${why.zh}`, en: `the pattern ${show(got)} ${why.en}` } };
  }
  const make = keywordText[err.keyword];
  const base = make ? make(err.params as Record<string, unknown>) : { zh: err.message ?? '取值无效', en: err.message ?? 'is invalid' };
  const suffix = err.keyword === 'required' ? { zh: '', en: '' } : { zh: `，实际为 ${show(got)}`, en: `, got ${show(got)}` };
  return { path, text: { zh: base.zh + suffix.zh, en: base.en + suffix.en } };
}

/** Picks the error a person should read first: a custom message beats a generic one, deeper beats shallower. */
function rank(err: ErrorObject): number {
  let r = err.instancePath.split('/').length * 10;
  if (err.keyword === 'errorMessage') r += 5;
  if (err.keyword === 'additionalProperties') r += 4;
  if (err.keyword === 'oneOf' || err.keyword === 'anyOf' || err.keyword === 'if') r -= 20;
  return r;
}

function schemaAt(schema: JSONSchema, pointer: string, data: unknown): JSONSchema | undefined {
  let cur: JSONSchema | undefined = schema;
  for (const raw of pointer.split('/').slice(1)) {
    if (!cur) return undefined;
    const props = cur.properties as Record<string, JSONSchema> | undefined;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (props && props[key]) cur = props[key];
    else if (cur.items && typeof cur.items === 'object' && !Array.isArray(cur.items)) cur = cur.items as JSONSchema;
    else if (typeof cur.additionalProperties === 'object') cur = cur.additionalProperties as JSONSchema;
    else return undefined;
  }
  void data;
  return cur;
}

/**
 * Validates `data` and returns the single most useful issue, or undefined when valid. `prefix` is the path of
 * `data` inside its file (e.g. `rules.report/timeliness[1]`).
 */
export function validateAgainst(schema: JSONSchema, data: unknown, prefix = ''): ValidationIssue | undefined {
  const fn = compileSchema(schema);
  if (fn(data)) return undefined;
  const errors = [...(fn.errors ?? [])].sort((a, b) => rank(b) - rank(a));
  const knownKeys = (pointer: string) => Object.keys((schemaAt(schema, pointer, data)?.properties as object) ?? {});
  return issueFor(errors[0], data, prefix, knownKeys);
}

export function configError(file: string, issue: ValidationIssue): GongkaiError {
  return new GongkaiError(
    'config/invalid',
    { zh: `${file}: ${issue.path || '(根)'}: ${issue.text.zh}`, en: `${file}: ${issue.path || '(root)'}: ${issue.text.en}` },
    { file, path: issue.path },
  );
}
