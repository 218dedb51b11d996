import { describe, expect, it } from 'vitest';
import { isGongkaiError } from '@gongkai/core';
import { detectFormat } from '../../src/load/index.js';

const b = (s: string) => new TextEncoder().encode(s);
const PK = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const PDF = b('%PDF-1.7\n%âãÏÓ\n');

describe('detectFormat', () => {
  it('uses the extension when the content agrees', () => {
    expect(detectFormat(b('一、总体情况'), 'a.txt')).toEqual({ format: 'txt' });
    expect(detectFormat(b('# 标题'), 'a.md')).toEqual({ format: 'md' });
    expect(detectFormat(b('<!DOCTYPE html><html></html>'), 'a.htm')).toEqual({ format: 'html' });
    expect(detectFormat(PK, 'a.docx')).toEqual({ format: 'docx' });
    expect(detectFormat(PDF, 'A.PDF')).toEqual({ format: 'pdf' });
  });

  it('lets the content win and notes the disagreement', () => {
    const r = detectFormat(b('<html><body><p>一、总体情况</p></body></html>'), 'report.txt');
    expect(r.format).toBe('html');
    expect(r.note?.code).toBe('format-mismatch');
    expect(r.note?.message.zh).toContain('.txt');
    expect(detectFormat(PDF, 'report.docx')).toMatchObject({ format: 'pdf', note: { code: 'format-mismatch' } });
    expect(detectFormat(PK, 'report.pdf').format).toBe('docx');
    expect(detectFormat(b('一、总体情况'), 'x.pdf')).toMatchObject({ format: 'txt', note: { code: 'format-mismatch' } });
  });

  it('keeps .md for markdown that merely contains HTML', () => {
    expect(detectFormat(b('# 标题\n\n<table><tr><td>1</td></tr></table>\n<body>'), 'a.md')).toEqual({ format: 'md' });
  });

  it('sniffs files without an extension', () => {
    expect(detectFormat(b('## 一、总体情况\n\n正文'), 'README').format).toBe('md');
    expect(detectFormat(b('一、总体情况'), 'report').format).toBe('txt');
    expect(detectFormat(PK, 'download').format).toBe('docx');
  });

  it('refuses unknown formats and legacy .doc with load/unsupported', () => {
    const code = (bytes: Uint8Array, p: string) => {
      try {
        detectFormat(bytes, p);
      } catch (e) {
        return isGongkaiError(e) ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(b('hello'), 'a.xyz')).toBe('load/unsupported');
    expect(code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'a.doc')).toBe('load/unsupported');
  });
});
