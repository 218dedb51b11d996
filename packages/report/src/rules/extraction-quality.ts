import type { Rule } from '@gongkai/core';
import type { DocumentQuality, ReportDocument } from '../model/types.js';
import { locOfSpan } from '../analysis/position.js';

export interface ExtractionQualityOptions {
  /** Damage kinds not to report (e.g. `pageFooters` for a PDF pipeline that is known to keep them). */
  ignore?: Array<keyof Omit<DocumentQuality, 'collapsed'> | 'collapsed'>;
}

type Kind = 'noText' | 'collapsed' | 'flattenedTables' | 'truncated' | 'pageFooters' | 'hardBreaks';
type Part = Kind | 'flattenedRebuilt';

/** Each damage kind: what was found and which checks it keeps from being done, in both locales. */
const PARTS: Record<Part, { zh: string; en: string }> = {
  noText: {
    zh: '正文几乎没有内容（报告可能以附件发布，附件没有一并取得），章节、统计表和数字核对均未进行',
    en: 'there is next to no body text (the report may be an attachment that was not obtained); sections, tables and figures were not checked',
  },
  collapsed: {
    zh: '换行已丢失，整页文字连成一段，章节标题是从连续文字中识别的，只核对了一级标题编号',
    en: 'line breaks were lost and the page runs on as one paragraph; headings were found in running text and only the top-level numbering was checked',
  },
  flattenedTables: {
    zh: '统计表被展开成文字，{flattenedTables}处单元格数字连在一起，表格数据和下级标题编号未核对',
    en: 'the statistics tables were flattened into text ({flattenedTables} places where cell values ran together); table figures and sub-heading numbers were not checked',
  },
  flattenedRebuilt: {
    zh: '统计表被展开成文字（{flattenedTables}处单元格数字连在一起），能无歧义拆分的表格已复原并核对，其余表格数据和下级标题编号未核对',
    en: 'the statistics tables were flattened into text ({flattenedTables} places where cell values ran together); tables that split without guessing were rebuilt and checked, the rest and the sub-heading numbers were not',
  },
  truncated: {
    zh: '正文在附表中途结束，其后的内容缺失，可能位于附表中的内容无法确认',
    en: 'the text stops inside the statistics annex; what the rest of the annex held cannot be confirmed',
  },
  pageFooters: {
    zh: '正文中夹有{pageFooters}处页码或页脚',
    en: '{pageFooters} page numbers or footers are mixed into the text',
  },
  hardBreaks: {
    zh: '{hardBreaks}处段落在句中断开（常见于PDF转换），只核对了一级标题编号',
    en: '{hardBreaks} paragraphs break in mid-sentence (typical of PDF conversion); only the top-level numbering was checked',
  },
};

const ORDER: Kind[] = ['noText', 'collapsed', 'flattenedTables', 'truncated', 'pageFooters', 'hardBreaks'];

/** The damage kinds present in a document, most consequential first. */
export function damageKinds(q: DocumentQuality): Kind[] {
  return ORDER.filter((k) => (k === 'collapsed' ? q.collapsed : q[k] !== undefined && q[k] !== false));
}

export const extractionQuality: Rule<ReportDocument, ExtractionQualityOptions> = {
  meta: {
    id: 'report/extraction-quality',
    type: 'suggestion',
    subject: 'report',
    category: 'quality',
    description: {
      zh: '提示文件在转换或抓取中受到的损坏（换行丢失、表格被展开、页脚混入、正文缺失），以及因此未能进行的检查',
      en: 'Reports damage the file suffered in conversion or crawling (lost line breaks, flattened tables, footers, missing text) and which checks it prevented',
    },
    messages: {
      damaged: {
        zh: '文件内容在转换或抓取中受损：{details}。请尽量检查原始文件（Word/PDF）',
        en: 'the file was damaged in conversion or crawling: {details}. Check the original (Word/PDF) where possible',
      },
    },
    schema: {
      type: 'object',
      properties: {
        ignore: { type: 'array', items: { enum: ORDER }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: {},
    defaultSeverity: 'warning',
    weight: 1,
  },
  check(doc, options, context) {
    const q = doc.quality;
    const kinds = damageKinds(q).filter((k) => !(options.ignore ?? []).includes(k));
    if (kinds.length === 0) return;
    const en = context.locale === 'en';
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(q[k as keyof DocumentQuality] ?? ''));
    const rebuilt = doc.tables.some((t) => t.reconstructed);
    const part = (k: Kind): Part => (k === 'flattenedTables' && rebuilt ? 'flattenedRebuilt' : k);
    const details = kinds.map((k) => fill(PARTS[part(k)][en ? 'en' : 'zh'])).join(en ? '; ' : '；');
    context.report({
      messageId: 'damaged',
      data: { details },
      findingData: { damage: kinds, quality: { ...q } },
      loc: locOfSpan(doc.blocks[0]?.span) ?? { line: 1, column: 1 },
    });
  },
};
