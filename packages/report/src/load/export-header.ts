/**
 * Crawler and archive exports of report pages put a header above the text: `key: value` lines (标题, 发布时间,
 * 发布机构, 文号, 栏目, 原文链接 …), often closed by a separator such as `===== 正文 =====`. That header is the page's
 * metadata, not report text: it gives the title, the publication date and the agency, and must never be read as
 * the report's first paragraphs (a "栏目: 政府信息公开年报" line would otherwise pass for the title).
 */

export interface ExportHeader {
  /** Key → value, keys as written (标题, 发布时间 …). Values are trimmed; empty values are kept as ''. */
  meta: Record<string, string>;
  /** Source offsets of each value (or of the key when the value is empty). */
  spans: Record<string, { start: number; end: number }>;
  /** Offset where the body starts (after the separator, or after the last header line). */
  bodyStart: number;
}

/** A `key: value` header line: a short key of CJK or ASCII words, an ASCII or full-width colon. */
const KV_LINE = /^[ \t\u3000]*([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z _-]{0,11}?)[ \t\u3000]*[:：][ \t\u3000]?(.*)$/;
/** `==== 正文 ====`, `---- body ----`, or a bare rule of = or - characters. */
const SEPARATOR = /^[ \t]*(?:[=＝\-—]{3,}[ \t]*(?:正文|内容|body|text|content)?[ \t]*[=＝\-—]{0,}|[=＝\-—]{3,})[ \t]*$/i;
/** Keys that only a page header has; one of them must be present for a header without a separator. */
const HEADER_KEYS = new Set(['标题', '发布时间', '发布日期', '公开日期', '发布机构', '文号', '栏目', '原文链接', '来源', '索引号', 'url', 'URL', 'title', 'Title']);
/** Lines of a header that are notes of the export tool, not metadata ("页面链接与图片详见 links.tsv"). */
const TOOL_NOTE = /\.(?:tsv|csv|json|txt)\b|详见|see /i;
const MAX_HEADER_LINES = 20;

interface Line {
  start: number;
  end: number;
  text: string;
}

function firstLines(text: string, max: number): Line[] {
  const out: Line[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && out.length < max) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    const end = j > i && text.charCodeAt(j - 1) === 0x0d ? j - 1 : j;
    out.push({ start: i, end, text: text.slice(i, end) });
    i = j + 1;
  }
  return out;
}

/**
 * Reads the export header at the top of a text file, or returns null when the file does not start with one.
 * A header is at least two `key: value` lines of which one has a known page key, ending at a separator line or at
 * the first line that is neither a key/value pair nor a tool note. Without a separator, three pairs are required,
 * so a report whose first line happens to contain a colon ("区管委会办公室：根据…") is never taken for a header.
 */
export function readExportHeader(text: string): ExportHeader | null {
  const lines = firstLines(text, MAX_HEADER_LINES + 1);
  const meta: Record<string, string> = {};
  const spans: Record<string, { start: number; end: number }> = {};
  let pairs = 0;
  let known = false;
  let bodyStart = -1;
  let separated = false;
  for (const line of lines) {
    if (SEPARATOR.test(line.text) && pairs > 0) {
      bodyStart = line.end + 1;
      separated = true;
      break;
    }
    const m = KV_LINE.exec(line.text);
    // Values of header lines are short; a long "key: value" line is a sentence of the report.
    if (m && line.text.length <= 400 && !/[。；]/.test(m[2]!)) {
      const key = m[1]!.trim();
      const value = m[2]!.trim();
      const valueAt = line.start + line.text.indexOf(m[2]!, m[0].length - m[2]!.length);
      if (meta[key] === undefined) {
        meta[key] = value;
        spans[key] = value ? { start: valueAt, end: valueAt + value.length } : { start: line.start, end: line.end };
      }
      pairs++;
      if (HEADER_KEYS.has(key)) known = true;
      bodyStart = line.end + 1;
      continue;
    }
    if (pairs > 0 && line.text.trim() !== '' && TOOL_NOTE.test(line.text) && line.text.length <= 80) {
      bodyStart = line.end + 1;
      continue;
    }
    break;
  }
  if (!known || pairs < 2 || (!separated && pairs < 3)) return null;
  return { meta, spans, bodyStart: Math.min(bodyStart, text.length) };
}
