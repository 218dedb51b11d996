/**
 * Dated documents the rules look for anywhere on the site: annual reports (条例 art. 49) and budget/final-account
 * disclosures (预算法 §14, 财预〔2016〕143号). They are found by their titles in lists and links, wherever the site
 * happens to put them.
 */
import type { FetchedPage } from '../snapshot.js';
import { resolveItem } from './item-dates.js';
import { ok, type PageIndex } from './page-index.js';
import { urlKey, yearInTitle } from './text.js';
import type { AnnualReportItem, AnnualReportResult, BudgetItem, DateSource } from './types.js';

interface TitledEntry {
  title: string;
  url?: string;
  date?: string;
  dateSource?: DateSource;
  listedOn: string;
}

/** Every list item and every link text on the site, once per target URL, list items first (they carry dates). */
function titledEntries(index: PageIndex, urlDatesAreVisible: boolean): TitledEntry[] {
  const out = new Map<string, TitledEntry>();
  const put = (key: string, e: TitledEntry) => {
    const prev = out.get(key);
    if (!prev || (!prev.date && e.date)) out.set(key, e);
  };
  for (const p of index.pages) {
    const here = p.finalUrl || p.url;
    for (const list of p.lists) {
      for (const item of list.items) {
        const r = resolveItem(item, index, urlDatesAreVisible);
        put(item.url ? urlKey(item.url) : `${here}#${item.title}`, {
          title: item.title,
          url: item.url,
          date: r.visible ? r.date : undefined,
          dateSource: r.visible ? r.dateSource : undefined,
          listedOn: here,
        });
      }
    }
  }
  for (const p of index.pages) {
    const here = p.finalUrl || p.url;
    for (const l of p.links) {
      if (!l.text || l.text.length < 6 || l.area === 'nav') continue;
      const key = urlKey(l.url);
      if (out.has(key)) continue;
      const r = resolveItem({ title: l.text, url: l.url }, index, urlDatesAreVisible);
      put(key, { title: l.text, url: l.url, date: r.visible ? r.date : undefined, dateSource: r.visible ? r.dateSource : undefined, listedOn: here });
    }
  }
  return [...out.values()];
}

const REPORT_TITLE = /(年度报告|年报|工作报告)/;
const REPORT_SUBJECT = /(信息公开|政务公开)/;
const NOT_A_REPORT = /(解读|通知|关于(印发|报送|做好|开展)|图解|统计表格式|模板)/;

export function isAnnualReportTitle(title: string): boolean {
  const t = title.normalize('NFKC');
  return REPORT_TITLE.test(t) && REPORT_SUBJECT.test(t) && !NOT_A_REPORT.test(t) && yearInTitle(t) !== undefined;
}

function detailText(page: FetchedPage | undefined): string {
  return page ? `${page.title ?? ''}\n${page.mainText ?? ''}` : '';
}

/** The 三公 breakdown: the word itself (“三公”经费, 三公经费) or its items (因公出国（境）费, 公务接待费, 公务用车). */
const THREE_PUBLIC = /三\s*公|因公出国|公务接待|公务用车/;
const ATTACHMENT = /\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar)(?:$|[?#])/i;

/**
 * Whether a budget document shows its 三公 breakdown, and whether we could tell: the title says so; or the fetched
 * page's text (whole, through `mentions`) or the names of its attachments do. A page whose content is in
 * attachments we did not read (PDF 决算 tables), or a document we never opened, is not inspected: no evidence
 * either way.
 */
export function threePublicEvidence(title: string, url: string | undefined, detail: FetchedPage | undefined): { threePublic: boolean; inspected: boolean } {
  if (THREE_PUBLIC.test(title)) return { threePublic: true, inspected: true };
  if (!detail || !ok(detail) || detail.kind !== 'html' || (url && ATTACHMENT.test(url))) return { threePublic: false, inspected: false };
  const attachments = detail.links.filter((l) => ATTACHMENT.test(l.url));
  const found =
    THREE_PUBLIC.test(detailText(detail)) ||
    (detail.mentions ?? []).length > 0 ||
    attachments.some((l) => THREE_PUBLIC.test(l.text) || THREE_PUBLIC.test(decodeURIComponentSafe(l.url)));
  if (found) return { threePublic: true, inspected: true };
  return { threePublic: false, inspected: attachments.length === 0 && (detail.mainText ?? '').length >= 200 };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface DocumentsResult {
  annualReport: AnnualReportResult;
  budget: { items: BudgetItem[] };
}

export function findDocuments(index: PageIndex, urlDatesAreVisible: boolean): DocumentsResult {
  const entries = titledEntries(index, urlDatesAreVisible);
  const reports: AnnualReportItem[] = [];
  const budget: BudgetItem[] = [];
  for (const e of entries) {
    const title = e.title.normalize('NFKC');
    const year = yearInTitle(title);
    if (year === undefined) continue;
    if (isAnnualReportTitle(title)) {
      reports.push({ year, title: e.title, url: e.url, published: e.date, dateSource: e.dateSource, listedOn: e.listedOn });
      continue;
    }
    if (/执行情况|调整|审计|解读|通知|征求意见/.test(title)) continue;
    const detail = index.get(e.url);
    const { threePublic, inspected } = threePublicEvidence(title, e.url, detail);
    const common = { year, title: e.title, url: e.url, published: e.date, dateSource: e.dateSource, listedOn: e.listedOn, threePublic, inspected };
    if (/预算/.test(title)) budget.push({ type: 'budget', ...common });
    else if (/决算/.test(title)) budget.push({ type: 'final', ...common });
    else if (/三公/.test(title) && /预算|决算/.test(detailText(detail))) {
      budget.push({ type: /决算/.test(detailText(detail)) ? 'final' : 'budget', ...common });
    }
  }
  reports.sort((a, b) => b.year - a.year || Number(!!b.published) - Number(!!a.published));
  budget.sort((a, b) => b.year - a.year || a.type.localeCompare(b.type));
  return { annualReport: { reports, latest: reports[0] }, budget: { items: budget } };
}
