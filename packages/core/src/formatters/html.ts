import type { Locale, RunResult, TargetResult } from '../types.js';
import { t } from '../i18n/catalog.js';
import type { FormatContext, Formatter } from './context.js';
import {
  activeFindings,
  categoryLabel,
  countSeverities,
  displayTarget,
  targetLabel,
  docsLink,
  flattenTargets,
  formatLocation,
  formatNumber,
  formatScore,
  passedLabel,
  shownScore,
  ruleDescription,
  severityLabel,
  type FlatTarget,
} from './shared.js';

/**
 * One self-contained HTML page (no external resources, so it survives being mailed around between offices).
 * The overview table sorts by clicking its headers; each target shows how its score was reached so a reader can
 * audit the deductions without the tool.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web links become hrefs: a `javascript:` URL in a finding must never turn into a clickable link. */
function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function link(text: string, href: string | undefined): string {
  const safe = safeHref(href);
  return safe ? `<a href="${escapeHtml(safe)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function th(label: string, type: 'text' | 'num'): string {
  return `<th scope="col" data-type="${type}" tabindex="0">${escapeHtml(label)}</th>`;
}

function td(content: string, sortValue?: string | number): string {
  const v = sortValue === undefined ? '' : ` data-value="${escapeHtml(String(sortValue))}"`;
  return `<td${v}>${content}</td>`;
}

const STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--head:#f6f8fa;--err:#cf222e;--warn:#9a6700;--info:#0969da;--ok:#1a7f37}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:24px;font:14px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;word-break:break-all}h3{font-size:15px;margin:20px 0 6px}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--head);white-space:nowrap}
td.num,th.num{text-align:right}
table.sortable th{cursor:pointer;user-select:none}
table.sortable th[aria-sort=ascending]::after{content:" \\25B2"}
table.sortable th[aria-sort=descending]::after{content:" \\25BC"}
.pass{color:var(--ok);font-weight:600}.fail{color:var(--err);font-weight:600}
.sev-error td:first-child{color:var(--err);font-weight:600}
.sev-warning td:first-child{color:var(--warn);font-weight:600}
.sev-info td:first-child{color:var(--info)}
.score{font-size:28px;font-weight:700;margin-right:8px}
.box{border:1px solid var(--err);background:#ffebe9;padding:8px 12px;border-radius:6px}
.veto{color:var(--err)}
section.target{border-top:2px solid var(--line);margin-top:24px}
section.target.attachment{margin-left:24px}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
`;

// Sorts any table.sortable by the clicked header; numbers by data-value, text with the page's locale collation.
const SCRIPT = `
(function(){
  var lang=document.documentElement.lang||'zh-CN';
  function val(row,i){var c=row.cells[i];if(!c)return '';return c.hasAttribute('data-value')?c.getAttribute('data-value'):c.textContent.trim();}
  function sort(th){
    var table=th.closest('table'),body=table.tBodies[0];if(!body)return;
    var i=Array.prototype.indexOf.call(th.parentNode.children,th);
    var num=th.getAttribute('data-type')==='num';
    var asc=th.getAttribute('aria-sort')!=='ascending';
    Array.prototype.forEach.call(th.parentNode.children,function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',asc?'ascending':'descending');
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){
      var x=val(a,i),y=val(b,i),d;
      if(num){d=(parseFloat(x)||0)-(parseFloat(y)||0);}else{d=x.localeCompare(y,lang);}
      return asc?d:-d;
    });
    rows.forEach(function(r){body.appendChild(r);});
  }
  document.querySelectorAll('table.sortable th').forEach(function(th){
    th.addEventListener('click',function(){sort(th);});
    th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort(th);}});
  });
})();
`;

function overview(flat: FlatTarget[], ctx: FormatContext): string {
  const { locale } = ctx;
  const head = [
    th(t('fmt.col.target', locale), 'text'),
    th(t('fmt.col.kind', locale), 'text'),
    th(t('fmt.col.score', locale), 'num'),
    th(t('fmt.col.result', locale), 'text'),
    th(t('fmt.col.grade', locale), 'text'),
    th(t('fmt.col.errors', locale), 'num'),
    th(t('fmt.col.warnings', locale), 'num'),
    th(t('fmt.col.infos', locale), 'num'),
  ].join('');
  const rows = flat.map(({ result: r, parent }, i) => {
    const c = countSeverities(r.findings);
    const name = targetLabel(r, ctx.cwd);
    const label = parent ? `↳ ${name}` : name;
    return [
      `<tr data-testid="overview-row">`,
      td(`<a href="#t-${i + 1}">${escapeHtml(label)}</a>`, name),
      td(escapeHtml(t(`fmt.kind.${r.kind}`, locale))),
      td(escapeHtml(formatScore(shownScore(r), locale)), shownScore(r) ?? -1),
      td(`<span class="${r.passed ? 'pass' : 'fail'}">${escapeHtml(passedLabel(r, locale))}</span>`),
      td(escapeHtml(r.grade ?? '')),
      td(String(c.error), c.error),
      td(String(c.warning), c.warning),
      td(String(c.info), c.info),
      '</tr>',
    ].join('');
  });
  return [
    `<section id="overview"><h2>${escapeHtml(t('fmt.html.overview', locale))}</h2>`,
    `<p class="muted">${escapeHtml(t('fmt.html.sortHint', locale))}</p>`,
    `<table class="sortable" data-testid="overview-table"><thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></section>`,
  ].join('\n');
}

function summary(r: TargetResult, locale: Locale): string {
  const bits = [
    `<span class="score" data-testid="score">${escapeHtml(formatScore(r.score, locale))}</span>`,
    `<span class="${r.passed ? 'pass' : 'fail'}" data-testid="verdict">${escapeHtml(passedLabel(r, locale))}</span>`,
  ];
  if (r.grade) bits.push(`<span>${escapeHtml(t('fmt.grade', locale, { grade: r.grade }))}</span>`);
  if (r.scoring) bits.push(`<span class="muted">${escapeHtml(t('fmt.passLine', locale, { passLine: r.scoring.passLine }))}</span>`);
  const vetoed = r.scoring?.vetoed ?? [];
  if (vetoed.length) {
    bits.push(`<span class="veto" data-testid="vetoed">${escapeHtml(t('result.vetoed', locale, { rules: vetoed.join('、') }))}</span>`);
  }
  return `<p>${bits.join(' · ')}</p>`;
}

function categoriesTable(r: TargetResult, locale: Locale): string {
  const cats = r.categories ?? r.scoring?.categories;
  if (!cats?.length) return '';
  const rows = cats.map(
    (c) =>
      `<tr>${td(escapeHtml(categoryLabel(c.id, locale)))}${td(escapeHtml(c.score === null ? '—' : formatNumber(c.score)))}` +
      `${td(escapeHtml(formatNumber(c.deducted)))}${td(String(c.rules))}</tr>`,
  );
  const head = ['fmt.col.category', 'fmt.col.score', 'fmt.col.deducted', 'fmt.col.rules']
    .map((k) => `<th scope="col">${escapeHtml(t(k, locale))}</th>`)
    .join('');
  return `<h3>${escapeHtml(t('fmt.html.categories', locale))}</h3>\n<table data-testid="categories-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function weightsTable(r: TargetResult, ctx: FormatContext): string {
  const { locale } = ctx;
  const rules = r.scoring?.rules;
  if (!rules?.length) return '';
  const yes = t('fmt.yes', locale);
  const rows = rules.map((s) => {
    const desc = ruleDescription(s.ruleId, ctx);
    const name = `${link(s.ruleId, docsLink(s.ruleId, ctx))}${desc ? `<br><span class="muted">${escapeHtml(desc)}</span>` : ''}`;
    const na = s.applicable ? '' : ` <span class="muted">(${escapeHtml(t('fmt.notApplicable', locale))})</span>`;
    return (
      `<tr data-testid="weight-row">${td(name + na, s.ruleId)}${td(escapeHtml(categoryLabel(s.category, locale)))}` +
      `${td(escapeHtml(formatNumber(s.weight)), s.weight)}${td(escapeHtml(formatNumber(s.max)), s.max)}` +
      `${td(String(s.findings), s.findings)}${td(escapeHtml(formatNumber(s.deducted)), s.deducted)}` +
      `${td(s.veto ? `<span class="veto">${escapeHtml(yes)}</span>` : '')}</tr>`
    );
  });
  const total = rules.reduce((n, s) => n + s.deducted, 0);
  const head = [
    th(t('fmt.col.rule', locale), 'text'),
    th(t('fmt.col.category', locale), 'text'),
    th(t('fmt.col.weight', locale), 'num'),
    th(t('fmt.col.max', locale), 'num'),
    th(t('fmt.col.findings', locale), 'num'),
    th(t('fmt.col.deducted', locale), 'num'),
    th(t('fmt.col.veto', locale), 'text'),
  ].join('');
  return [
    `<h3>${escapeHtml(t('fmt.html.weights', locale))}</h3>`,
    `<table class="sortable" data-testid="weights-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody>`,
    `<tfoot><tr><th scope="row" colspan="5">${escapeHtml(t('fmt.html.total', locale))}</th><td data-testid="deducted-total">${escapeHtml(formatNumber(total))}</td><td></td></tr></tfoot></table>`,
  ].join('\n');
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function findingsTable(r: TargetResult, ctx: FormatContext): string {
  const { locale } = ctx;
  const findings = activeFindings(r.findings);
  const title = `<h3>${escapeHtml(t('fmt.html.findings', locale))}</h3>`;
  if (!findings.length) return `${title}\n<p class="pass">${escapeHtml(t('result.noFindings', locale))}</p>`;
  const rows = findings.map((f, i) => {
    const where = formatLocation(f, locale, r.target);
    const whereCell = f.url ? link(where, f.url) : escapeHtml(where);
    return (
      `<tr data-testid="finding-row" class="sev-${f.severity}">` +
      `${td(escapeHtml(severityLabel(f.severity, locale)), SEVERITY_RANK[f.severity])}` +
      `${td(whereCell, i)}${td(escapeHtml(f.message))}` +
      `${td(`<code>${link(f.ruleId, docsLink(f.ruleId, ctx, f))}</code>`, f.ruleId)}</tr>`
    );
  });
  const head = [
    th(t('fmt.col.severity', locale), 'num'),
    th(t('fmt.col.location', locale), 'num'),
    th(t('fmt.col.message', locale), 'text'),
    th(t('fmt.col.rule', locale), 'text'),
  ].join('');
  return `${title}\n<table class="sortable" data-testid="findings-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function targetSection(ft: FlatTarget, index: number, ctx: FormatContext): string {
  const { result: r, parent } = ft;
  const { locale } = ctx;
  const shown = displayTarget(r.target, ctx.cwd);
  const linked = isWeb(r.target) ? link(shown, r.target) : escapeHtml(shown);
  const heading = r.name ? `${escapeHtml(r.name)} ${linked}` : linked;
  const parts = [
    `<section class="target${parent ? ' attachment' : ''}" id="t-${index}" data-testid="target" data-target="${escapeHtml(r.target)}">`,
    `<h2>${heading} <span class="muted">${escapeHtml(t(`fmt.kind.${r.kind}`, locale))}</span></h2>`,
  ];
  if (parent) parts.push(`<p class="muted">${escapeHtml(t('fmt.attachmentOf', locale, { parent: displayTarget(parent.target, ctx.cwd) }))}</p>`);
  parts.push(summary(r, locale));
  if (r.error) parts.push(`<p class="box" data-testid="target-error">${escapeHtml(t('fmt.targetError', locale, r.error))}</p>`);
  if (r.notes?.length) {
    parts.push(`<h3>${escapeHtml(t('fmt.html.notes', locale))}</h3><ul>${r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  }
  parts.push(categoriesTable(r, locale), weightsTable(r, ctx));
  if (!r.error) parts.push(findingsTable(r, ctx));
  parts.push('</section>');
  return parts.filter(Boolean).join('\n');
}

function isWeb(target: string): boolean {
  return safeHref(target) !== undefined;
}

export const html: Formatter = (result: RunResult, ctx: FormatContext): string => {
  const { locale } = ctx;
  const flat = flattenTargets(result.results);
  const title = t('fmt.html.title', locale);
  const body = flat.length
    ? [overview(flat, ctx), ...flat.map((ft, i) => targetSection(ft, i + 1, ctx))].join('\n')
    : `<p>${escapeHtml(t('fmt.html.noTargets', locale))}</p>`;
  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gongkai ${escapeHtml(result.tool.version)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(t('fmt.html.generatedBy', locale, { version: result.tool.version }))}</p></header>
<main>
${body}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
};
