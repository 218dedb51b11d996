import type { Finding, RunResult } from '../types.js';
import type { FormatContext, Formatter } from './context.js';
import { displayTarget, flattenTargets } from './shared.js';
import { escapeControl, escapeRunControls } from './control.js';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line of a pull request's
 * diff, so a CI job that checks a report draft shows the problems next to the text. Sites have no file, so their
 * findings are annotated without one and name the URL in the message.
 */

const LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

// The escaping GitHub documents for workflow command data and property values.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (raw: RunResult, ctx: FormatContext): string => {
  const lines: string[] = [];
  // The Actions log is a terminal too: an escape sequence in a heading or file name would run there.
  const rawTargets = flattenTargets(raw.results);
  flattenTargets(escapeRunControls(raw).results).forEach(({ result: r }, i) => {
    const isFile = !/^https?:\/\//.test(r.target);
    // Shortened from the raw path (shortening rewrites backslashes), escaped afterwards.
    const file = isFile ? escapeControl(displayTarget(rawTargets[i]!.result.target, ctx.cwd)) : undefined;
    if (r.error) {
      lines.push(`::error ${file ? `file=${prop(file)},` : ''}title=${prop(r.error.code)}::${data(isFile ? r.error.message : `${r.target}: ${r.error.message}`)}`);
    }
    for (const f of r.findings) {
      if (f.suppressed) continue;
      const props: string[] = [];
      if (file) {
        props.push(`file=${prop(file)}`);
        if (f.line !== undefined) props.push(`line=${f.line}`);
        if (f.column !== undefined) props.push(`col=${f.column}`);
        if (f.endLine !== undefined) props.push(`endLine=${f.endLine}`);
        if (f.endColumn !== undefined && f.endLine === f.line) props.push(`endColumn=${f.endColumn}`);
      }
      props.push(`title=${prop(f.ruleId)}`);
      const where = file ? (f.page !== undefined ? `[p.${f.page}] ` : '') : `${f.url ?? r.target}: `;
      lines.push(`::${LEVEL[f.severity]} ${props.join(',')}::${data(where + f.message)}`);
    }
  });
  return lines.length ? lines.join('\n') + '\n' : '';
};
