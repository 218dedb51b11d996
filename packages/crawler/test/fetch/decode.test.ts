import { describe, expect, it } from 'vitest';
import { decodeBody, normaliseCharset, charsetFromMeta } from '../../src/fetch/index.js';
import { encodeGbk, GB18030_U20000 } from '../../../../fixtures/server/index.mjs';

const TEXT = '政府信息公开工作年度报告（二〇二四年）';
const gbkPage = (head: string, body = TEXT) =>
  Buffer.concat([Buffer.from(`<html><head>${head}<title>`), encodeGbk('标题'), Buffer.from('</title></head><body>'), encodeGbk(body), Buffer.from('</body></html>')]);

describe('normaliseCharset', () => {
  it('sends every GB label to gb18030, including the non-WHATWG Windows ones', () => {
    for (const label of ['gb2312', 'GBK', 'x-gbk', 'cp936', 'MS936', 'windows-936', 'GB_2312-80', '"gb2312"', 'gb18030', 'euc-cn']) {
      expect(normaliseCharset(label), label).toBe('gb18030');
    }
    expect(normaliseCharset('UTF8')).toBe('utf-8');
    expect(normaliseCharset('big5')).toBe('big5');
    expect(normaliseCharset('no-such-charset')).toBeUndefined();
  });
});

describe('charsetFromMeta', () => {
  it('finds <meta charset> and http-equiv in either attribute order', () => {
    expect(charsetFromMeta(Buffer.from('<meta charset=gb2312>'))).toBe('gb2312');
    expect(charsetFromMeta(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=GBK">'))).toBe('GBK');
    expect(charsetFromMeta(Buffer.from('<meta content="text/html; charset=gbk" http-equiv="content-type">'))).toBe('gbk');
    expect(charsetFromMeta(Buffer.from('<?xml version="1.0" encoding="GB2312"?><root/>'))).toBe('GB2312');
  });
  it('only looks at the first 1024 bytes', () => {
    expect(charsetFromMeta(Buffer.from(' '.repeat(1100) + '<meta charset=gbk>'))).toBeUndefined();
  });
});

describe('decodeBody', () => {
  it('BOM wins over header and meta', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<meta charset="gbk">${TEXT}`)]);
    const d = decodeBody(bytes, 'text/html; charset=gbk');
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain(TEXT);
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(d.mismatch).toBe(false);
  });

  it('decodes UTF-16LE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(decodeBody(bytes).text).toBe(TEXT);
  });

  it('uses the HTTP charset when it decodes', () => {
    const d = decodeBody(gbkPage(''), 'text/html; charset=GBK');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain(TEXT);
    expect(d.declared).toBe('GBK');
    expect(d.mismatch).toBe(false);
  });

  it('uses <meta charset=gb2312> when the header has none', () => {
    const d = decodeBody(gbkPage('<meta charset=gb2312>'), 'text/html');
    expect(d.text).toContain(TEXT);
    expect(d.declaredBy).toBe('meta');
    expect(d.mismatch).toBe(false);
  });

  it('decodes four-byte GB18030 sequences under a GBK label', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="gbk">'), encodeGbk('字'), GB18030_U20000]);
    const d = decodeBody(bytes, 'text/html');
    expect(d.text).toContain('字\u{20000}');
  });

  it('falls back to gb18030 when nothing is declared and UTF-8 fails', () => {
    const d = decodeBody(gbkPage(''), undefined);
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain(TEXT);
    expect(d.mismatch).toBe(false);
    expect(d.declared).toBeUndefined();
  });

  it('detects UTF-8 without any declaration', () => {
    const d = decodeBody(Buffer.from(`<p>${TEXT}</p>`));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain(TEXT);
  });

  it('flags a header that says utf-8 over GBK bytes, and decodes them right', () => {
    const d = decodeBody(gbkPage(''), 'text/html; charset=utf-8');
    expect(d.mismatch).toBe(true);
    expect(d.declared).toBe('utf-8');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain(TEXT);
  });

  it('prefers the meta charset when the header one fails', () => {
    const d = decodeBody(gbkPage('<meta charset="gb2312">'), 'text/html; charset=UTF-8');
    expect(d.mismatch).toBe(true);
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain(TEXT);
  });

  it('flags a GBK declaration over UTF-8 bytes (gb18030 would silently produce mojibake)', () => {
    const d = decodeBody(Buffer.from(`<meta charset="gb2312"><p>${TEXT}</p>`), 'text/html');
    expect(d.mismatch).toBe(true);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain(TEXT);
  });

  it('ignores a Latin-1 label on Chinese bytes', () => {
    const d = decodeBody(gbkPage(''), 'text/html; charset=iso-8859-1');
    expect(d.text).toContain(TEXT);
    expect(d.mismatch).toBe(true);
  });

  it('accepts a Latin-1 label on pure ASCII without a finding', () => {
    const d = decodeBody(Buffer.from('<p>hello</p>'), 'text/html; charset=iso-8859-1');
    expect(d.text).toBe('<p>hello</p>');
    expect(d.mismatch).toBe(false);
  });

  it('reports an unknown label as a mismatch', () => {
    const d = decodeBody(Buffer.from(`<p>${TEXT}</p>`), 'text/html; charset=utf-9');
    expect(d.mismatch).toBe(true);
    expect(d.text).toContain(TEXT);
  });
});
