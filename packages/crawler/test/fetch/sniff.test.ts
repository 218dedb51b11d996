import { describe, expect, it } from 'vitest';
import { sniffContentType, isTextual } from '../../src/fetch/index.js';

const b = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s, 'latin1') : Buffer.from(s));
const PDF = b('%PDF-1.7\n...');
const ZIP = b([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
const OLE = b([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);

describe('sniffContentType', () => {
  it('fills in a missing header from magic bytes', () => {
    expect(sniffContentType(PDF, undefined)).toBe('application/pdf');
    expect(sniffContentType(b('\n  <!DOCTYPE html><html>'), undefined)).toBe('text/html');
    expect(sniffContentType(b('<?xml version="1.0"?><datastore/>'), undefined)).toBe('application/xml');
    expect(sniffContentType(b('{"total": 3, "articles": []}'), undefined)).toBe('application/json');
    expect(sniffContentType(OLE, undefined)).toBe('application/x-ole-storage');
  });

  it('uses the URL extension to name zip and OLE containers', () => {
    expect(sniffContentType(ZIP, 'application/octet-stream', 'http://x.gov.cn/a/b.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffContentType(OLE, undefined, 'http://x.gov.cn/a/预算.xls')).toBe('application/vnd.ms-excel');
    expect(sniffContentType(ZIP, undefined, 'http://x.gov.cn/a/b.ofd')).toBe('application/ofd');
  });

  it('overrides a header that contradicts the bytes', () => {
    expect(sniffContentType(PDF, 'text/html; charset=utf-8')).toBe('application/pdf');
    expect(sniffContentType(b('<!doctype html><title>错误</title>'), 'application/pdf')).toBe('text/html');
    expect(sniffContentType(b('{"a":1}'), 'text/html;charset=utf-8')).toBe('application/json');
    expect(sniffContentType(b('<html><body>'), 'text/plain')).toBe('text/html');
  });

  it('keeps a more specific header that agrees with the bytes', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(sniffContentType(ZIP, docx)).toBe(docx);
    expect(sniffContentType(OLE, 'application/msword')).toBe('application/msword');
    expect(sniffContentType(b('<?xml version="1.0"?><rss/>'), 'application/rss+xml')).toBe('application/rss+xml');
    expect(sniffContentType(b('<html>'), 'text/html; charset=gbk')).toBe('text/html');
  });

  it('believes the header when the bytes say nothing', () => {
    expect(sniffContentType(b('body { color: red }'), 'text/css')).toBe('text/css');
    expect(sniffContentType(new Uint8Array(0), 'application/pdf')).toBe('application/pdf');
  });

  it('knows which types are text', () => {
    expect(isTextual('text/html')).toBe(true);
    expect(isTextual('application/json')).toBe(true);
    expect(isTextual('application/rss+xml')).toBe(true);
    expect(isTextual('application/pdf')).toBe(false);
    expect(isTextual(undefined)).toBe(false);
  });
});
