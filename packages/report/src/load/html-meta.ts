/**
 * What an article page says about the article outside its text: <meta> tags, `<publishtime>`-style tags, and the
 * 索引号 / 发布机构 / 发布日期 block or table CMSs print above the article. Keys are stored as the page labels them;
 * the publication date is additionally stored under 发布日期 when the page calls it 公开日期/上网日期/发布时间, because
 * that is the key the model builder reads first. 成文日期 (the date the document was signed) is kept under its own
 * name and never becomes 发布日期: a report signed in January may go online in March, and that gap is what the
 * timeliness check measures.
 */
import { META_LABELS } from '../model/metadata.js';
import { normalizeWidth } from '../text/normalize.js';
import { firstIsoDate } from '../text/dates.js';
import { cellText, cellsOf, clean, rowsOf, SKIP, type DomNode } from './html-dom.js';

/** Labels that name the publication date on a page; all of them feed 发布日期. */
const PUBLISHED_LABELS = ['发布日期', '发布时间', '公开日期', '公开时间', '上网日期', '上网时间', '发布于'];
/** Labels of other dates that must never be read as the publication date. */
const OTHER_DATE_LABELS = ['成文日期', '成文时间', '印发日期', '生成日期', '签发日期'];
const LABELS = [...new Set([...PUBLISHED_LABELS, ...OTHER_DATE_LABELS, ...META_LABELS])];
/** Longest first so 发布日期 wins over 日期; characters may be spaced out (索 引 号). */
const LABEL_ALT = [...LABELS].sort((a, b) => b.length - a.length).map((l) => [...l].join('[ ]*')).join('|');
const LABEL_IN_LINE = new RegExp(`(?<=^|[\\s\\[\\]【】|])(${LABEL_ALT})[ ]*:`, 'g');
const LABEL_ONLY = new RegExp(`^[ ]*(${LABEL_ALT})[ ]*:?[ ]*$`);

/** Tag names some CMSs invent for the publication time (<publishtime>, <pubdate>, <fbsj>). */
const PUBLISH_TAG = /^(?:pub(?:lish)?(?:ed)?[-_]?(?:time|date)|fbsj|fbrq)$/i;
/** <meta name> variants of the publication date the builder does not list itself. */
const PUBLISH_META = /^(?:first)?pub(?:lish)?(?:ed)?[-_]?(?:time|date)$/i;

export type Meta = Record<string, string>;

function put(meta: Meta, rawKey: string, value: string): void {
  const key = rawKey.replace(/ /g, '');
  const v = value.trim();
  if (meta[key] === undefined || (meta[key] === '' && v !== '')) meta[key] = v;
  if (PUBLISHED_LABELS.includes(key) && firstIsoDate(v) && !firstIsoDate(meta['发布日期'] ?? '')) {
    meta['发布日期'] = v;
  }
}

/** Pairs of a metadata line ("索引号：X 发布机构：Y 公开日期：Z"), or null when the line does not start with a label. */
export function metaPairs(line: string): Array<[string, string]> | null {
  const norm = normalizeWidth(clean(line));
  if (norm.length > 240 || !norm.includes(':')) return null;
  const hits: Array<{ key: string; start: number; valueStart: number }> = [];
  LABEL_IN_LINE.lastIndex = 0;
  for (let m = LABEL_IN_LINE.exec(norm); m !== null; m = LABEL_IN_LINE.exec(norm)) {
    hits.push({ key: m[1]!.replace(/ /g, ''), start: m.index, valueStart: m.index + m[0].length });
  }
  if (hits.length === 0 || hits[0]!.start > 0) return null;
  return hits.map((h, i) => [h.key, norm.slice(h.valueStart, hits[i + 1]?.start ?? norm.length).trim()]);
}

/** Reads a metadata line into `meta`; true when it was one. */
export function readMetaLine(meta: Meta, line: string): boolean {
  const pairs = metaPairs(line);
  if (!pairs) return false;
  for (const [k, v] of pairs) put(meta, k, v);
  return true;
}

/** The label a cell consists of ("发布日期", "索 引 号：", "公开日期:"), if any. */
function labelOf(text: string): string | undefined {
  const m = LABEL_ONLY.exec(normalizeWidth(text));
  return m ? m[1]!.replace(/ /g, '') : undefined;
}

/**
 * A metadata table: small, and at least two of its cells are labels (with or without a colon) or label:value
 * pairs. Such a table is page furniture, read into meta and never emitted as a report table.
 */
export function isMetaTable(table: DomNode): boolean {
  const rows = rowsOf(table);
  if (rows.length === 0 || rows.length > 10) return false;
  let labels = 0;
  for (const tr of rows) {
    for (const td of cellsOf(tr)) {
      const t = cellText(td);
      if (labelOf(t) || metaPairs(t)) labels++;
    }
  }
  return labels >= 2;
}

/** Reads a metadata table: a label cell takes the next cell as its value; a "label：value" cell stands alone. */
export function readMetaTable(meta: Meta, table: DomNode): void {
  for (const tr of rowsOf(table)) {
    const cells = cellsOf(tr).map(cellText);
    for (let i = 0; i < cells.length; i++) {
      const label = labelOf(cells[i]!);
      if (label) {
        const next = cells[i + 1];
        if (next !== undefined && !labelOf(next) && !metaPairs(next)) {
          put(meta, label, normalizeWidth(next));
          i++;
        } else put(meta, label, '');
        continue;
      }
      readMetaLine(meta, cells[i]!);
    }
  }
}

/**
 * <meta name=… content=…> pairs, the first of each name, and `<publishtime>`-style tags anywhere in the page. The
 * tag's date is returned rather than stored: a labelled 发布日期 on the page, read later, takes precedence.
 */
export function readTagMeta(root: DomNode, meta: Meta): string | undefined {
  let published: string | undefined;
  const visit = (n: DomNode) => {
    if (n.type !== 'tag' && n.type !== 'root') return;
    const name = n.name ?? '';
    if (name === 'meta') {
      const key = n.attribs?.name?.trim();
      const content = n.attribs?.content?.trim();
      if (key && content && meta[key] === undefined) {
        meta[key] = content;
        // The builder knows PubDate; other spellings (publishtime, firstpublishedtime) are filed under it.
        if (PUBLISH_META.test(key) && meta['PubDate'] === undefined && firstIsoDate(content)) meta['PubDate'] = content;
      }
      return;
    }
    if (PUBLISH_TAG.test(name)) {
      const t = clean(textOf(n));
      if (!published && firstIsoDate(normalizeWidth(t))) published = t;
      return;
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(root);
  return published;
}

/** The `<publishtime>` date, filed as 发布时间 when the page labels no publication date of its own. */
export function addTagPublished(meta: Meta, published: string | undefined): void {
  if (published && meta['发布时间'] === undefined) put(meta, '发布时间', published);
}

function textOf(n: DomNode): string {
  if (n.type === 'text') return n.data ?? '';
  if (n.type !== 'tag' || SKIP.has(n.name!)) return '';
  return (n.children ?? []).map(textOf).join('');
}

/** A label cell followed by its value in the next unit ("发布日期：" | "2024-01-05" in separate layout cells). */
export function readLabelValue(meta: Meta, label: string, value: string | undefined): boolean {
  const key = labelOf(label);
  if (!key) return false;
  if (value !== undefined && !labelOf(value) && !metaPairs(value)) put(meta, key, normalizeWidth(clean(value)));
  return true;
}
