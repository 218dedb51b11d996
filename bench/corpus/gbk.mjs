// GBK encoding for the corpus's legacy-encoded .txt files. Node ships only a GB18030 decoder, so the encoder is the
// decoder run backwards over every two-byte sequence, built once on first use. Characters without a two-byte code
// (rare in our vocabulary) become "?", as a legacy editor saving the file would do.
let reverse;

function reverseMap() {
  if (reverse) return reverse;
  reverse = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let ch;
      try {
        ch = decoder.decode(pair);
      } catch {
        continue;
      }
      const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
      if (code >= 0x80 && !reverse.has(code)) reverse.set(code, (lead << 8) | trail);
    }
  }
  return reverse;
}

export function encodeGbk(text) {
  const map = reverseMap();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = map.get(c);
    if (code === undefined) {
      // A surrogate pair is one character; skip its second half so it yields a single "?".
      if (c >= 0xd800 && c <= 0xdbff) i++;
      out[n++] = 0x3f;
      continue;
    }
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.subarray(0, n);
}
