/** The loaders' user-facing errors: one line, zh + en, stable codes for tooling. */
import { GongkaiError } from '@gongkai/core';

export function binaryError(path?: string): GongkaiError {
  return new GongkaiError(
    'load/binary',
    {
      zh: '{path}看起来不是文本文件（含有二进制内容，或既不是 UTF-8 也不是 GB18030 编码）',
      en: '{path}does not look like a text file (binary content, or neither UTF-8 nor GB18030)',
    },
    { path: path ? `${path}: ` : '' },
  );
}

export function emptyError(path?: string): GongkaiError {
  return new GongkaiError(
    'load/empty',
    { zh: '{path}文件为空或只有空白', en: '{path}the file is empty or blank' },
    { path: path ? `${path}: ` : '' },
  );
}

export function tooLargeError(size: number, limit: number, path?: string): GongkaiError {
  return new GongkaiError(
    'load/too-large',
    {
      zh: '{path}文件过大（{size} 字节，上限 {limit} 字节）',
      en: '{path}the file is too large ({size} bytes, limit {limit} bytes)',
    },
    { path: path ? `${path}: ` : '', size, limit },
  );
}

export function unsupportedError(what: string, path?: string): GongkaiError {
  return new GongkaiError(
    'load/unsupported',
    {
      zh: '{path}不支持的文件格式：{what}（支持 .txt .md .html .docx .pdf）',
      en: '{path}unsupported file format: {what} (supported: .txt .md .html .docx .pdf)',
    },
    { path: path ? `${path}: ` : '', what },
  );
}

export function notFoundError(path: string): GongkaiError {
  return new GongkaiError('load/not-found', { zh: '找不到文件：{path}', en: 'file not found: {path}' }, { path });
}

export function unreadableError(path: string, reason: string): GongkaiError {
  return new GongkaiError(
    'load/unreadable',
    { zh: '无法读取文件：{path}（{reason}）', en: 'cannot read file: {path} ({reason})' },
    { path, reason },
  );
}

/** Devices, FIFOs and sockets never end (or block), so only regular files are read. */
export function notRegularError(path: string, kind: { zh: string; en: string }): GongkaiError {
  return new GongkaiError(
    'load/not-regular',
    {
      zh: '{path}: 不是普通文件（{kind}），未读取',
      en: '{path}: not a regular file ({kindEn}); not read',
    },
    { path, kind: kind.zh, kindEn: kind.en },
  );
}

/**
 * A document nested or sized beyond anything a real report has: the parsers' time and memory grow with it faster
 * than linearly, so it is refused instead of risking a hang or a crash.
 */
export function tooComplexError(what: { zh: string; en: string }, path?: string): GongkaiError {
  return new GongkaiError(
    'load/too-complex',
    {
      zh: '{path}文档结构过于复杂，已拒绝读取（{what}）',
      en: '{path}the document is too complex to read ({whatEn})',
    },
    { path: path ? `${path}: ` : '', what: what.zh, whatEn: what.en },
  );
}
