import { describe, expect, it } from 'vitest';
import { findDirectives, parseDirectiveComment, parseDirectiveCommentText } from '../../src/model/index.js';

describe('directives', () => {
  it('parses each kind with rules and reason', () => {
    expect(parseDirectiveComment(' gongkai-disable-next-line report/a -- 表格由上级统一发布 ', 3, 1)).toEqual({
      kind: 'disable-next-line', rules: ['report/a'], line: 3, column: 1, reason: '表格由上级统一发布',
    });
    expect(parseDirectiveComment('gongkai-disable report/a, report/b', 1, 5)).toEqual({
      kind: 'disable', rules: ['report/a', 'report/b'], line: 1, column: 5,
    });
    expect(parseDirectiveComment(' gongkai-enable ', 9, 1)).toEqual({ kind: 'enable', rules: [], line: 9, column: 1 });
    expect(parseDirectiveComment('gongkai-disable-line', 2, 7)).toMatchObject({ kind: 'disable-line', rules: [] });
    expect(parseDirectiveCommentText('<!-- gongkai-disable -- 全部 -->', 1, 1)).toMatchObject({ rules: [], reason: '全部' });
  });

  it('ignores other comments', () => {
    expect(parseDirectiveComment(' 这是普通注释 ', 1, 1)).toBeNull();
    expect(parseDirectiveComment('gongkai-disabled x', 1, 1)).toBeNull();
    expect(parseDirectiveComment('eslint-disable', 1, 1)).toBeNull();
  });

  it('finds comments with line and column in a text', () => {
    const text = '# 标题\r\n正文<!-- gongkai-disable-line report/x -->\n\n<!-- 普通 -->\n  <!-- gongkai-enable -->\n';
    expect(findDirectives(text)).toEqual([
      { kind: 'disable-line', rules: ['report/x'], line: 2, column: 3 },
      { kind: 'enable', rules: [], line: 5, column: 3 },
    ]);
  });
});
