/**
 * 政务咨询 channels (领导信箱, 咨询投诉, 网上咨询 …) and their letters, for the 2019 检查指标 veto 互动回应差: a
 * channel must exist, and letters of the past year must be answered within 3 months. Sites list letters as a table
 * (标题 | 留言时间 | 回复时间 | 状态) whose rows reach the snapshot as list items with their other cells and the
 * table's header, and show each letter on a detail page with 来信时间 … 回复时间 … 回复内容 fields. The detail page is
 * the evidence; when it was not fetched (crawl budget, depth), the row's columns stand in for it.
 */
import { findDate } from '../extract/dates.js';
import type { FetchedPage, ListItem } from '../snapshot.js';
import type { Candidate, MeasureContext } from './columns.js';
import { hasValue, labelKey, readPageFields } from './labeled-fields.js';
import { collectItems } from './lists.js';
import { ok } from './page-index.js';
import { urlKey, pageUrl } from './text.js';
import type { ColumnResult, ConsultationChannel, ConsultationMessage, InteractionResult } from './types.js';

/** The catalogue id of the 政务咨询 column. */
export const CONSULTATION_COLUMN = 'consultation';

const ASKED = ['留言时间', '留言日期', '来信时间', '来信日期', '写信时间', '写信日期', '提交时间', '提交日期', '咨询时间', '咨询日期', '投诉时间', '提问时间', '发信时间', '信件时间', '诉求时间'];
const ANSWERED = ['回复时间', '回复日期', '答复时间', '答复日期', '办结时间', '办结日期', '处理时间', '反馈时间', '回应时间', '解答时间'];
const STATUS = ['状态', '办理状态', '处理状态', '回复状态', '答复状态', '信件状态', '当前状态'];
const REPLY = ['回复内容', '答复内容', '回复意见', '答复意见', '处理结果', '办理结果', '处理意见', '办理意见', '领导回复', '部门回复', '回复', '答复'];
const OTHER = [
  '留言标题', '信件标题', '来信标题', '标题', '主题', '留言人', '来信人', '写信人', '咨询人', '姓名', '留言内容', '来信内容',
  '信件内容', '咨询内容', '诉求内容', '内容', '回复单位', '答复单位', '办理单位', '处理单位', '回复部门', '答复部门', '受理单位',
  '受理时间', '信件编号', '留言编号', '编号', '查询码', '信件类型', '留言类型', '类型', '发布日期', '发布时间', '来源',
  '浏览次数', '点击数', '满意度', '评价',
];
const VOCABULARY = [...ASKED, ...ANSWERED, ...STATUS, ...REPLY, ...OTHER];

// "未办结" contains "办结": the pending words are tried first.
const PENDING = /未回复|未答复|未办结|未处理|未反馈|待回复|待答复|待处理|待办理|办理中|处理中|受理中|正在办理|正在处理|尚未回复|暂未回复|暂无回复|未受理/;
const ANSWERED_STATUS = /已回复|已答复|已办结|已处理|已反馈|已回应|已解答|已办理|办结|已完成/;
const NO_REPLY_TEXT = /^(?:暂无|暂未|尚未|还未|未|待)(?:回复|答复|办理|处理|反馈)?/;

function dateIn(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = findDate(value.slice(0, 40), { allowCompact: true })?.date;
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined;
}

function firstPresent(fields: Map<string, string>, labels: readonly string[]): { key: string; value: string } | undefined {
  for (const l of labels) {
    const key = labelKey(l);
    if (fields.has(key)) return { key, value: fields.get(key)! };
  }
  return undefined;
}

function statusOf(text: string | undefined): 'answered' | 'pending' | undefined {
  if (!text) return undefined;
  if (PENDING.test(text)) return 'pending';
  if (ANSWERED_STATUS.test(text)) return 'answered';
  return undefined;
}

/** Status words a site puts in the title itself: "【已回复】关于…", "关于…（办理中）". */
function titleStatus(title: string): string | undefined {
  const m = /[【\[（(]([^】\]）)]{2,6})[】\]）)]/.exec(title.normalize('NFKC'));
  return m && statusOf(m[1]) ? m[1] : undefined;
}

/**
 * One letter from its list row and, when fetched, its detail page. `header` is the header of the list the row
 * came from (aligned with `item.cells`), so the row's 留言时间 / 回复时间 / 状态 columns can be read.
 */
export function readMessage(
  item: ListItem,
  detail: FetchedPage | undefined,
  channel: { url: string; name: string },
  header?: readonly string[],
): ConsultationMessage {
  const msg: ConsultationMessage = { title: item.title, channel: channel.url, channelName: channel.name, detail: false };
  if (item.url) msg.url = item.url;
  let statusText = titleStatus(item.title);
  if (detail && ok(detail) && detail.kind === 'html') {
    msg.detail = true;
    const fields = readPageFields(detail, VOCABULARY);
    const asked = dateIn(firstPresent(fields, ASKED)?.value);
    if (asked) {
      msg.asked = asked;
      msg.askedSource = 'detail';
    }
    const answeredField = firstPresent(fields, ANSWERED);
    const answered = dateIn(answeredField?.value);
    if (answered) {
      msg.answered = answered;
      msg.answeredSource = 'detail';
    }
    const status = firstPresent(fields, STATUS);
    if (status && statusOf(status.value.slice(0, 12))) statusText = status.value.trim().split(/\s+/)[0];
    const reply = firstPresent(fields, REPLY);
    if (!statusText) {
      if (answered) msg.status = 'answered';
      else if (reply && hasValue(reply.value) && !NO_REPLY_TEXT.test(reply.value.trim())) msg.status = 'answered';
      // A reply block that is there but empty is how most systems show a letter nobody has answered.
      else if (reply || answeredField) msg.status = 'pending';
    }
  } else {
    const shown = readRow(msg, item, header);
    if (shown) statusText = shown;
  }
  if (!msg.asked && item.date && item.dateSource !== 'url' && /^\d{4}-\d{2}-\d{2}$/.test(item.date)) {
    msg.asked = item.date;
    msg.askedSource = 'list';
  }
  if (statusText) {
    msg.statusText = statusText;
    msg.status = statusOf(statusText);
  }
  return msg;
}

/** The list row's cells by their header label (NFKC, trimmed), when the header lines up with the cells. */
function rowFields(item: ListItem, header: readonly string[] | undefined): Map<string, string> | undefined {
  const cells = item.cells;
  if (!cells || !header || header.length !== cells.length) return undefined;
  const out = new Map<string, string>();
  header.forEach((h, i) => {
    const key = labelKey(h);
    if (key && !out.has(key)) out.set(key, cells[i].normalize('NFKC').trim());
  });
  return out;
}

/** A cell holding only a status word: lists without a header still show 已回复 / 办理中 in a column of their own. */
function statusCell(cells: readonly string[] | undefined): string | undefined {
  for (const c of cells ?? []) {
    const t = c.normalize('NFKC').trim();
    if (t.length <= 6 && statusOf(t)) return t;
  }
  return undefined;
}

/** What the list row shows about a letter whose page was not read. */
function readRow(msg: ConsultationMessage, item: ListItem, header: readonly string[] | undefined): string | undefined {
  const row = rowFields(item, header);
  if (!row) return statusCell(item.cells);
  const asked = dateIn(firstPresent(row, ASKED)?.value);
  if (asked) {
    msg.asked = asked;
    msg.askedSource = 'list';
  }
  const answeredCol = firstPresent(row, ANSWERED);
  const answered = dateIn(answeredCol?.value);
  if (answered) {
    msg.answered = answered;
    msg.answeredSource = 'list';
  }
  const status = firstPresent(row, STATUS);
  if (status && statusOf(status.value)) return status.value.split(/\s+/)[0];
  if (answered) msg.status = 'answered';
  // A 回复时间 column left empty (or saying 未回复) is the list's way of showing a letter nobody has answered.
  else if (answeredCol && (!hasValue(answeredCol.value) || statusOf(answeredCol.value) === 'pending' || NO_REPLY_TEXT.test(answeredCol.value))) {
    msg.status = 'pending';
  }
  return undefined;
}

function channelName(c: Candidate, page: FetchedPage | undefined): string {
  return c.text ?? page?.meta.ColumnName ?? page?.breadcrumb?.at(-1) ?? page?.title ?? c.url;
}

/** Channels from every place the consultation column was found, and the letters listed on the fetched ones. */
export function analyzeInteraction(candidates: Candidate[], column: ColumnResult | undefined, ctx: MeasureContext): InteractionResult {
  const channels: ConsultationChannel[] = [];
  const messages: ConsultationMessage[] = [];
  const seenChannels = new Set<string>();
  const seenMessages = new Set<string>();
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank || a.url.localeCompare(b.url));
  for (const c of sorted) {
    // ColumnName on a page without a list is a letter's own page, not a channel.
    if (c.how === 'column-meta' && c.rank >= 5) continue;
    const page = c.page ?? ctx.index.get(c.url);
    const url = page ? pageUrl(page) : c.url;
    const key = urlKey(url);
    if (seenChannels.has(key)) continue;
    seenChannels.add(key);
    const channel: ConsultationChannel = { url, name: channelName(c, page), how: c.how, reachable: page ? ok(page) : null, messages: 0 };
    channels.push(channel);
    if (!page || !ok(page) || page.kind !== 'html') continue;
    const { items, headers } = collectItems(page, ctx.index, ctx.filter);
    for (const item of items) {
      const k = item.url ? urlKey(item.url) : `${key}#${item.title}`;
      channel.messages++;
      if (seenMessages.has(k)) continue;
      seenMessages.add(k);
      messages.push(readMessage(item, ctx.index.get(item.url), channel, headers.get(item)));
    }
  }
  return { required: column?.required ?? false, channels, messages };
}
