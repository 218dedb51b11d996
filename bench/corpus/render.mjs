// Renders a built report as .txt, .md or .html, with the layout choices real publishers make: numbering punctuation,
// Markdown headings or bare numbered lines, HTML headings or bold paragraphs, merged table cells, CRLF line ends.
import { chineseOrdinal } from './prose.mjs';
import { expand } from './tables.mjs';

export function styleFor(rng) {
  return {
    l2: rng.weighted([['full', 8], ['half', 2]]),
    l3: rng.pick(['1.', '1、', '1．']),
    l4: rng.weighted([['full', 7], ['half', 3]]),
    mdHashes: rng.chance(0.6),
    htmlHeadings: rng.weighted([['h', 5], ['strong', 3], ['plain', 2]]),
    txtTable: rng.weighted([['tab', 7], ['space', 2], ['pipe', 1]]),
    crlf: rng.chance(0.15),
    blankLines: rng.chance(0.5),
    pageChrome: rng.chance(0.5),
  };
}

function marker(style, depth, n) {
  if (depth === 1) return `${chineseOrdinal(n)}、`;
  if (depth === 2) return style.l2 === 'full' ? `（${chineseOrdinal(n)}）` : `(${chineseOrdinal(n)})`;
  if (depth === 3) return `${n}${style.l3.slice(1)}`;
  return style.l4 === 'full' ? `（${n}）` : `(${n})`;
}

/** Walks the report in reading order, numbering sub-headings per parent; calls `emit` for every item. */
function walk(report, style, emit) {
  for (const s of report.sections) {
    emit({ t: 'h', depth: 1, label: marker(style, 1, s.ordinal) + s.title });
    const counters = [0, 0, 0, 0, 0];
    for (const b of s.blocks) {
      if (b.t === 'h') {
        counters[b.depth]++;
        for (let d = b.depth + 1; d < counters.length; d++) counters[d] = 0;
        const label = marker(style, b.depth, counters[b.depth]) + b.text;
        if (b.inline) emit({ t: 'p', text: `${label}。${b.rest}` });
        else emit({ t: 'h', depth: b.depth, label });
      } else if (b.t === 'p') emit(b);
      else emit({ t: 'table', table: b });
    }
  }
}

const escMd = (s) => s.replace(/\|/g, '\\|');

export function renderMarkdown(report, style) {
  const out = [style.mdHashes ? `# ${report.title}` : report.title, ''];
  for (const para of report.preamble) out.push(para, '');
  walk(report, style, (item) => {
    if (item.t === 'h') out.push(style.mdHashes ? `${'#'.repeat(item.depth + 1)} ${item.label}` : item.label, '');
    else if (item.t === 'p') out.push(item.text, '');
    else {
      const grid = expand(item.table);
      out.push(`| ${grid[0].map(escMd).join(' | ')} |`, `| ${grid[0].map(() => '---').join(' | ')} |`);
      for (const row of grid.slice(1)) out.push(`| ${row.map(escMd).join(' | ')} |`);
      out.push('');
    }
  });
  out.push(...report.signature.flatMap((l) => [l, '']));
  return out.join('\n');
}

export function renderText(report, style) {
  const out = [report.title];
  const gap = () => style.blankLines && out.push('');
  gap();
  for (const para of report.preamble) out.push(`　　${para}`), gap();
  walk(report, style, (item) => {
    if (item.t === 'h') out.push(item.label);
    else if (item.t === 'p') out.push(`　　${item.text}`);
    else {
      // Copied from a web page, a table becomes one line per row; the merged labels repeat or go blank.
      const sep = style.txtTable === 'tab' ? '\t' : style.txtTable === 'space' ? '  ' : ' | ';
      for (const row of expand(item.table)) out.push(row.filter((c, i) => i === 0 || c !== row[i - 1] || /^[-\d.]+$/.test(c)).join(sep));
    }
    gap();
  });
  if (style.pageChrome) out.push('', '【打印本页】【关闭窗口】');
  out.splice(out.length - (style.pageChrome ? 2 : 0), 0, ...report.signature);
  return out.join(style.crlf ? '\r\n' : '\n');
}

const escHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlTable(table) {
  const rows = table.rows.map((row) => {
    const cells = row.map((c) => {
      const attrs = `${c.rs > 1 ? ` rowspan="${c.rs}"` : ''}${c.cs > 1 ? ` colspan="${c.cs}"` : ''}`;
      return `<td${attrs}><p>${escHtml(c.text)}</p></td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0" style="border-collapse:collapse;width:100%"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export function renderHtml(report, style, charset = 'utf-8') {
  const body = [];
  walk(report, style, (item) => {
    if (item.t === 'h') {
      const text = escHtml(item.label);
      if (style.htmlHeadings === 'h') body.push(`<h${item.depth + 1}>${text}</h${item.depth + 1}>`);
      else if (style.htmlHeadings === 'strong') body.push(`<p style="text-indent:2em"><strong>${text}</strong></p>`);
      else body.push(`<p style="text-indent:2em">${text}</p>`);
    } else if (item.t === 'p') body.push(`<p style="text-indent:2em">${escHtml(item.text)}</p>`);
    else body.push(htmlTable(item.table));
  });
  const chromeTop = style.pageChrome
    ? `<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 年度报告</div>\n<table class="meta"><tr><td>发布机构：</td><td>${escHtml(report.agency)}</td><td>发布日期：</td><td>${report.published}</td></tr></table>\n`
    : '';
  const chromeBottom = style.pageChrome ? '<div class="tools">【打印本页】【关闭窗口】</div>\n<div class="footer">主办单位：示例网站群 网站标识码：0000000000</div>\n' : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="zh-CN"><head><meta charset="${charset}"><title>${escHtml(report.title)}</title></head><body>`,
    chromeTop,
    `<div class="article"><h1>${escHtml(report.title)}</h1>`,
    ...report.preamble.map((x) => `<p style="text-indent:2em">${escHtml(x)}</p>`),
    ...body,
    ...report.signature.map((x) => `<p style="text-align:right">${escHtml(x)}</p>`),
    '</div>',
    chromeBottom,
    '</body></html>',
  ].join('\n');
}
