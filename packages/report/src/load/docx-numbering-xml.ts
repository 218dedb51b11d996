/**
 * A forgiving XML tag scanner for the few WordprocessingML parts the numbering pass reads. It reports every tag
 * with its offsets, so `document.xml` can be edited in place without re-serialising it, and never throws: a
 * damaged part simply yields fewer or unbalanced tags, which the callers treat as "no numbering".
 */

export interface XmlTag {
  /** Qualified name as written, e.g. `w:numPr`. */
  name: string;
  /** Name without its prefix, e.g. `numPr`. */
  local: string;
  prefix: string;
  /** Raw attribute text; read it with `attr()`. */
  attrText: string;
  closing: boolean;
  selfClosing: boolean;
  start: number;
  /** Offset just past the tag's `>`. */
  end: number;
}

// Attribute values cannot hold a raw `<` in XML, so excluding it keeps a broken quote from scanning the whole part.
const TOKEN_RE =
  /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|![^<>]*>|\?[\s\S]*?\?>|(\/?)([^\s/<>!?"'=]+)((?:\s+[^\s=/<>"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>)/g;

export function* scanTags(xml: string): Generator<XmlTag> {
  const re = new RegExp(TOKEN_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const name = m[2];
    if (name === undefined) continue; // comment, CDATA, declaration or processing instruction
    const colon = name.indexOf(':');
    yield {
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      prefix: colon < 0 ? '' : name.slice(0, colon),
      attrText: m[3] ?? '',
      closing: m[1] === '/',
      selfClosing: m[4] === '/',
      start: m.index,
      end: m.index + m[0].length,
    };
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/** Value of the attribute whose local name is `local` (`w:val` and `val` both answer to `val`). */
export function attr(attrText: string, local: string): string | undefined {
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(attrText))) {
    const name = m[1]!;
    const colon = name.indexOf(':');
    if ((colon < 0 ? name : name.slice(colon + 1)) === local) return decodeEntities(m[2] ?? m[3] ?? '');
  }
  return undefined;
}

export interface XmlElement {
  local: string;
  attrText: string;
  children: XmlElement[];
}

/**
 * A bare element tree (no text) for the small definition parts, numbering.xml and styles.xml. Unbalanced close
 * tags are matched against the nearest open element of that name, or ignored.
 */
export function parseTree(xml: string): XmlElement {
  const root: XmlElement = { local: '#root', attrText: '', children: [] };
  const stack: { name: string; el: XmlElement }[] = [{ name: '#root', el: root }];
  for (const tag of scanTags(xml)) {
    if (tag.closing) {
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]!.name === tag.name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    const el: XmlElement = { local: tag.local, attrText: tag.attrText, children: [] };
    stack[stack.length - 1]!.el.children.push(el);
    if (!tag.selfClosing) stack.push({ name: tag.name, el });
  }
  return root;
}

/**
 * Children of `el`, looking through markup-compatibility wrappers: Word 2010+ writes newer settings (a custom
 * number format, say) as `mc:AlternateContent` with a `mc:Fallback` that older readers — and mammoth — use.
 */
export function kids(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.local === 'AlternateContent') {
      const fallback = c.children.find((f) => f.local === 'Fallback');
      if (fallback) out.push(...kids(fallback));
    } else out.push(c);
  }
  return out;
}

export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el ? kids(el).find((c) => c.local === local) : undefined;
}

export function childVal(el: XmlElement | undefined, local: string): string | undefined {
  const c = child(el, local);
  return c ? attr(c.attrText, 'val') : undefined;
}
