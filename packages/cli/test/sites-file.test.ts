import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSitesFile } from '../src/sites-file.js';
import { GongkaiError } from '@gongkai/core';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-sites-'));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

function gbk(text: string): Uint8Array {
  // Reverse map of the two-byte GB18030 range, enough for the test's characters.
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) map.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  const out: number[] = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : map.get(ch)!));
  return new Uint8Array(out);
}

describe('--sites files', () => {
  it('reads YAML lists, with or without a sites key, and bare URL strings', () => {
    expect(readSitesFile(file('a.yaml', '- { name: 示例局, url: https://a.example.gov.cn/, level: department, region: 示例省 }\n- https://b.example.gov.cn/\n'))).toEqual([
      { name: '示例局', url: 'https://a.example.gov.cn/', level: 'department', region: '示例省' },
      { url: 'https://b.example.gov.cn/' },
    ]);
    expect(readSitesFile(file('b.yml', 'sites:\n  - url: http://c.example.gov.cn\n'))).toEqual([{ url: 'http://c.example.gov.cn' }]);
  });

  it('reads CSV with Chinese headers, quoted names and GBK bytes (as Excel saves it)', () => {
    const csv = '名称,网址,层级,地区\n"示例县人民政府,办公室",http://x.example.gov.cn/,government,示例县\n示例局,http://y.example.gov.cn/,,\n';
    expect(readSitesFile(file('s.csv', gbk(csv)))).toEqual([
      { name: '示例县人民政府,办公室', url: 'http://x.example.gov.cn/', level: 'government', region: '示例县' },
      { name: '示例局', url: 'http://y.example.gov.cn/' },
    ]);
  });

  it('names the row and the problem in one line', () => {
    const bad = (name: string, text: string) => {
      try {
        readSitesFile(file(name, text));
      } catch (e) {
        return (e as GongkaiError).render('en');
      }
      return 'no error';
    };
    expect(bad('c.csv', 'name,url\nA,ftp://x\n')).toMatch(/c\.csv: line 2: url must start with http:\/\/ or https:\/\//);
    expect(bad('d.csv', 'name,site\nA,B\n')).toMatch(/d\.csv: line 1: the header has no url column/);
    expect(bad('e.yaml', '- { url: http://a, level: city }\n')).toMatch(/e\.yaml: sites\[0\]\.level: must be department, government or township, got "city"/);
    expect(bad('f.yaml', 'name: x\n')).toMatch(/f\.yaml: sites: must be a list of sites/);
  });
});
