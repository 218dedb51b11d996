import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isGongkaiError } from '@gongkai/core';
import { loadReport, loadReportFile } from '../../src/load/index.js';
import { encodeGbk } from './gbk.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isGongkaiError(e) ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
}

describe('loadReport', () => {
  it('loads a GBK .txt report and notes the encoding', async () => {
    const text = '市科委2012年政府信息公开工作年度报告\n一、加强领导\n正文。\n二、主动公开\n';
    const doc = await loadReport(encodeGbk(text), 'r.txt', { level: 'department' });
    expect(doc.format).toBe('txt');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.source).toBe(text);
    expect(doc.notes.map((n) => n.code)).toEqual(['encoding']);
    expect(doc.headings.map((h) => h.text)).toEqual(['加强领导', '主动公开']);
    expect(doc.facts()).toEqual({ kind: 'report', reportYear: 2012, level: 'department' });
    expect(doc.level).toBe('department');
    expect(doc.target).toBe('r.txt');
  });

  it('dispatches on content over extension', async () => {
    const doc = await loadReport(utf8('<html><body><div id="zoom"><p>一、总体情况</p><p>2023年，我局认真贯彻落实条例。正文正文正文正文正文正文正文正文。</p></div></body></html>'), 'r.txt');
    expect(doc.format).toBe('html');
    expect(doc.notes[0]?.code).toBe('format-mismatch');
    expect(doc.headings[0]?.text).toBe('总体情况');
  });

  it('loads markdown', async () => {
    const doc = await loadReport(utf8('## 一、总体情况\n\n正文\n'), 'r.md');
    expect(doc.format).toBe('md');
    expect(doc.headings[0]).toMatchObject({ text: '总体情况', markupLevel: 2, level: 1 });
  });

  it('refuses empty, blank, oversized and binary input with stable codes', async () => {
    expect(await errorCode(loadReport(new Uint8Array(0), 'e.txt'))).toBe('load/empty');
    expect(await errorCode(loadReport(utf8(' \n\u3000\r\n\t'), 'e.txt'))).toBe('load/empty');
    expect(await errorCode(loadReport(utf8('null\n文件下载\n'), 'e.txt'))).toBe('load/empty');
    expect(await errorCode(loadReport(utf8('<html><body><script>x</script></body></html>'), 'e.html'))).toBe('load/empty');
    expect(await errorCode(loadReport(utf8('一、总体情况'), 'big.txt', { maxBytes: 4 }))).toBe('load/too-large');
    expect(await errorCode(loadReport(new Uint8Array([1, 2, 0, 0, 3, 4, 0, 5]), 'bin.txt'))).toBe('load/binary');
    expect(await errorCode(loadReport(utf8('x'), 'a.xyz'))).toBe('load/unsupported');
  });
});

describe('loadReportFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-load-'));
    await writeFile(join(dir, 'a.txt'), '一、总体情况\n正文\n');
    await mkdir(join(dir, 'sub'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file from disk', async () => {
    const doc = await loadReportFile(join(dir, 'a.txt'));
    expect(doc.headings.map((h) => h.text)).toEqual(['总体情况']);
    expect(doc.target).toBe(join(dir, 'a.txt'));
  });

  it('reports a missing file as load/not-found in both languages', async () => {
    const p = join(dir, 'missing.txt');
    try {
      await loadReportFile(p);
      expect.unreachable();
    } catch (e) {
      if (!isGongkaiError(e)) throw e;
      expect(e.code).toBe('load/not-found');
      expect(e.render('zh-CN')).toBe(`找不到文件：${p}`);
      expect(e.render('en')).toBe(`file not found: ${p}`);
    }
  });

  it('reports a directory as unreadable, not as a crash', async () => {
    expect(await errorCode(loadReportFile(join(dir, 'sub')))).toBe('load/unreadable');
  });
});
