/**
 * Word's automatic numbering. A heading numbered by a list ("一、" drawn from numbering.xml) has no "一、" in its
 * text, and mammoth drops the number, so the model would see "总体情况". This pass computes every numbered
 * paragraph's label the way Word counts (per abstract list, a level restarting when a higher level advances,
 * `startOverride` restarting an instance) and writes the label into `document.xml` as a leading text run, so
 * mammoth reads "一、总体情况" and block order, paragraph numbers and offsets need no separate alignment.
 */
import { attr, child, childVal, decodeEntities, kids, parseTree, scanTags, type XmlElement } from './docx-numbering-xml.js';
import { formatCounter } from './docx-numbering-format.js';

export interface ListLevel {
  start: number;
  fmt: string;
  /** `w:numFmt/@w:format` of a `custom` format. */
  format?: string;
  text?: string;
  /** `w:lvlRestart`: 0 never restarts; n restarts after a level ≤ n (1-based) is used. */
  restart?: number;
  isLgl: boolean;
  suff: string;
  pStyle?: string;
}

interface AbstractList {
  levels: Map<number, ListLevel>;
  numStyleLink?: string;
}

interface ListInstance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, ListLevel>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractList>;
  nums: Map<string, ListInstance>;
}

interface StyleNumbering {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface StyleTable {
  styles: Map<string, StyleNumbering>;
  defaultParagraph?: string;
}

const int = (s: string | undefined): number | undefined => {
  if (s === undefined || !/^\s*-?\d+\s*$/.test(s)) return undefined;
  return Number(s);
};

const on = (el: XmlElement | undefined): boolean => {
  if (!el) return false;
  const v = attr(el.attrText, 'val');
  return v === undefined || !/^(0|false|off)$/i.test(v);
};

function readLevel(el: XmlElement): ListLevel {
  const numFmt = child(el, 'numFmt');
  const level: ListLevel = {
    // ECMA-376 §17.9.25: an omitted w:start means 0.
    start: int(childVal(el, 'start')) ?? 0,
    fmt: (numFmt && attr(numFmt.attrText, 'val')) ?? 'decimal',
    isLgl: on(child(el, 'isLgl')),
    suff: childVal(el, 'suff') ?? 'tab',
  };
  const format = numFmt && attr(numFmt.attrText, 'format');
  if (format !== undefined) level.format = format;
  const text = childVal(el, 'lvlText');
  if (text !== undefined) level.text = text;
  const restart = int(childVal(el, 'lvlRestart'));
  if (restart !== undefined) level.restart = restart;
  const pStyle = childVal(el, 'pStyle');
  if (pStyle !== undefined) level.pStyle = pStyle;
  return level;
}

function levelsOf(el: XmlElement): Map<number, ListLevel> {
  const levels = new Map<number, ListLevel>();
  for (const lvl of kids(el)) {
    if (lvl.local !== 'lvl') continue;
    const ilvl = int(attr(lvl.attrText, 'ilvl'));
    if (ilvl !== undefined && ilvl >= 0 && ilvl <= 8 && !levels.has(ilvl)) levels.set(ilvl, readLevel(lvl));
  }
  return levels;
}

export function readNumbering(xml: string): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };
  const root = parseTree(xml);
  const numbering = kids(root).find((e) => e.local === 'numbering');
  if (!numbering) return defs;
  for (const el of kids(numbering)) {
    if (el.local === 'abstractNum') {
      const id = attr(el.attrText, 'abstractNumId');
      if (id === undefined || defs.abstracts.has(id)) continue;
      const list: AbstractList = { levels: levelsOf(el) };
      const link = childVal(el, 'numStyleLink');
      if (link !== undefined) list.numStyleLink = link;
      defs.abstracts.set(id, list);
    } else if (el.local === 'num') {
      const id = attr(el.attrText, 'numId');
      const abstractId = childVal(el, 'abstractNumId');
      if (id === undefined || abstractId === undefined || defs.nums.has(id)) continue;
      const inst: ListInstance = { abstractId, starts: new Map(), levels: new Map() };
      for (const o of kids(el)) {
        if (o.local !== 'lvlOverride') continue;
        const ilvl = int(attr(o.attrText, 'ilvl'));
        if (ilvl === undefined || ilvl < 0 || ilvl > 8) continue;
        const start = int(childVal(o, 'startOverride'));
        if (start !== undefined) inst.starts.set(ilvl, start);
        const lvl = child(o, 'lvl');
        if (lvl) inst.levels.set(ilvl, readLevel(lvl));
      }
      defs.nums.set(id, inst);
    }
  }
  return defs;
}

export function readStyles(xml: string | undefined): StyleTable {
  const table: StyleTable = { styles: new Map() };
  if (!xml) return table;
  const root = parseTree(xml);
  const styles = kids(root).find((e) => e.local === 'styles');
  if (!styles) return table;
  for (const el of kids(styles)) {
    if (el.local !== 'style') continue;
    const id = attr(el.attrText, 'styleId');
    if (id === undefined || table.styles.has(id)) continue;
    const type = attr(el.attrText, 'type') ?? 'paragraph';
    const info: StyleNumbering = {};
    const basedOn = childVal(el, 'basedOn');
    if (basedOn !== undefined) info.basedOn = basedOn;
    const numPr = child(child(el, 'pPr'), 'numPr');
    const numId = childVal(numPr, 'numId');
    if (numId !== undefined) info.numId = numId;
    const ilvl = int(childVal(numPr, 'ilvl'));
    if (ilvl !== undefined) info.ilvl = ilvl;
    table.styles.set(id, info);
    const isDefault = attr(el.attrText, 'default');
    if (type === 'paragraph' && isDefault !== undefined && /^(1|true|on)$/i.test(isDefault)) table.defaultParagraph ??= id;
  }
  return table;
}

/** A paragraph of document.xml as the scan saw it. */
export interface ParagraphRecord {
  /** Offset where a leading run can be inserted: after `w:pPr`, or after the paragraph's start tag. */
  insertAt: number;
  prefix: string;
  pStyle?: string;
  numId?: string;
  ilvl?: number;
  /** First character of the paragraph's own text, to choose the separator after the label. */
  firstChar?: string;
}

interface StackEntry {
  name: string;
  local: string;
  para?: ParagraphRecord;
}

/**
 * The body's paragraphs in document order, with their direct numbering properties. Paragraphs inside
 * `mc:Choice` are skipped because mammoth reads the `mc:Fallback` copy of the same content.
 */
function scanParagraphs(xml: string): ParagraphRecord[] {
  const out: ParagraphRecord[] = [];
  const stack: StackEntry[] = [];
  let wPrefix: string | undefined;
  let choiceDepth = 0;
  let textOpen: { para: ParagraphRecord; from: number } | undefined;
  const innermostPara = (): ParagraphRecord | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.para) return stack[i]!.para;
    return undefined;
  };
  for (const tag of scanTags(xml)) {
    if (tag.closing) {
      let i = stack.length - 1;
      while (i >= 0 && stack[i]!.name !== tag.name) i--;
      if (i < 0) continue;
      for (let j = stack.length - 1; j >= i; j--) {
        const e = stack[j]!;
        if (e.local === 'Choice') choiceDepth--;
        if (e.local === 'pPr' && j > 0 && stack[j - 1]!.para && j === i) stack[j - 1]!.para!.insertAt = tag.end;
      }
      if (tag.local === 't' && tag.prefix === (wPrefix ?? 'w') && textOpen) {
        const text = decodeEntities(xml.slice(textOpen.from, tag.start)).trim();
        if (text && textOpen.para.firstChar === undefined) textOpen.para.firstChar = text[0];
        textOpen = undefined;
      }
      stack.length = i;
      continue;
    }
    if (wPrefix === undefined && tag.local === 'document') wPrefix = tag.prefix;
    const parent = stack[stack.length - 1];
    const inW = tag.prefix === (wPrefix ?? 'w');
    let para: ParagraphRecord | undefined;
    if (inW && choiceDepth === 0) {
      if (tag.local === 'p' && !tag.selfClosing) {
        para = { insertAt: tag.end, prefix: tag.prefix };
        out.push(para);
      } else if (tag.local === 'pPr' && parent?.para && tag.selfClosing) {
        parent.para.insertAt = tag.end;
      } else if (tag.local === 'pStyle' && parent?.local === 'pPr' && stack[stack.length - 2]?.para) {
        const v = attr(tag.attrText, 'val');
        if (v !== undefined) stack[stack.length - 2]!.para!.pStyle = v;
      } else if ((tag.local === 'numId' || tag.local === 'ilvl') && parent?.local === 'numPr' && stack[stack.length - 2]?.local === 'pPr') {
        const owner = stack[stack.length - 3]?.para;
        const v = attr(tag.attrText, 'val');
        if (owner && v !== undefined) {
          if (tag.local === 'numId') owner.numId = v;
          else {
            const n = int(v);
            if (n !== undefined) owner.ilvl = n;
          }
        }
      } else if (tag.local === 't' && !tag.selfClosing) {
        const owner = innermostPara();
        if (owner && owner.firstChar === undefined) textOpen = { para: owner, from: tag.end };
      }
    }
    if (tag.selfClosing) continue;
    if (tag.local === 'Choice') choiceDepth++;
    stack.push({ name: tag.name, local: tag.local, ...(para ? { para } : {}) });
  }
  return out;
}

export interface ParagraphLabel {
  /** 0-based index among the scanned paragraphs (including those in tables and text boxes). */
  index: number;
  /** The number as Word draws it, e.g. "一、" or "（二）". */
  label: string;
  /** List level, 0-based. */
  level: number;
  /** Separator written after the label ("" or " "). */
  separator: string;
}

/** Word's list counters: one set per abstract list, shared by the list instances that point at it. */
class ListCounters {
  private values = new Map<string, (number | undefined)[]>();
  private seenNums = new Set<string>();

  constructor(
    private defs: NumberingDefinitions,
    private styles: StyleTable,
  ) {}

  /** The abstract list that holds the levels, following a numbering-style link (numStyleLink → style → num). */
  private resolve(numId: string): { inst: ListInstance; abstractId: string; abs: AbstractList } | undefined {
    const inst = this.defs.nums.get(numId);
    if (!inst) return undefined;
    let abstractId = inst.abstractId;
    let abs = this.defs.abstracts.get(abstractId);
    for (let hops = 0; abs?.numStyleLink !== undefined && hops < 5; hops++) {
      const linkedNum = this.styleChain(abs.numStyleLink).numId;
      const linked = linkedNum !== undefined ? this.defs.nums.get(linkedNum) : undefined;
      if (!linked || linked.abstractId === abstractId) break;
      abstractId = linked.abstractId;
      abs = this.defs.abstracts.get(abstractId);
    }
    return abs ? { inst, abstractId, abs } : undefined;
  }

  styleChain(styleId: string | undefined): { numId?: string; ilvl?: number; ids: string[] } {
    const out: { numId?: string; ilvl?: number; ids: string[] } = { ids: [] };
    for (let id = styleId, hops = 0; id !== undefined && hops < 20 && !out.ids.includes(id); hops++) {
      const s = this.styles.styles.get(id);
      if (!s) break;
      out.ids.push(id);
      if (out.numId === undefined && s.numId !== undefined) out.numId = s.numId;
      if (out.ilvl === undefined && s.ilvl !== undefined) out.ilvl = s.ilvl;
      id = s.basedOn;
    }
    return out;
  }

  private level(inst: ListInstance, abs: AbstractList, ilvl: number): ListLevel | undefined {
    return inst.levels.get(ilvl) ?? abs.levels.get(ilvl);
  }

  private start(inst: ListInstance, abs: AbstractList, ilvl: number): number {
    return inst.starts.get(ilvl) ?? this.level(inst, abs, ilvl)?.start ?? 0;
  }

  /** Advances the counters for one paragraph and returns its label, or null when it carries no visible number. */
  next(p: ParagraphRecord): { label: string; level: number; suff: string } | null {
    const styleId = p.pStyle ?? this.styles.defaultParagraph;
    const chain = p.numId === undefined || p.ilvl === undefined ? this.styleChain(styleId) : { ids: [] as string[] };
    const numId = p.numId ?? chain.numId;
    if (numId === undefined || numId === '0') return null;
    const found = this.resolve(numId);
    if (!found) return null;
    const { inst, abstractId, abs } = found;
    let ilvl = p.ilvl ?? chain.ilvl;
    if (ilvl === undefined && p.numId === undefined) {
      // Numbering that comes from a style sits at the level that names the style (w:lvl/w:pStyle).
      for (const [n, lvl] of abs.levels) if (lvl.pStyle !== undefined && chain.ids.includes(lvl.pStyle)) ilvl ??= n;
    }
    ilvl = Math.min(Math.max(ilvl ?? 0, 0), 8);
    const def = this.level(inst, abs, ilvl);
    if (!def) return null;

    let values = this.values.get(abstractId);
    if (!values) this.values.set(abstractId, (values = []));
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const l of inst.starts.keys()) values[l] = undefined;
    }
    const cur = values[ilvl];
    values[ilvl] = cur === undefined ? this.start(inst, abs, ilvl) : cur + 1;
    for (let j = ilvl + 1; j <= 8; j++) {
      const restart = this.level(inst, abs, j)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) values[j] = undefined;
    }

    if (def.fmt === 'bullet' || !def.text) return null;
    let bad = false;
    const label = def.text.replace(/%([1-9])/g, (_, d: string) => {
      const j = Number(d) - 1;
      const lvl = this.level(inst, abs, j);
      const fmt = def.isLgl ? 'decimal' : (lvl?.fmt ?? 'decimal');
      const text = formatCounter(values[j] ?? this.start(inst, abs, j), fmt, lvl?.format);
      if (text === null) bad = true;
      return text ?? '';
    });
    if (bad || !label.trim()) return null;
    return { label, level: ilvl, suff: def.suff };
  }
}

function separator(label: string, suff: string, firstChar: string | undefined): string {
  if (suff === 'nothing') return '';
  if (/[A-Za-z0-9]$/.test(label)) return ' ';
  // "1." before Chinese reads as typed ("1.属于…"); before a digit it needs the space ("1. 2024年…").
  return /[!-~]$/.test(label) && firstChar !== undefined && /[A-Za-z0-9]/.test(firstChar) ? ' ' : '';
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Labels of the numbered paragraphs of `documentXml`, in document order. */
export function numberParagraphs(documentXml: string, numberingXml: string, stylesXml?: string): { paragraphs: ParagraphRecord[]; labels: ParagraphLabel[] } {
  const defs = readNumbering(numberingXml);
  const paragraphs = scanParagraphs(documentXml);
  const labels: ParagraphLabel[] = [];
  if (!defs.nums.size) return { paragraphs, labels };
  const counters = new ListCounters(defs, readStyles(stylesXml));
  paragraphs.forEach((p, index) => {
    const got = counters.next(p);
    if (got) labels.push({ index, label: got.label, level: got.level, separator: separator(got.label, got.suff, p.firstChar) });
  });
  return { paragraphs, labels };
}

/**
 * `documentXml` with each numbered paragraph's label written in as its first run; `labels` is empty (and the
 * XML unchanged) when nothing is numbered.
 */
export function labelDocumentXml(documentXml: string, numberingXml: string, stylesXml?: string): { xml: string; labels: ParagraphLabel[] } {
  const { paragraphs, labels } = numberParagraphs(documentXml, numberingXml, stylesXml);
  if (!labels.length) return { xml: documentXml, labels };
  const inserts = labels
    .map((l) => {
      const p = paragraphs[l.index]!;
      const w = p.prefix ? `${p.prefix}:` : '';
      return { at: p.insertAt, run: `<${w}r><${w}t xml:space="preserve">${escapeXml(l.label + l.separator)}</${w}t></${w}r>` };
    })
    .sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const ins of inserts) {
    out += documentXml.slice(from, ins.at) + ins.run;
    from = ins.at;
  }
  return { xml: out + documentXml.slice(from), labels };
}
