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
