import type { Locale, RunResult, Severity, TargetResult } from '../types.js';
import { t } from '../i18n/catalog.js';
import type { FormatContext, Formatter } from './context.js';
import {
  addCounts,
  activeFindings,
  countSeverities,
  displayTarget,
  targetLabel,
  flattenTargets,
  formatLocation,
  formatScore,
  passedLabel,
  shownScore,
  severityLabel,
  topRules,
  type SeverityCounts,
} from './shared.js';
import { displayWidth, padEndDisplay } from './text-width.js';
import { escapeControl, escapeRunControls } from './control.js';

type Paint = (codes: string, text: string) => string;

function painter(enabled: boolean): Paint {
  return enabled ? (codes, text) => (text ? `\u001b[${codes}m${text}\u001b[0m` : text) : (_codes, text) => text;
}

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function scoreLine(r: TargetResult, locale: Locale, paint: Paint): string {
  const parts: string[] = [];
  const score = r.score === null ? t('fmt.noScore', locale) : t('fmt.scoreOf', locale, { score: formatScore(r.score, locale) });
  parts.push(`${t('result.score', locale)} ${paint('1', score)}`);
  parts.push(paint(r.passed ? '32;1' : '31;1', passedLabel(r, locale)));
  if (r.grade) parts.push(t('fmt.grade', locale, { grade: r.grade }));
  const passLine = r.scoring?.passLine;
  if (passLine !== undefined) parts.push(t('fmt.passLine', locale, { passLine }));
  const vetoed = r.scoring?.vetoed ?? [];
  if (vetoed.length) parts.push(paint('31', t('result.vetoed', locale, { rules: vetoed.join(locale === 'en' ? ', ' : '、') })));
  const suppressed = r.findings.filter((f) => f.suppressed).length;
  if (suppressed) parts.push(t('fmt.suppressedCount', locale, { count: suppressed }));
  return parts.join(' · ');
}

function targetBlock(r: TargetResult, header: string, ctx: FormatContext, paint: Paint): string[] {
  const { locale } = ctx;
  const lines = [paint('4', header)];
  if (r.error) {
    lines.push(`  ${paint('31', '✖')} ${oneLine(t('fmt.targetError', locale, r.error))}`);
    return lines;
  }
  const findings = activeFindings(r.findings);
  if (!findings.length) {
    lines.push(`  ${paint('32', t('result.noFindings', locale))}`);
  } else {
    const rows = findings.map((f) => ({
      loc: formatLocation(f, locale, r.target),
      sev: severityLabel(f.severity, locale),
      severity: f.severity,
      msg: oneLine(f.message),
      rule: f.ruleId,
    }));
    const w = { loc: 0, sev: 0, msg: 0 };
    for (const row of rows) {
      w.loc = Math.max(w.loc, displayWidth(row.loc));
      w.sev = Math.max(w.sev, displayWidth(row.sev));
      w.msg = Math.max(w.msg, displayWidth(row.msg));
    }
    for (const row of rows) {
      const cells = [
        paint('2', padEndDisplay(row.loc, w.loc)),
        paint(SEVERITY_COLOR[row.severity], padEndDisplay(row.sev, w.sev)),
        padEndDisplay(row.msg, w.msg),
        paint('2', row.rule),
      ];
      lines.push(`  ${cells.join('  ')}`);
    }
  }
  for (const note of r.notes ?? []) lines.push(`  ${paint('2', `· ${oneLine(note)}`)}`);
  lines.push(`  ${scoreLine(r, locale, paint)}`);
  return lines;
}

function summaryLine(counts: SeverityCounts, locale: Locale, paint: Paint): string {
  const total = counts.error + counts.warning + counts.info;
  if (!total) return paint('32;1', `✔ ${t('result.noFindings', locale)}`);
  const text = t('result.summary', locale, { total, errors: counts.error, warnings: counts.warning, infos: counts.info });
  return paint(counts.error ? '31;1' : '33;1', `✖ ${text}`);
}

function table(rows: string[][], paintHeader: (s: string) => string): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  return rows.map((row, ri) => {
    const line = row
      .map((cell, i) => (i === row.length - 1 ? cell : padEndDisplay(cell, widths[i])))
      .join('  ')
      .trimEnd();
    return ri === 0 ? paintHeader(line) : line;
  });
}

/** For a multi-site audit: one line per site so an oversight office can compare them at a glance. */
function siteSummaryTable(sites: TargetResult[], ctx: FormatContext, paint: Paint): string[] {
  const { locale } = ctx;
  const sep = locale === 'en' ? ', ' : '，';
  const rows = [['fmt.col.target', 'fmt.col.score', 'fmt.col.result', 'fmt.col.topProblems'].map((k) => t(k, locale))];
  for (const s of sites) {
    const top = topRules(s.findings, 3)
      .map((r) => `${r.ruleId}×${r.count}`)
      .join(sep);
    rows.push([targetLabel(s), formatScore(shownScore(s), locale), passedLabel(s, locale), s.error ? s.error.code : top || '—']);
  }
  return table(rows, (line) => paint('1', line));
}

/** The per-target blocks alone: a multi-site audit prints each site's block as soon as that site is done. */
export function stylishTargets(results: TargetResult[], ctx: FormatContext): string {
  const paint = painter(ctx.color);
  const out: string[] = [];
  const raw = flattenTargets(results);
  const safe = flattenTargets(escapeRunControls({ tool: { name: 'gongkai', version: '' }, results }).results);
  safe.forEach(({ result: r }, i) => {
    // Names are shortened from the raw paths (shortening rewrites backslashes) and escaped afterwards.
    const { result: rawResult, parent } = raw[i]!;
    const name = escapeControl(targetLabel(rawResult, ctx.cwd));
    const header = parent
      ? `↳ ${name} ${t('fmt.attachmentOf', ctx.locale, { parent: escapeControl(displayTarget(parent.target, ctx.cwd)) })}`
      : name;
    out.push(...targetBlock(r, header, ctx, paint), '');
  });
  return out.length ? out.join('\n') + '\n' : '';
}

/** The closing part: the site comparison table (several sites) and the counts. */
export function stylishSummary(raw: RunResult, ctx: FormatContext): string {
  const paint = painter(ctx.color);
  const result = escapeRunControls(raw);
  const { locale } = ctx;
  const out: string[] = [];
  let counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const { result: r } of flattenTargets(result.results)) counts = addCounts(counts, countSeverities(r.findings));
  const top = result.results;
  const sites = top.filter((r) => r.kind === 'site');
  if (sites.length > 1) out.push(...siteSummaryTable(sites, ctx, paint), '');
  const errored = top.some((r) => r.error);
  // "No problems" would be false comfort when a target could not be checked at all.
  if (!errored || counts.error + counts.warning + counts.info > 0) out.push(summaryLine(counts, locale, paint));
  if (top.length > 1 || errored) {
    const failedToCheck = top.filter((r) => r.error).length;
    const passed = top.filter((r) => !r.error && r.passed).length;
    out.push(t('fmt.targetsSummary', locale, { total: top.length, passed, failed: top.length - passed - failedToCheck, errored: failedToCheck }));
  }
  return out.join('\n') + '\n';
}

export const stylish: Formatter = (result: RunResult, ctx: FormatContext): string =>
  stylishTargets(result.results, ctx) + stylishSummary(result, ctx);
