/**
 * Element nesting of an HTML page, estimated from its tags before cheerio parses it. The parser and every tree walk
 * after it cost time and stack with depth (100,000 nested <div>s took 25 s before overflowing the stack), while a
 * Word-exported report nests a few dozen levels. Elements whose end tag HTML lets one omit (p, li, td, …) and void
 * elements are not counted, so a page of unclosed <p>s is not mistaken for a deep one: the estimate can only be low.
 */
import { tooComplexError } from './errors.js';

export const MAX_HTML_DEPTH = 1_000;

const NOT_COUNTED = new Set([
  // void elements
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  // end tag optional
  'p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rt', 'rp', 'colgroup',
  'html', 'head', 'body',
]);

const TAG_RE = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g;

/** Throws `load/too-complex` when the page's elements nest deeper than MAX_HTML_DEPTH. */
export function guardHtmlDepth(text: string, path?: string): void {
  let depth = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(text); m; m = TAG_RE.exec(text)) {
    const name = m[2]!.toLowerCase();
    if (NOT_COUNTED.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > MAX_HTML_DEPTH) {
      throw tooComplexError({ zh: `HTML 元素嵌套超过 ${MAX_HTML_DEPTH} 层`, en: `HTML elements nested more than ${MAX_HTML_DEPTH} deep` }, path);
    }
  }
}
