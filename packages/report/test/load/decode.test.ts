import { describe, expect, it } from 'vitest';
import { isGongkaiError } from '@gongkai/core';
import { decodeText, decodeHtmlBytes } from '../../src/load/index.js';
import { encodeGbk } from './gbk.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isGongkaiError(e) ? e.code : `not-gongkai: ${String(e)}`;
  }
  return undefined;
}

describe('decodeText', () => {
  it('the test encoder agrees with known GBK bytes', () => {
    expect([...encodeGbk('你好')]).toEqual([0xc4, 0xe3, 0xba, 0xc3]);
  });

  it('decodes GBK bytes as gb18030', () => {
    const text = '一、总体情况\n2023年，我局主动公开政府信息1458条（含规范性文件）。';
    const r = decodeText(encodeGbk(text));
    expect(r).toEqual({ text, encoding: 'gb18030' });
    expect(decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])).text).toBe('你好');
  });

  it('prefers strict UTF-8 and honours BOMs', () => {
    expect(decodeText(utf8('你好'))).toEqual({ text: '你好', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('你好')]))).toEqual({ text: '你好', encoding: 'utf-8-bom' });
    const le = new Uint8Array([0xff, 0xfe, 0x60, 0x4f, 0x7d, 0x59]);
    expect(decodeText(le)).toEqual({ text: '你好', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, 0x4f, 0x60, 0x59, 0x7d]);
    expect(decodeText(be)).toEqual({ text: '你好', encoding: 'utf-16be' });
  });

  it('refuses binary junk with load/binary', () => {
    expect(codeOf(() => decodeText(new Uint8Array([0x50, 0x00, 0x01, 0x02, 0x00, 0x00])))).toBe('load/binary');
    const noise = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      noise[i] = (x >>> 16) & 0xff;
    }
    expect(codeOf(() => decodeText(noise))).toBe('load/binary');
  });

  it('gives a one-line message in both languages', () => {
    try {
      decodeText(new Uint8Array([0, 0, 0, 1]), 'a.txt');
      expect.unreachable();
    } catch (e) {
      if (!isGongkaiError(e)) throw e;
      expect(e.render('zh-CN')).toMatch(/^a\.txt: .*不是文本文件/);
      expect(e.render('en')).toMatch(/^a\.txt: .*not look like a text file/);
      expect(e.render('en')).not.toContain('\n');
    }
  });
});

describe('decodeHtmlBytes', () => {
  it('honours <meta charset=gbk>', () => {
    const html = '<html><head><meta charset="gbk"></head><body><p>你好</p></body></html>';
    const r = decodeHtmlBytes(encodeGbk(html));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(html);
    expect(r.note).toBeUndefined();
  });

  it('honours http-equiv content charset=gb2312', () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>政府信息公开</p>';
    expect(decodeHtmlBytes(encodeGbk(html)).text).toBe(html);
  });

  it('notes a wrong utf-8 declaration and decodes as gb18030', () => {
    const html = '<meta charset="utf-8"><p>政府信息公开工作年度报告</p>';
    const r = decodeHtmlBytes(encodeGbk(html));
    expect(r.text).toBe(html);
    expect(r.encoding).toBe('gb18030');
    expect(r.note?.code).toBe('encoding');
  });
});

describe('decodeHtmlBytes with other declared charsets', () => {
  it('uses a declared big5 charset when it decodes cleanly', () => {
    // 中文 in Big5: A4 A4 A4 E5
    const head = new TextEncoder().encode('<meta charset="big5"><p>');
    const bytes = new Uint8Array([...head, 0xa4, 0xa4, 0xa4, 0xe5]);
    const r = decodeHtmlBytes(bytes);
    expect(r.encoding).toBe('big5');
    expect(r.text.endsWith('中文')).toBe(true);
  });
});
