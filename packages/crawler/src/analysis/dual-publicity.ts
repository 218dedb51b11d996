/**
 * 双公示 records: 行政许可 / 行政处罚 decisions with the date of the decision and the date the site published them
 * (国办发〔2015〕51号: within 7 working days of the decision). A decision page without a decision date is still a
 * record when it shows two of the record fields (相对人名称, 文书号 …): `site/dual-publicity-fields` reports what
 * it lacks. Dates are read from the record's table cells (`fields`) when it has them: an empty 决定日期 cell means
 * no decision date, whatever date the text after it holds.
 */
import { findDate } from '../extract/dates.js';
import type { FetchedPage } from '../snapshot.js';
import { detailPublished, pageInfoValue } from './item-dates.js';
import { fieldValue, firstToken, labelKey, readPageFields, readTableFields } from './labeled-fields.js';
import { ok, type PageIndex } from './page-index.js';
import { defaultCreditCodeLabels, defaultRecordFields, recordVocabulary } from './record-fields.js';
import type { DualPublicityRecord } from './types.js';

const VOCABULARY = recordVocabulary(defaultRecordFields, defaultCreditCodeLabels);
const FIELD_OF = new Map<string, string>();
for (const f of defaultRecordFields) for (const l of f.labels) if (!FIELD_OF.has(labelKey(l))) FIELD_OF.set(labelKey(l), f.id);
for (const l of defaultCreditCodeLabels) FIELD_OF.set(labelKey(l), 'credit-code');
const NUMBER_LABELS = defaultRecordFields.filter((f) => /-number$/.test(f.id)).flatMap((f) => f.labels);
/** Titles of pages about 双公示 rather than of one decision (裁量基准, 公示制度 …). */
const NOT_A_RECORD = /裁量|基准|通知|办法|规定|意见|解读|指南|目录|清单|制度|公告栏|一览/;

const DECISION_KEYS = ['许可决定日期', '处罚决定日期', '作出处罚决定日期', '作出行政处罚决定日期', '决定日期', '作出决定日期', '许可日期', '处罚日期', '决定时间'];
const NUMBER_KEYS = ['行政许可决定文书号', '许可决定文书号', '行政处罚决定书文号', '处罚决定书文号', '决定书文号', '文书号', '文号'];
const DECISION_LABELS = [...new Set([...DECISION_KEYS, ...defaultRecordFields.filter((f) => f.id === 'decision-date').flatMap((f) => f.labels)])];
const PUBLISHED_LABELS = ['公示日期', '公示时间', '发布日期', '发布时间', '公开日期', '公开时间'];
const DECISION_IN_TEXT = /(许可|处罚)?决定(?:日期|时间)\s*[:：]?\s*([^\n]{6,24})/;
const PUBLISHED_IN_TEXT = /(?:公示|发布|公开)(?:日期|时间)\s*[:：]?\s*([^\n]{6,24})/;

/** The first of `labels` that has a table cell on the page (its value may be empty), or undefined. */
function cellOf(page: FetchedPage, labels: readonly string[]): { label: string; value: string } | undefined {
  if (!page.fields) return undefined;
  const cells = readTableFields(page, labels);
  for (const l of labels) {
    const v = cells.get(labelKey(l));
    if (v !== undefined) return { label: labelKey(l), value: v };
  }
  return undefined;
}

function recordType(page: FetchedPage, keysText: string): DualPublicityRecord['type'] {
  // Field labels first: a 处罚决定书文号 row says more than a column named 行政许可和行政处罚.
  if (/处罚/.test(keysText)) return 'penalty';
  if (/许可|审批/.test(keysText)) return 'licensing';
  const t = `${page.title ?? ''} ${page.meta.ColumnName ?? ''}`;
  if (/处罚/.test(t)) return 'penalty';
  if (/许可|审批/.test(t)) return 'licensing';
  return 'unknown';
}

export function findDualPublicity(index: PageIndex): DualPublicityRecord[] {
  const out: DualPublicityRecord[] = [];
  for (const p of index.pages) {
    if (!ok(p) || p.kind !== 'html') continue;
    const url = p.finalUrl || p.url;
    const infoDecision = pageInfoValue(p, DECISION_KEYS);
    const decisionCell = infoDecision ? undefined : cellOf(p, DECISION_LABELS);
    const textMatch = infoDecision || decisionCell ? undefined : DECISION_IN_TEXT.exec(p.mainText ?? '');
    const decisionRaw = infoDecision ?? decisionCell?.value ?? textMatch?.[2];
    const decisionDate = decisionRaw ? findDate(decisionRaw, { allowCompact: true })?.date : undefined;
    const fields = p.mainText || p.pageInfo || p.fields ? readPageFields(p, VOCABULARY) : new Map<string, string>();
    const labels = [...fields.keys()];
    const fieldIds = new Set(labels.map((l) => FIELD_OF.get(l)).filter((id): id is string => !!id));
    const title = p.meta.ArticleTitle ?? p.title;
    if (!decisionDate) {
      const identified = fieldIds.has('party-name') || fieldIds.has('licensing-number') || fieldIds.has('penalty-number');
      if (!(p.mainText || p.fields) || fieldIds.size < 2 || !identified || NOT_A_RECORD.test(title ?? '')) continue;
    }
    const typeKeys = labels.filter((l) => FIELD_OF.has(l) && !/信用代码/.test(l));
    const record: DualPublicityRecord = {
      url,
      title,
      type: recordType(p, `${Object.keys(p.pageInfo ?? {}).join(' ')} ${textMatch?.[1] ?? decisionCell?.label ?? ''} ${typeKeys.join(' ')}`),
    };
    if (decisionDate) record.decisionDate = decisionDate;
    const shown = fieldValue(fields, NUMBER_LABELS);
    const number = pageInfoValue(p, NUMBER_KEYS) ?? (shown ? firstToken(shown.value) : undefined);
    if (number) record.documentNumber = number;
    const published = detailPublished(p);
    if (published) {
      record.published = published.date;
      record.publishedSource = published.source === 'detail-meta' ? 'meta' : 'page-info';
    } else {
      const cell = cellOf(p, PUBLISHED_LABELS);
      const inText = cell ? undefined : PUBLISHED_IN_TEXT.exec(p.mainText ?? '');
      const shownRaw = cell ? cell.value : inText?.[1];
      const d = shownRaw ? findDate(shownRaw, { allowCompact: true })?.date : undefined;
      if (d) {
        record.published = d;
        record.publishedSource = 'text';
      } else {
        const listed = listedDate(index, url);
        if (listed) {
          record.published = listed;
          record.publishedSource = 'list';
        }
      }
    }
    out.push(record);
  }
  return out.sort((a, b) => a.url.localeCompare(b.url));
}

function listedDate(index: PageIndex, url: string): string | undefined {
  for (const inbound of index.linksTo(url)) {
    const page = index.get(inbound.from);
    for (const l of page?.lists ?? []) {
      const item = l.items.find((i) => i.url && index.get(i.url) === index.get(url) && i.date && i.dateSource !== 'url');
      if (item?.date) return item.date;
    }
  }
  return undefined;
}
