import type { Formatter, FormatterName } from './context.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';
import { html } from './html.js';
import { github } from './github.js';
import './messages.js';

export type { FormatContext, Formatter, FormatterName } from './context.js';
export { stylish, stylishTargets, stylishSummary } from './stylish.js';
export { json, parseJsonResult, toJsonValue } from './json.js';
export { sarif, SARIF_SCHEMA_URI, artifactUri } from './sarif.js';
export { junit } from './junit.js';
export { html, escapeHtml } from './html.js';
export { github } from './github.js';
export { escapeXml } from './xml.js';
export { escapeControl, escapeRunControls } from './control.js';
export { displayWidth, padEndDisplay, padStartDisplay, stripAnsi } from './text-width.js';
export {
  countSeverities,
  topRules,
  flattenTargets,
  formatLocation,
  formatScore,
  displayTarget,
  targetLabel,
  categoryLabel,
  passedLabel,
  shownScore,
  severityLabel,
  type SeverityCounts,
  type FlatTarget,
} from './shared.js';

export const formatters: Record<FormatterName, Formatter> = { stylish, json, sarif, junit, html, github };

export const FORMATTER_NAMES = Object.keys(formatters) as FormatterName[];

export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name as FormatterName] : undefined;
}
