/**
 * One pass over the parsed document collecting everything extraction needs: links with their page area, headings,
 * text per area, candidate list items, inline scripts, table rows (the 发布日期 block, label/value fields, the cells
 * of list rows) and <dt>/<dd> pairs. A single recursive walk keeps extraction near the cost of parsing itself
 * (selector queries per link would multiply it).
 */
import { classTokens, collapse, own, type DomNode } from './dom.js';
import { normalizeUrl } from '../frontier/normalize.js';

export type Area = 'nav' | 'breadcrumb' | 'list' | 'body' | 'footer';

export interface RawLink {
  url: string;
  text: string;
  title?: string;
  area: Area;
  item?: RawItem;
  /** The table row and the index of the cell the link sits in, when it is directly in a row's cell. */
  row?: RawRow;
  cell?: number;
}

/** One <tr>: the text of each of its own cells (nested tables have their own rows), in order. */
export interface RawRow {
  cells: string[];
  /** Per cell: whether it is a <th>. */
  th: boolean[];
  area: Area;
  /** The row is inside <thead>. */
  inHead: boolean;
  /** Links directly in the row's cells. */
  links: number;
}

export interface RawItem {
  node: DomNode;
  parent: DomNode;
  tag: string;
  area: Area;
  links: RawLink[];
  /** Text outside links (dates usually live here). */
  outside: string[];
  /** Text of inline elements inside links (some templates put the date span inside the <a>). */
  inLinkInline: string[];
  /** Text of elements marked as dates by class (date, time, rq, sj). */
  marked: string[];
  /** The item's table row: its own <tr>, or the first row inside a record wrapper (see `recordRows`). */
  row?: RawRow;
}

export interface DatastoreBlock {
  xml: string;
  /** id of the element wrapping the datastore script (Hanweb unit id). */
  unitId?: string;
}

export interface WalkResult {
  title?: string;
  meta: Record<string, string>;
  links: RawLink[];
  headings: { level: number; text: string }[];
  items: RawItem[];
  bodyText: string[];
  mainText: string[];
  hasMain: boolean;
  breadcrumb: string[];
  scripts: string[];
  datastores: DatastoreBlock[];
  /** Rows of 2–12 cells, nested ones included, at most `MAX_ROWS`. */
  rows: RawRow[];
  /** <dt> text and the text of the <dd> that follows it in the same list, outside navigation and footer. */
  terms: [string, string][];
  /**
   * The first row of at least two cells of each row container (the key `rowContainer` gives), for list headers.
   * Holds DOM nodes as keys: drop it with the walk result.
   */
  firstRows: Map<DomNode, RawRow>;
  /** What the page offers for input: tells a submission form or a login gate from an empty column. */
  controls: Controls;
  /** List containers (`class="list"`, `id="newsList"` …) outside navigation that hold no link and no text. */
  emptyLists: number;
  /** `src` of external scripts (a list can be rendered by one). */
  scriptSrcs: string[];
}

export interface Controls {
  forms: number;
  textareas: number;
  passwords: number;
  /** Text-like <input>s (text, email, tel, number, date, none given). */
  textInputs: number;
  /** Labels of submit controls: <button> text, <input type=submit|button> value. */
  submitLabels: string[];
}

export interface WalkOptions {
  baseUrl: string;
  /** Tags that start a list item. */
  itemTags?: ReadonlySet<string>;
  /** Items that are not rows themselves take the first table row inside them (Hanweb records are one <tr> each). */
  recordRows?: boolean;
}

const DEFAULT_ITEM_TAGS = new Set(['li', 'tr', 'dd', 'p', 'dt']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const INLINE = new Set(['span', 'em', 'i', 'font', 'small', 'time', 'b', 'strong', 'label']);
const NAV_TOKEN = /^(?:nav|menu|header|head|top|topbar|daohang|dh|navigation)(?:$|[-_]?(?:bar|box|list|wrap|main|top|con|nr|\d+)$)|^(?:main|top|sub|site)[-_]?(?:nav|menu)/i;
const CRUMB_TOKEN = /crumb|position|location|weizhi|dqwz|curpos|current[-_]?pos|^path$|^lujing$|^where$/i;
const FOOT_TOKEN = /^(?:foot|footer|bottom|copyright|copy|banquan|bq)(?:$|[-_]?\w{0,8}$)/i;
const MAIN_TOKEN = /^(?:trs_editor|trs_ueditor|trs_editor_view|article|article[-_]?content|article[-_]?con|content|zoom|detail|detail[-_]?content|news[-_]?content|pages[-_]?content|main[-_]?content|text|view|custom_unionstyle|wzcon|nr|con|conTxt|bt_content|zw|zhengwen)$/i;
const DATE_CLASS = /^(?:date|time|rq|sj|riqi|pubdate|publish[-_]?time|fbsj|fbrq)$/i;
const CRUMB_TEXT = /当前位置|您的位置|您现在的位置|所在位置|现在位置/;
/** Class/id tokens of list containers; pagers (`page-list`, `fenye`) are not lists. */
const LIST_TOKEN = /list|^lb$|^liebiao|^xxlb/i;
const PAGER_TOKEN = /page|pag|fenye|^fy/i;
const TEXT_INPUT = /^(?:text|email|tel|number|date|search|)$/;
const MAX_DEPTH = 400;
const MAX_ROWS = 400;
const MAX_TERMS = 200;
const NO_TOKENS: string[] = [];
/** Elements whose end separates words inside a cell (`<td>2026-01-01<br>10:00</td>`, `<p>` runs). */
const CELL_BREAK = new Set(['br', 'p', 'div', 'li', 'tr', 'dd', 'dt']);

/**
 * The node rows of one table are grouped under: the <table> (also for rows in <thead>/<tbody>), else the row's
 * grandparent. List grouping and list headers must agree on it.
 */
export function rowContainer(tr: DomNode): DomNode | undefined {
  const parent = tr.parent;
  if (!parent) return undefined;
  return parent.name === 'table' ? parent : parent.parent ?? parent;
}

// Navigation and footer links repeat on every page of a site; resolving them once saves most URL parsing.
const urlCache = new Map<string, string | null>();
function resolveHref(href: string, base: string, origin: string): string | undefined {
  const key = href.charCodeAt(0) === 47 && href.charCodeAt(1) !== 47 ? origin + href : `${base}\u0000${href}`;
  const hit = urlCache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const url = normalizeUrl(href, base);
  if (urlCache.size >= 20_000) urlCache.clear();
  // The key must not pin the page: `href` is a substring of the whole HTML source.
  urlCache.set(own(key), url ?? null);
  return url;
}
const MAX_SCRIPT_CHARS = 400_000;

interface Frame {
  el: DomNode | null;
  up: Frame | null;
  area: Area;
  inLink: RawLink | null;
  linkText: string[] | null;
  item: RawItem | null;
  inMain: boolean;
  inDateMark: boolean;
  inInline: boolean;
  heading: string[] | null;
  row: RawRow | null;
  cell: string[] | null;
  /** Text of the enclosing <dt> or <dd>. */
  term: string[] | null;
  /** The nearest list container: counts what is inside it. */
  box: { links: number; text: number } | null;
  /** Text of the enclosing <button>. */
  button: string[] | null;
}

const anyToken = (tokens: string[], re: RegExp) => {
  for (const t of tokens) if (re.test(t)) return true;
  return false;
};

function elementArea(name: string, id: string, tokens: string[], inherited: Area): Area {
  if (inherited === 'breadcrumb') return inherited;
  if (id === '' && tokens.length === 0) {
    if (inherited === 'nav' || inherited === 'footer') return inherited;
    if (name === 'footer') return 'footer';
    if (name === 'nav' || name === 'header') return 'nav';
    return inherited;
  }
  if (anyToken(tokens, CRUMB_TOKEN) || CRUMB_TOKEN.test(id)) return 'breadcrumb';
  if (inherited === 'nav' || inherited === 'footer') return inherited;
  if (name === 'footer' || anyToken(tokens, FOOT_TOKEN) || FOOT_TOKEN.test(id)) return 'footer';
  if (name === 'nav' || name === 'header' || anyToken(tokens, NAV_TOKEN) || NAV_TOKEN.test(id)) return 'nav';
  return inherited;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function walkDocument(root: DomNode, options: WalkOptions): WalkResult {
  const itemTags = options.itemTags ?? DEFAULT_ITEM_TAGS;
  const res: WalkResult = {
    meta: {}, links: [], headings: [], items: [], bodyText: [], mainText: [], hasMain: false, breadcrumb: [],
    scripts: [], datastores: [], rows: [], terms: [], firstRows: new Map(),
    controls: { forms: 0, textareas: 0, passwords: 0, textInputs: 0, submitLabels: [] }, emptyLists: 0, scriptSrcs: [],
  };
  let base = options.baseUrl;
  let origin = originOf(base);
  let scriptChars = 0;
  let titleParts: string[] | null = null;
  let crumbDone = false;
  let crumbOpen: DomNode | null = null;
  let pendingTerm: { dl: DomNode | null | undefined; label: string; area: Area } | null = null;

  const visit = (node: DomNode, f: Frame, depth: number): void => {
    if (node.type === 'text') {
      const raw = node.data ?? '';
      if (titleParts) {
        titleParts.push(raw);
        return;
      }
      if (!/\S/.test(raw)) {
        // Kept as a separator only where a value is read cell by cell.
        if (f.cell) f.cell.push(' ');
        if (f.term) f.term.push(' ');
        return;
      }
      if (f.linkText) f.linkText.push(raw);
      if (f.heading) f.heading.push(raw);
      if (f.box) f.box.text += raw.trim().length;
      if (f.button) f.button.push(raw);
      if (f.cell) f.cell.push(raw);
      if (f.term) f.term.push(raw);
      if (f.item) {
        if (f.inDateMark) f.item.marked.push(raw);
        if (!f.inLink) f.item.outside.push(raw);
        else if (f.inInline) f.item.inLinkInline.push(raw);
      }
      if ((f.area === 'body' || f.area === 'list') && !crumbDone && !crumbOpen && raw.length < 60 && CRUMB_TEXT.test(raw)) {
        // A 当前位置 label turns the rest of its container into the breadcrumb.
        f.area = 'breadcrumb';
        if (f.el && INLINE.has(f.el.name ?? '') && f.up && f.up.el) {
          f.up.area = 'breadcrumb';
          crumbOpen = f.up.el;
        } else {
          crumbOpen = f.el;
        }
      }
      if (f.area === 'body' || f.area === 'list') {
        res.bodyText.push(raw);
      } else if (f.area === 'breadcrumb' && !f.inLink && !crumbDone) {
        const t = collapse(raw.replace(/(?:当前位置|您的位置|您现在的位置|所在位置|现在位置)\s*[:：]?/, '').replace(/^[>»›\/\-\s]+|[>»›\/\-\s]+$/g, ''));
        if (t && !/^[>»›\/\-|]+$/.test(t)) res.breadcrumb.push(t);
      }
      if (f.inMain) res.mainText.push(raw);
      return;
    }
    if (node.type === 'script') {
      const src = node.attribs?.src;
      const body = (node.children ?? []).map((c) => c.data ?? '').join('');
      const type = node.attribs?.type ?? '';
      if (/xml/i.test(type) || body.includes('<datastore')) {
        res.datastores.push({ xml: body, unitId: node.parent?.attribs?.id });
      } else if (!src && body && scriptChars < MAX_SCRIPT_CHARS) {
        res.scripts.push(body);
        scriptChars += body.length;
      } else if (src && res.scriptSrcs.length < 50) {
        res.scriptSrcs.push(own(src));
      }
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    if (depth > MAX_DEPTH) return;
    const name = node.name ?? '';
    if (name === 'style' || name === 'template' || name === 'svg' || name === 'select' || name === 'option') return;
    if (name === 'head' || name === 'html' || name === 'body' || node.type === 'root') {
      for (const c of node.children ?? []) visit(c, f, depth + 1);
      return;
    }
    const attribs = node.attribs ?? {};
    if (name === 'title') {
      if (res.title === undefined) {
        titleParts = [];
        for (const c of node.children ?? []) visit(c, f, depth + 1);
        res.title = collapse(titleParts.join(''));
        titleParts = null;
      }
      return;
    }
    if (name === 'meta') {
      const key = attribs.name ?? attribs['http-equiv'] ?? attribs.property;
      const content = attribs.content;
      if (key && content !== undefined && !(key in res.meta)) res.meta[key] = collapse(content);
      return;
    }
    if (name === 'base' && attribs.href) {
      base = normalizeUrl(attribs.href, base) ?? base;
      origin = originOf(base);
      return;
    }
    const id = attribs.id ?? '';
    const tokens = attribs.class ? classTokens(node) : NO_TOKENS;
    const plain = id === '' && tokens.length === 0;
    const area = elementArea(name, id, tokens, f.area);
    const child: Frame = {
      el: node, up: f, area, inLink: f.inLink, linkText: f.linkText, item: f.item, inMain: f.inMain,
      inDateMark: f.inDateMark, inInline: f.inInline || INLINE.has(name), heading: f.heading, row: f.row, cell: f.cell,
      term: f.term, box: f.box, button: f.button,
    };
    // Header login boxes and footer search forms are on every page; only the page's own controls say what it is for.
    if (area !== 'nav' && area !== 'footer') noteControl(name, attribs, child, res.controls);
    const isBox = !plain && area !== 'nav' && area !== 'footer' && isListBox(id, tokens);
    if (isBox) child.box = { links: 0, text: 0 };
    if (area === 'breadcrumb' && f.area !== 'breadcrumb' && !crumbDone && !crumbOpen) crumbOpen = node;
    if (!plain && !f.inMain && area !== 'nav' && area !== 'footer' && !res.hasMain) {
      if (anyToken(tokens, MAIN_TOKEN) || MAIN_TOKEN.test(id)) {
        child.inMain = true;
        res.hasMain = true;
      }
    }
    if (name.length === 2 && name in HEADINGS) child.heading = [];
    if (!f.inDateMark && (name === 'time' || (tokens.length > 0 && anyToken(tokens, DATE_CLASS)))) child.inDateMark = true;
    if (name === 'tr') {
      child.row = { cells: [], th: [], area, inHead: node.parent?.name === 'thead', links: 0 };
      child.cell = null;
    }
    if ((name === 'td' || name === 'th') && f.row) child.cell = [];
    if (name === 'dt' || name === 'dd') child.term = [];
    if (itemTags.has(name) && area !== 'nav' && area !== 'footer' && area !== 'breadcrumb' && node.parent) {
      child.item = {
        node, parent: node.parent, tag: name, area, links: [], outside: [], inLinkInline: [], marked: [],
      };
      child.inDateMark = false;
    }
    let link: RawLink | null = null;
    if ((name === 'a' || name === 'area') && attribs.href !== undefined && !f.inLink) {
      const url = resolveHref(attribs.href, base, origin);
      if (url) {
        link = { url, text: '', title: attribs.title ? collapse(attribs.title) : undefined, area, item: child.item ?? undefined };
        if (f.row && f.cell) {
          link.row = f.row;
          link.cell = f.row.cells.length;
          f.row.links++;
        }
        child.inLink = link;
        child.linkText = [];
      }
    }
    if (name === 'img' && f.linkText && attribs.alt) f.linkText.push(attribs.alt);
    for (const c of node.children ?? []) visit(c, child, depth + 1);
    if (isBox && child.box) {
      if (child.box.links === 0 && child.box.text === 0) res.emptyLists++;
      if (f.box) {
        f.box.links += child.box.links;
        f.box.text += child.box.text;
      }
    }
    if (name === 'button' && child.button) {
      const label = collapse(child.button.join(''));
      if (label) res.controls.submitLabels.push(own(label.slice(0, 20)));
    }
    if (link) {
      if (f.box) f.box.links++;
      link.text = collapse((child.linkText ?? []).join(''));
      if (!link.text && link.title) link.text = link.title;
      res.links.push(link);
      if (child.item) child.item.links.push(link);
      if (f.linkText) f.linkText.push(link.text);
      if (area === 'breadcrumb' && !crumbDone && link.text) res.breadcrumb.push(link.text);
    }
    if (child.heading && !f.heading) {
      const text = collapse(child.heading.join(''));
      if (text) res.headings.push({ level: HEADINGS[name], text });
    }
    if (f.cell && CELL_BREAK.has(name)) f.cell.push(' ');
    if (f.term && CELL_BREAK.has(name)) f.term.push(' ');
    if (child.cell && f.row && child.cell !== f.cell) {
      f.row.cells.push(collapse(child.cell.join('')));
      f.row.th.push(name === 'th');
    }
    if (child.row && child.row !== f.row) closeRow(node, child.row, child.item);
    if (child.term && child.term !== f.term) closeTerm(node, name, collapse(child.term.join('')), area);
    if (child.item && child.item !== f.item && child.item.links.length > 0) res.items.push(child.item);
    if (crumbOpen === node) {
      crumbDone = true;
      crumbOpen = null;
    }
  };

  const closeRow = (node: DomNode, row: RawRow, item: RawItem | null) => {
    const n = row.cells.length;
    if (n >= 2 && n <= 12 && res.rows.length < MAX_ROWS) res.rows.push(row);
    if (item && !item.row && (item.node === node || (options.recordRows && item.tag !== 'tr'))) item.row = row;
    if (n >= 2) {
      const key = rowContainer(node);
      if (key && !res.firstRows.has(key)) res.firstRows.set(key, row);
    }
  };

  const closeTerm = (node: DomNode, name: string, text: string, area: Area) => {
    if (name === 'dt') {
      pendingTerm = { dl: node.parent, label: text, area };
      return;
    }
    // A <dd> pairs with the <dt> just before it in the same <dl>; further <dd>s of that term are not fields.
    const t = pendingTerm;
    pendingTerm = null;
    if (!t || t.dl !== node.parent || !t.label || res.terms.length >= MAX_TERMS) return;
    if (t.area === 'nav' || t.area === 'footer' || area === 'nav' || area === 'footer') return;
    res.terms.push([t.label, text]);
  };

  const top: Frame = {
    el: null, up: null, area: 'body', inLink: null, linkText: null, item: null, inMain: false, inDateMark: false,
    inInline: false, heading: null, row: null, cell: null, term: null, box: null, button: null,
  };
  visit(root, top, 0);
  return res;
}

function isListBox(id: string, tokens: string[]): boolean {
  const hit = (t: string) => LIST_TOKEN.test(t) && !PAGER_TOKEN.test(t);
  return hit(id) || tokens.some(hit);
}

/** Form controls, counted so the page can be told apart: a 写信 form or a login gate is a channel, not a column. */
function noteControl(name: string, attribs: Record<string, string>, child: Frame, c: Controls): void {
  if (name === 'form') c.forms++;
  else if (name === 'textarea') c.textareas++;
  else if (name === 'button') child.button = [];
  else if (name === 'input') {
    const type = (attribs.type ?? '').toLowerCase();
    if (type === 'password') c.passwords++;
    else if (TEXT_INPUT.test(type)) c.textInputs++;
    else if (/^(?:submit|button|image)$/.test(type)) {
      const label = collapse(attribs.value ?? attribs.alt ?? '');
      if (label) c.submitLabels.push(own(label.slice(0, 20)));
    }
  }
}
