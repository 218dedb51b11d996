/** A tiny GBK encoder for tests: the inverse of the GB18030 decoder over the two-byte GBK range. */
let table: Map<string, [number, number]> | undefined;

function build(): Map<string, [number, number]> {
  const m = new Map<string, [number, number]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !m.has(ch)) m.set(ch, [a, b]);
    }
  }
  return m;
}

export function encodeGbk(text: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      out.push(pair[0], pair[1]);
    }
  }
  return new Uint8Array(out);
}
