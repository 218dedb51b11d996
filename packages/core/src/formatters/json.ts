import type {
  CategoryScore,
  Finding,
  Fix,
  RuleScore,
  RunResult,
  ScoreResult,
  Severity,
  TargetResult,
} from '../types.js';
import { GongkaiError } from '../errors.js';
import type { FormatContext, Formatter } from './context.js';
import { displayTarget } from './shared.js';

/**
 * The JSON contract (docs/json-format.md). Objects are rebuilt key by key rather than passed to JSON.stringify as
 * they are, so the key order is fixed by this file and never by whoever built the result.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Recursively sorts object keys so free-form `data` serialises the same way whatever order a rule filled it in. */
function canonical(value: unknown): Json | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => canonical(v) ?? null);
  if (value instanceof Map) return canonical(Object.fromEntries(value));
  if (value instanceof Set) return canonical([...value]);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value as object).sort()) {
    const v = canonical((value as Record<string, unknown>)[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function put(obj: { [key: string]: Json }, key: string, value: Json | undefined): void {
  if (value !== undefined) obj[key] = value;
}

function fixJson(fix: Fix): Json {
  return { edits: fix.edits.map((e) => ({ range: [e.range[0], e.range[1]], text: e.text })) };
}

export function findingJson(f: Finding): { [key: string]: Json } {
  const o: { [key: string]: Json } = { ruleId: f.ruleId, severity: f.severity, message: f.message };
  put(o, 'messageId', f.messageId);
  put(o, 'line', f.line);
  put(o, 'column', f.column);
  put(o, 'endLine', f.endLine);
  put(o, 'endColumn', f.endColumn);
  put(o, 'page', f.page);
  put(o, 'paragraph', f.paragraph);
  put(o, 'path', f.path);
  put(o, 'url', f.url);
  put(o, 'data', f.data === undefined ? undefined : canonical(f.data));
  put(o, 'fix', f.fix ? fixJson(f.fix) : undefined);
  put(o, 'docsUrl', f.docsUrl);
  if (f.suppressed) o.suppressed = true;
  return o;
}

function categoryJson(c: CategoryScore): Json {
  return { id: c.id, score: c.score, deducted: c.deducted, rules: c.rules };
}

function ruleScoreJson(r: RuleScore): Json {
  return {
    ruleId: r.ruleId,
    category: r.category,
    weight: r.weight,
    max: r.max,
    findings: r.findings,
    deducted: r.deducted,
    veto: r.veto,
    applicable: r.applicable,
  };
}

function scoringJson(s: ScoreResult): Json {
  const o: { [key: string]: Json } = { score: s.score, passed: s.passed, passLine: s.passLine };
  put(o, 'grade', s.grade);
  o.vetoed = [...s.vetoed];
  o.categories = s.categories.map(categoryJson);
  o.rules = s.rules.map(ruleScoreJson);
  return o;
}

export function targetJson(r: TargetResult, cwd?: string): { [key: string]: Json } {
  const o: { [key: string]: Json } = { target: displayTarget(r.target, cwd) };
  put(o, 'name', r.name);
  Object.assign(o, { kind: r.kind, score: r.score, passed: r.passed });
  put(o, 'grade', r.grade);
  put(o, 'categories', r.categories?.map(categoryJson));
  put(o, 'scoring', r.scoring ? scoringJson(r.scoring) : undefined);
  put(o, 'error', r.error ? { code: r.error.code, message: r.error.message } : undefined);
  put(o, 'notes', r.notes ? [...r.notes] : undefined);
  put(o, 'stats', r.stats === undefined ? undefined : canonical(r.stats));
  put(o, 'attachments', r.attachments?.map((a) => targetJson(a, cwd)));
  o.findings = r.findings.map(findingJson);
  return o;
}

/** File targets inside `cwd` are written relative to it, so results and baselines do not depend on the machine. */
export function toJsonValue(result: RunResult, cwd?: string): Json {
  return {
    tool: { name: result.tool.name, version: result.tool.version },
    results: result.results.map((r) => targetJson(r, cwd)),
  };
}

export const json: Formatter = (result: RunResult, ctx: FormatContext): string =>
  JSON.stringify(toJsonValue(result, ctx.cwd), null, 2) + '\n';

// ---- reading it back ---------------------------------------------------------------------------------------

const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['error', 'warning', 'info']);

function invalid(where: string, problem: string): never {
  throw new GongkaiError(
    'invalid-json-result',
    { zh: 'JSON 结果格式不正确：{where} {problem}', en: 'not a gongkai JSON result: {where} {problem}' },
    { where, problem },
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optNumber(o: Record<string, unknown>, key: string, where: string): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number') invalid(`${where}.${key}`, 'must be a number');
  return v;
}

function optString(o: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') invalid(`${where}.${key}`, 'must be a string');
  return v;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function readFix(v: unknown, where: string): Fix {
  if (!isObject(v) || !Array.isArray(v.edits)) invalid(where, 'must be { edits: [...] }');
  return {
    edits: (v.edits as unknown[]).map((e, i) => {
      const w = `${where}.edits[${i}]`;
      if (!isObject(e) || !Array.isArray(e.range) || e.range.length !== 2 || typeof e.text !== 'string') {
        invalid(w, 'must be { range: [start, end], text }');
      }
      const [a, b] = e.range as unknown[];
      if (typeof a !== 'number' || typeof b !== 'number') invalid(`${w}.range`, 'must hold two numbers');
      return { range: [a, b] as [number, number], text: e.text as string };
    }),
  };
}

function readFinding(v: unknown, where: string): Finding {
  if (!isObject(v)) invalid(where, 'must be an object');
  const { ruleId, severity, message } = v;
  if (typeof ruleId !== 'string') invalid(`${where}.ruleId`, 'must be a string');
  if (typeof severity !== 'string' || !SEVERITIES.has(severity)) invalid(`${where}.severity`, 'must be error, warning or info');
  if (typeof message !== 'string') invalid(`${where}.message`, 'must be a string');
  const f: Finding = { ruleId, severity: severity as Severity, message };
  assign(f, 'messageId', optString(v, 'messageId', where));
  for (const key of ['line', 'column', 'endLine', 'endColumn', 'page', 'paragraph'] as const) {
    assign(f, key, optNumber(v, key, where));
  }
  assign(f, 'path', optString(v, 'path', where));
  assign(f, 'url', optString(v, 'url', where));
  if (v.data !== undefined) {
    if (!isObject(v.data)) invalid(`${where}.data`, 'must be an object');
    f.data = v.data;
  }
  if (v.fix !== undefined) f.fix = readFix(v.fix, `${where}.fix`);
  assign(f, 'docsUrl', optString(v, 'docsUrl', where));
  if (v.suppressed === true) f.suppressed = true;
  return f;
}

function readCategories(v: unknown, where: string): CategoryScore[] {
  if (!Array.isArray(v)) invalid(where, 'must be an array');
  return v.map((c, i) => {
    const w = `${where}[${i}]`;
    if (!isObject(c) || typeof c.id !== 'string') invalid(w, 'must have an id');
    if (c.score !== null && typeof c.score !== 'number') invalid(`${w}.score`, 'must be a number or null');
    if (typeof c.deducted !== 'number' || typeof c.rules !== 'number') invalid(w, 'must have deducted and rules');
    return { id: c.id, score: c.score as number | null, deducted: c.deducted, rules: c.rules };
  });
}

function readScoring(v: unknown, where: string): ScoreResult {
  if (!isObject(v)) invalid(where, 'must be an object');
  if (typeof v.score !== 'number' || typeof v.passed !== 'boolean' || typeof v.passLine !== 'number') {
    invalid(where, 'must have score, passed and passLine');
  }
  if (!Array.isArray(v.vetoed) || !v.vetoed.every((x) => typeof x === 'string')) invalid(`${where}.vetoed`, 'must list rule ids');
  if (!Array.isArray(v.rules)) invalid(`${where}.rules`, 'must be an array');
  const s: ScoreResult = {
    score: v.score,
    passed: v.passed,
    passLine: v.passLine,
    vetoed: v.vetoed as string[],
    categories: readCategories(v.categories, `${where}.categories`),
    rules: (v.rules as unknown[]).map((r, i) => {
      const w = `${where}.rules[${i}]`;
      if (!isObject(r) || typeof r.ruleId !== 'string' || typeof r.category !== 'string') invalid(w, 'must have ruleId and category');
      for (const k of ['weight', 'max', 'findings', 'deducted']) if (typeof r[k] !== 'number') invalid(`${w}.${k}`, 'must be a number');
      if (typeof r.veto !== 'boolean' || typeof r.applicable !== 'boolean') invalid(w, 'must have veto and applicable');
      return {
        ruleId: r.ruleId,
        category: r.category,
        weight: r.weight as number,
        max: r.max as number,
        findings: r.findings as number,
        deducted: r.deducted as number,
        veto: r.veto,
        applicable: r.applicable,
      };
    }),
  };
  assign(s, 'grade', optString(v, 'grade', where));
  return s;
}

function readTarget(v: unknown, where: string): TargetResult {
  if (!isObject(v)) invalid(where, 'must be an object');
  if (typeof v.target !== 'string') invalid(`${where}.target`, 'must be a string');
  if (v.kind !== 'report' && v.kind !== 'site') invalid(`${where}.kind`, 'must be report or site');
  if (v.score !== null && typeof v.score !== 'number') invalid(`${where}.score`, 'must be a number or null');
  if (typeof v.passed !== 'boolean') invalid(`${where}.passed`, 'must be a boolean');
  if (!Array.isArray(v.findings)) invalid(`${where}.findings`, 'must be an array');
  const r: TargetResult = {
    target: v.target,
    kind: v.kind,
    score: v.score as number | null,
    passed: v.passed,
    findings: [],
  };
  assign(r, 'grade', optString(v, 'grade', where));
  assign(r, 'name', optString(v, 'name', where));
  if (v.categories !== undefined) r.categories = readCategories(v.categories, `${where}.categories`);
  if (v.scoring !== undefined) r.scoring = readScoring(v.scoring, `${where}.scoring`);
  if (v.error !== undefined) {
    const e = v.error;
    if (!isObject(e) || typeof e.code !== 'string' || typeof e.message !== 'string') invalid(`${where}.error`, 'must have code and message');
    r.error = { code: e.code, message: e.message };
  }
  if (v.notes !== undefined) {
    if (!Array.isArray(v.notes) || !v.notes.every((n) => typeof n === 'string')) invalid(`${where}.notes`, 'must be strings');
    r.notes = v.notes as string[];
  }
  if (v.stats !== undefined) {
    if (!isObject(v.stats)) invalid(`${where}.stats`, 'must be an object');
    r.stats = v.stats;
  }
  if (v.attachments !== undefined) {
    if (!Array.isArray(v.attachments)) invalid(`${where}.attachments`, 'must be an array');
    r.attachments = v.attachments.map((a, i) => readTarget(a, `${where}.attachments[${i}]`));
  }
  r.findings = v.findings.map((f, i) => readFinding(f, `${where}.findings[${i}]`));
  return r;
}

/** Reads the `json` formatter's output back (baselines, golden tests, `--from-json`). Throws GongkaiError. */
export function parseJsonResult(text: string): RunResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    invalid('(root)', e instanceof Error ? e.message : String(e));
  }
  if (!isObject(value)) invalid('(root)', 'must be an object');
  const tool = value.tool;
  if (!isObject(tool) || tool.name !== 'gongkai' || typeof tool.version !== 'string') {
    invalid('tool', 'must be { name: "gongkai", version }');
  }
  if (!Array.isArray(value.results)) invalid('results', 'must be an array');
  return {
    tool: { name: 'gongkai', version: tool.version },
    results: value.results.map((r, i) => readTarget(r, `results[${i}]`)),
  };
}
