/**
 * Extraction-quality assessment: what the way in (crawler text, PDF extraction, copy-paste) did to a document, as
 * far as the text itself shows. The assessment is made once per document; rules read it so that damage is reported
 * once (by `report/extraction-quality`) instead of turning into a list of "missing" errors.
 */
import type { Block, DocumentQuality, Paragraph } from './types.js';

/** Digits of several table cells run together after a row label: "总计8000008", "行政规范性文件005". */
const RUN_TOGETHER = /[\u4e00-\u9fff][ ]?[0-9]{5,}(?![0-9.%年月日])/g;
/** A page footer or page number line left in the text: "— 1 —", "- 2 -", "第 3 页 共 9 页", "3/9". */
const FOOTER = /^[\s]*(?:[—\-–－]{1,2}[\s]*[0-9]{1,3}[\s]*[—\-–－]{1,2}|第[\s]*[0-9]{1,3}[\s]*页(?:[\s,，]*共[\s]*[0-9]{1,3}[\s]*页)?|[0-9]{1,3}[\s]*\/[\s]*[0-9]{1,3})[\s]*$/;
/** The body of a document that is only its title (the report was an attachment that was not kept). */
const MIN_BODY_CHARS = 150;

function textOf(b: Block): string {
  return b.kind === 'heading' ? b.raw : b.kind === 'paragraph' ? b.text : '';
}

/** Paragraphs that end in the middle of a sentence and whose next paragraph goes on in lower rank: hard breaks. */
function hardBreaks(blocks: readonly Block[]): number {
  let n = 0;
  for (let i = 0; i + 1 < blocks.length; i++) {
    const a = blocks[i]!;
    const b = blocks[i + 1]!;
    if (a.kind !== 'paragraph' || b.kind !== 'paragraph') continue;
    const t = a.text.trimEnd();
    if (t.length >= 15 && /[\u4e00-\u9fff，、]$/.test(t) && /^[\u4e00-\u9fff，、]/.test(b.text.trimStart())) n++;
  }
  return n;
}

/** What reflow repaired before the model was built: line breaks joined and footers dropped from paragraphs. */
export interface Repairs {
  joins: number;
  footers: number;
}

export function assessQuality(blocks: readonly Block[], title: Paragraph | undefined, collapsed: boolean, repairs: Repairs = { joins: 0, footers: 0 }): DocumentQuality {
  let body = 0;
  let runTogether = 0;
  let footers = 0;
  let tables = 0;
  let headings = 0;
  for (const b of blocks) {
    if (b.kind === 'table') {
      tables++;
      continue;
    }
    if (b.kind === 'heading') headings++;
    const text = textOf(b);
    if (b !== title) body += text.trim().length;
    if (FOOTER.test(text)) footers++;
    RUN_TOGETHER.lastIndex = 0;
    while (RUN_TOGETHER.exec(text) !== null) runTogether++;
  }
  const q: DocumentQuality = { collapsed };
  if (body < MIN_BODY_CHARS && tables === 0 && headings === 0) q.noText = true;
  if (runTogether >= 3) q.flattenedTables = runTogether;
  if (footers + repairs.footers >= 2) q.pageFooters = footers + repairs.footers;
  const breaks = hardBreaks(blocks) + repairs.joins;
  if (breaks >= 5) q.hardBreaks = breaks;
  if (endsInsideTable(blocks)) q.truncated = true;
  return q;
}

/**
 * The text stops inside a statistics annex: its last words are a row label and a number, with no sign-off after,
 * and the annex never reached its closing rows (行政复议/行政诉讼/申诉 close the 2008-style 统计表). Whatever the
 * annex held after that point was lost, so a part that usually lives there cannot be called missing.
 */
function endsInsideTable(blocks: readonly Block[]): boolean {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'table') return false;
    const text = textOf(b).trimEnd();
    if (!text) continue;
    const annex = text.search(/附表|统计表|指标名称/);
    if (annex < 0 || !/[\u4e00-\u9fff][\s]*[0-9]+$/.test(text)) return false;
    return !/行政复议|行政诉讼|申诉/.test(text.slice(annex));
  }
  return false;
}
