/**
 * Page extraction: parse once with htmlparser2, walk once, drop the DOM, return plain data. Nothing here keeps a
 * reference to the parsed document (the htmlparser2 document of a 50 KB page is ~600 KB of heap).
 */
import type { ExtractedList, Link } from '../snapshot.js';
import { collapse, own, parseHtml } from './dom.js';
import { findDate } from './dates.js';
import { datastoreList } from './hanweb.js';
import { markupLists } from './lists.js';
import { trsPaging, inlineJsItems } from './trs.js';
import { gkmlptCategories, gkmlptSid } from './gkmlpt.js';
import { scriptArrayItems, scriptDataUrls } from './script-data.js';
import { walkDocument, type Controls, type RawLink, type RawRow } from './walk.js';
import { normalizeUrl } from '../frontier/normalize.js';

export interface PageExtract {
  title?: string;
  meta: Record<string, string>;
  pageInfo?: Record<string, string>;
  headings: { level: number; text: string }[];
  links: Link[];
  lists: ExtractedList[];
  breadcrumb?: string[];
  textLength: number;
  saysEmpty: boolean;
  /** The page text says "not found" (页面不存在, 404 …); the crawler combines this with the random-path probe. */
  saysNotFound: boolean;
  mainText?: string;
  /** Label → cell value pairs of an article page (see `FetchedPage.fields`). */
  fields?: Record<string, string>;
  /** Target of `<meta http-equiv=refresh>` or an inline `location.href = …` redirect. */
  redirectTo?: string;
  /** Looks like a single article (meta ArticleTitle/PubDate, article URL pattern, main text without lists). */
  isArticle: boolean;
  /** Publication date of an article page and where it was read. */
  pubDate?: { date: string; source: 'detail-meta' | 'detail-text' };
  /** gkmlpt site id when the page embeds the gkmlpt front end. */
  gkmlptSid?: string;
  /** The words that say the list has nothing (暂无信息, 没有记录 …), wherever lists were found or not. */
  emptyMarker?: string;
  /** A list container on the page holds nothing at all. */
  emptyList?: boolean;
  /** The page's purpose is input: a submission form (写信, 留言, 提交) or a login gate in front of a mailbox system. */
  interactive?: 'form' | 'login';
  /** Scripts on the page may load or write list data in the browser. */
  scriptData?: boolean;
  /** URLs of list data (JSON, HTML fragments) that inline scripts load; the crawl fetches them as list pages. */
  dataUrls?: string[];
  /**
   * Which of `WATCHED_TERMS` an article's whole text contains. `mainText` is capped; a 决算 document's 三公经费
   * section often comes after the cap.
   */
  mentions?: string[];
}

/** Terms looked up in an article's full text: the 三公经费 items a 部门决算 must explain (财预〔2016〕143号). */
export const WATCHED_TERMS = ['三公', '因公出国', '公务接待', '公务用车'] as const;

export interface ExtractOptions {
  /** Reference date for MM-DD year inference. */
  now?: Date;
  /** Cap for `mainText` in characters; default 100,000 (the crawl passes its own, smaller default). */
  maxMainText?: number;
}

const EMPTY_TEXT = /暂无信息|暂无数据|暂无内容|暂无记录|暂无相关信息|暂无相关内容|暂无文章|暂无公开信息|没有相关信息|没有找到相关|没有记录|没有数据|没有信息|无相关信息|无记录|信息正在更新中?|本栏目暂无|共\s*0\s*条/;
/** Submit labels of a page whose purpose is input: writing a letter, leaving a message, asking, applying. */
const SUBMIT_LABEL = /提交|留言|写信|来信|咨询|投诉|提问|申请|发送|发表|建言|举报/;
const LOGIN_TEXT = /请先?登录|用户登录|登录后|统一身份认证|账号登录|扫码登录/;
/** Inline code that loads or writes list data in the browser (what the crawler may not have followed). */
const DATA_SCRIPT = /XMLHttpRequest|\bfetch\s*\(|\$\.(?:ajax|get|post|getJSON)\b|\.load\s*\(\s*['"]|axios|jsonp|document\.write|new\s+Vue|createApp\s*\(|\.jpage\s*\(/;
const DATA_SCRIPT_SRC = /list|data|column|lanmu|lm|xxgk|api|ajax|page|render|vue|react|angular/i;
const NOT_FOUND_TEXT = /页面不存在|您访问的页面不存在|页面已删除|页面已被删除|找不到(?:该|您要访问的)?页面|页面未找到|页面找不到|网页不存在|404\s*not\s*found|not\s*found|错误\s*404|404\s*错误|\b404\b|访问的页面不存在|内容已删除|信息已删除|文章不存在/i;
const INFO_LABELS = [
  '发布日期', '发布时间', '成文日期', '生成日期', '印发日期', '来源', '信息来源', '发布机构', '发文机关', '发文字号', '文号', '索引号',
  '主题分类', '公开方式', '公开范围', '作者', '责任编辑', '有效性', '生效日期', '废止日期',
];
const LABEL_ALT = INFO_LABELS.map((l) => l.split('').join('\\s*')).join('|');
const INFO_RE = new RegExp(`(${LABEL_ALT})\\s*[:：]\\s*([^\\s:：]{1,60}(?:\\s\\d{1,2}:\\d{2}(?::\\d{2})?)?)`, 'g');
const ARTICLE_URL = /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/|[/_]t\d{8}_\d+|\/content\/|\/post_\d+|\/(?:art|detail|content|show|view)[_-]?\w*\.(?:s?html?|jsp)/i;
const PAGER_TEXT = /^(?:下一页|下页|后页|尾页|末页|最后一页|next|last|>|>>|»|›|\d{1,4})$/i;
const PAGER_URL = /(?:index|list|default|[a-z]+)_\d+\.s?html?$|[?&](?:page|pageno|pagenum|pageindex|currpage|curpage|pn|p)=\d+/i;
const MAX_LINKS = 3000;
const MAX_FIELDS = 200;
const MAX_FIELD_VALUE = 300;
/** Characters of labels and values per page: record pages need a few hundred, data tables would take any amount. */
const MAX_FIELD_CHARS = 10_000;
const MAX_LABEL = 30;
/** Cells that are numbers, dates or punctuation are values, never labels (序号 columns, data tables). */
const NOT_LABEL = /^[\d\s.,，、:：%％/\\()（）\-—~～年月日时分秒]*$/;

function cleanLabel(l: string): string {
  return l.replace(/\s+/g, '');
}

function pageInfoOf(text: string, rows: RawRow[]): Record<string, string> | undefined {
  const info: Record<string, string> = {};
  for (const m of text.matchAll(INFO_RE)) {
    const label = cleanLabel(m[1]);
    if (!(label in info)) info[label] = own(m[2].trim());
  }
  // Disclosure-catalogue detail pages put the block in a table: <td>发布日期</td><td>2026-02-14</td>.
  for (const { cells } of rows) {
    for (let i = 0; i + 1 < cells.length; i++) {
      const label = cleanLabel(cells[i]).replace(/[:：]$/, '');
      if (INFO_LABELS.includes(label) && cells[i + 1] && !(label in info)) info[label] = own(cells[i + 1].slice(0, 120));
    }
  }
  return Object.keys(info).length ? info : undefined;
}

/**
 * Label/value pairs read cell by cell. Which cells pair up: <th> with the <td> after it; otherwise a row of two
 * cells, or of four read as label, value, label, value. Rows of <th> only are headers; other widths are data tables.
 */
function fieldsOf(rows: RawRow[], terms: [string, string][]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let count = 0;
  let chars = 0;
  const put = (label: string, value: string) => {
    if (count >= MAX_FIELDS || chars >= MAX_FIELD_CHARS) return;
    const key = cleanLabel(label).replace(/[:：]+$/, '');
    if (!key || key.length > MAX_LABEL || NOT_LABEL.test(key) || key === '__proto__' || Object.hasOwn(out, key)) return;
    const v = value.slice(0, MAX_FIELD_VALUE);
    out[own(key)] = own(v);
    count++;
    chars += key.length + v.length;
  };
  for (const row of rows) {
    if (row.area === 'nav' || row.area === 'footer' || row.area === 'breadcrumb') continue;
    const { cells, th } = row;
    const heads = th.filter(Boolean).length;
    if (heads === cells.length) continue;
    if (heads > 0) {
      for (let i = 0; i + 1 < cells.length; i++) {
        if (th[i] && !th[i + 1]) put(cells[i], cells[++i]);
      }
    } else if (cells.length === 2 || cells.length === 4) {
      for (let i = 0; i + 1 < cells.length; i += 2) put(cells[i], cells[i + 1]);
    }
  }
  for (const [label, value] of terms) put(label, value);
  return count ? out : undefined;
}

function refreshTarget(meta: Record<string, string>, scripts: string, base: string): string | undefined {
  for (const [k, v] of Object.entries(meta)) {
    if (k.toLowerCase() !== 'refresh') continue;
    const m = /url\s*=\s*['"]?([^'"\s;]+)/i.exec(v);
    if (m) return normalizeUrl(m[1], base);
  }
  const js = /(?:window\.|top\.|self\.|document\.)?location(?:\.href)?\s*=\s*['"]([^'"]+)['"]|location\.(?:replace|assign)\(\s*['"]([^'"]+)['"]\s*\)/.exec(scripts);
  if (js) return normalizeUrl(js[1] ?? js[2], base);
  return undefined;
}

function pagerLinks(links: RawLink[], pageUrl: string): string[] {
  const next: string[] = [];
  const numbered: { n: number; url: string }[] = [];
  const last: string[] = [];
  for (const l of links) {
    if (l.area === 'nav' || l.area === 'footer' || l.url === pageUrl) continue;
    const text = l.text.replace(/\s+/g, '');
    if (!PAGER_TEXT.test(text) || !PAGER_URL.test(l.url)) continue;
    if (/^\d+$/.test(text)) numbered.push({ n: Number(text), url: l.url });
    else if (/^(?:尾页|末页|最后一页|last|»|>>)$/i.test(text)) last.push(l.url);
    else next.push(l.url);
  }
  numbered.sort((a, b) => a.n - b.n);
  const all = [...next, ...numbered.map((x) => x.url), ...last];
  return [...new Set(all)];
}

/**
 * A login gate (a password field) or a submission form: a textarea, or several fields with a 提交 / 写信 / 留言
 * button. A site search box (one field, 搜索) is neither.
 */
function interactiveKind(c: Controls, text: string): 'form' | 'login' | undefined {
  if (c.passwords > 0 && (LOGIN_TEXT.test(text) || c.textInputs > 0)) return 'login';
  const submits = c.submitLabels.some((l) => SUBMIT_LABEL.test(l));
  if (c.textareas > 0 && (submits || c.forms > 0)) return 'form';
  if (submits && c.textInputs >= 2) return 'form';
  return undefined;
}

export function extractPage(html: string, url: string, options: ExtractOptions = {}): PageExtract {
  const buildOpts = { now: options.now };
  const w = walkDocument(parseHtml(html), { baseUrl: url });
  const scripts = w.scripts.join('\n');
  const declaresPaging = /createPageHTML|countPage/.test(scripts);
  const lists = markupLists(w.items, { ...buildOpts, relaxed: declaresPaging, firstRows: w.firstRows });

  for (const ds of w.datastores) {
    lists.push(datastoreList(ds.xml, url, scripts, ds.unitId, buildOpts));
  }
  const jsItems = scripts.includes('document.write') ? inlineJsItems(scripts, url) : [];
  if (jsItems.length) lists.push({ source: 'inline-js', items: jsItems });
  const arrayItems = scriptArrayItems(scripts, url);
  if (arrayItems.length) lists.push({ source: 'script-array', items: arrayItems });

  // Pagination belongs to the page's main list: the largest one that is not a CMS datastore.
  const main = lists
    .filter((l) => l.source === 'markup' || l.source === 'inline-js')
    .sort((a, b) => b.items.length - a.items.length)[0];
  const paging = declaresPaging ? trsPaging(scripts, url) : undefined;
  if (paging) {
    if (main) {
      if (main.source === 'markup') main.source = 'trs';
      main.pages = paging.pages;
      main.nextPages = paging.nextPages;
      if (paging.total !== undefined) main.total = paging.total;
    } else {
      const l: ExtractedList = { source: 'trs', items: [], pages: paging.pages, nextPages: paging.nextPages };
      if (paging.total !== undefined) l.total = paging.total;
      lists.push(l);
    }
  } else if (main && !main.nextPages) {
    const pager = pagerLinks(w.links, url);
    if (pager.length) main.nextPages = pager;
  }

  const links: Link[] = [];
  const seen = new Set<string>();
  for (const l of w.links) {
    const key = `${l.url}\u0000${l.area}\u0000${l.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ url: l.url, text: l.text, area: l.area });
    if (links.length >= MAX_LINKS) break;
  }

  const bodyText = collapse(w.bodyText.join(' '));
  const mainRaw = w.hasMain ? collapse(w.mainText.join(' ')) : '';
  const itemCount = lists.reduce((s, l) => s + l.items.length, 0);
  const meta = w.meta;
  const headText = `${w.title ?? ''} ${w.headings.map((h) => h.text).join(' ')}`;
  const probeText = bodyText.slice(0, 3000);
  const saysNotFound =
    NOT_FOUND_TEXT.test(headText) || (bodyText.length < 3000 && itemCount === 0 && NOT_FOUND_TEXT.test(probeText));
  const emptyMarker = EMPTY_TEXT.exec(mainRaw || bodyText)?.[0];
  const saysEmpty = itemCount === 0 && !!emptyMarker;
  const pageInfo = pageInfoOf(bodyText.slice(0, 20_000), w.rows);

  const isArticle =
    'ArticleTitle' in meta || 'PubDate' in meta || ARTICLE_URL.test(url) || (w.hasMain && itemCount < 3 && mainRaw.length > 200);

  const out: PageExtract = {
    meta,
    headings: w.headings,
    links,
    lists,
    textLength: bodyText.length,
    saysEmpty,
    saysNotFound,
    isArticle,
  };
  if (w.title !== undefined) out.title = w.title;
  if (emptyMarker) out.emptyMarker = emptyMarker;
  if (w.emptyLists > 0) out.emptyList = true;
  const interactive = interactiveKind(w.controls, bodyText);
  if (interactive) out.interactive = interactive;
  const dataUrls = scriptDataUrls(scripts, url).filter((u) => u !== url && !/\.(?:js|css|png|jpe?g|gif)(?:$|\?)/i.test(u));
  if (dataUrls.length) out.dataUrls = dataUrls;
  if (DATA_SCRIPT.test(scripts) || w.scriptSrcs.some((u) => DATA_SCRIPT_SRC.test(u.replace(/^.*\//, '')))) out.scriptData = true;
  if (pageInfo) out.pageInfo = pageInfo;
  if (w.breadcrumb.length) out.breadcrumb = w.breadcrumb;
  if (isArticle) {
    const cap = options.maxMainText ?? 100_000;
    out.mainText = own((mainRaw || bodyText).slice(0, cap));
    const fields = fieldsOf(w.rows, w.terms);
    if (fields) out.fields = fields;
    const full = `${mainRaw} ${bodyText}`;
    const mentions = WATCHED_TERMS.filter((t) => full.includes(t));
    if (mentions.length) out.mentions = mentions;
  }
  const redirect = refreshTarget(meta, scripts, url);
  if (redirect && redirect !== url) out.redirectTo = redirect;
  const metaDate = meta.PubDate ?? meta.pubdate ?? meta.publishdate ?? meta['article:published_time'];
  const md = metaDate ? findDate(metaDate, { allowCompact: true }) : undefined;
  if (md) out.pubDate = { date: md.date, source: 'detail-meta' };
  else {
    const label = pageInfo?.['发布日期'] ?? pageInfo?.['发布时间'];
    const td = label ? findDate(label, { allowCompact: true }) : undefined;
    if (td) out.pubDate = { date: td.date, source: 'detail-text' };
  }
  if (/gkmlpt/i.test(url) || /gkmlpt/i.test(scripts.slice(0, 50_000))) {
    const sid = gkmlptSid(scripts);
    if (sid) out.gkmlptSid = sid;
    const have = new Set(links.map((l) => l.url));
    for (const c of gkmlptCategories(scripts, url)) if (!have.has(c.url)) links.push({ url: c.url, text: c.text, area: 'nav' });
  }
  return out;
}
