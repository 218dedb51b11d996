import type { Finding, RunResult, Severity, TargetResult } from '../types.js';
import { pick } from '../i18n/format.js';
import type { FormatContext, Formatter } from './context.js';
import { displayTarget, docsLink, flattenTargets, isUrl } from './shared.js';

/** SARIF 2.1.0 (OASIS). One run; targets are artifacts, rules come from the metadata the caller passes in. */

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/gongkai-project/gongkai';

type Obj = Record<string, unknown>;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF wants URI references. Relative paths inside cwd stay relative (code-scanning UIs resolve them against the
 * repository); other absolute paths become file: URIs; CJK and spaces are percent-encoded.
 */
export function artifactUri(target: string, cwd?: string): string {
  if (isUrl(target)) {
    try {
      return new URL(target).href;
    } catch {
      return encodeURI(target);
    }
  }
  const shown = displayTarget(target, cwd).replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(shown)) return `file:///${encodeURI(shown)}`;
  if (shown.startsWith('/')) return `file://${encodeURI(shown)}`;
  return encodeURI(shown);
}

function region(f: Finding): Obj | undefined {
  const r: Obj = {};
  if (f.line !== undefined) {
    r.startLine = f.line;
    if (f.column !== undefined) r.startColumn = f.column;
    if (f.endLine !== undefined) r.endLine = f.endLine;
    if (f.endColumn !== undefined) r.endColumn = f.endColumn;
  }
  const props: Obj = {};
  if (f.page !== undefined) props.page = f.page;
  if (f.paragraph !== undefined) props.paragraph = f.paragraph;
  if (f.path !== undefined) props.path = f.path;
  if (Object.keys(props).length) r.properties = props;
  return Object.keys(r).length ? r : undefined;
}

function ruleDescriptor(ruleId: string, ctx: FormatContext): Obj {
  const meta = ctx.rules.get(ruleId);
  const d: Obj = { id: ruleId };
  if (meta) {
    d.shortDescription = { text: pick(meta.description, ctx.locale) };
  }
  const help = docsLink(ruleId, ctx);
  if (help) d.helpUri = help;
  if (meta) {
    d.defaultConfiguration = { level: LEVEL[meta.defaultSeverity] };
    d.properties = {
      category: meta.category,
      subject: meta.subject,
      type: meta.type,
      weight: meta.weight,
      veto: meta.veto === true,
      tags: [meta.subject, meta.category],
    };
  }
  return d;
}

export const sarif: Formatter = (result: RunResult, ctx: FormatContext): string => {
  const flat = flattenTargets(result.results).map((x) => x.result);
  const ruleIds = new Set<string>();
  for (const r of flat) {
    for (const s of r.scoring?.rules ?? []) ruleIds.add(s.ruleId);
    for (const f of r.findings) ruleIds.add(f.ruleId);
  }
  const ids = [...ruleIds].sort();
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));

  const results: Obj[] = [];
  const notifications: Obj[] = [];
  for (const target of flat) {
    const targetUri = artifactUri(target.target, ctx.cwd);
    if (target.error) {
      notifications.push({
        level: 'error',
        message: { text: target.error.message },
        descriptor: { id: target.error.code },
        locations: [{ physicalLocation: { artifactLocation: { uri: targetUri } } }],
      });
    }
    for (const f of target.findings) results.push(resultFor(f, target, targetUri, ruleIndex, ctx));
  }

  const run: Obj = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: /^\d+\.\d+\.\d+/.test(result.tool.version) ? result.tool.version : undefined,
        informationUri: INFORMATION_URI,
        language: ctx.locale === 'en' ? 'en-US' : 'zh-CN',
        rules: ids.map((id) => ruleDescriptor(id, ctx)),
      },
    },
    invocations: [
      notifications.length
        ? { executionSuccessful: false, toolExecutionNotifications: notifications }
        : { executionSuccessful: true },
    ],
    columnKind: 'utf16CodeUnits',
    results,
    properties: {
      targets: result.results.map((r) => ({
        uri: artifactUri(r.target, ctx.cwd),
        kind: r.kind,
        score: r.score,
        passed: r.passed,
        ...(r.grade ? { grade: r.grade } : {}),
        vetoed: r.scoring?.vetoed ?? [],
      })),
    },
  };
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
};

function resultFor(
  f: Finding,
  target: TargetResult,
  targetUri: string,
  ruleIndex: Map<string, number>,
  ctx: FormatContext,
): Obj {
  const uri = f.url ? artifactUri(f.url) : targetUri;
  const physical: Obj = { artifactLocation: { uri } };
  const reg = region(f);
  if (reg) physical.region = reg;
  const location: Obj = { physicalLocation: physical };
  // A site finding on a page of the site keeps the site itself as the logical place it belongs to.
  if (f.url && target.kind === 'site') location.logicalLocations = [{ fullyQualifiedName: target.target, kind: 'resource' }];
  const r: Obj = {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location],
  };
  if (f.fix && !f.url) {
    r.fixes = [
      {
        artifactChanges: [
          {
            artifactLocation: { uri },
            replacements: f.fix.edits.map((e) => ({
              deletedRegion: { charOffset: e.range[0], charLength: Math.max(0, e.range[1] - e.range[0]) },
              insertedContent: { text: e.text },
            })),
          },
        ],
      },
    ];
  }
  if (f.suppressed) r.suppressions = [{ kind: 'external' }];
  const props: Obj = {};
  if (f.data) props.data = f.data;
  const help = docsLink(f.ruleId, ctx, f);
  if (help && help !== docsLink(f.ruleId, ctx)) props.docsUrl = help;
  if (Object.keys(props).length) r.properties = props;
  return r;
}
