import { describe, expect, test } from 'vitest';
import { attachmentExt, dedupKey, neverFollow, normalizeUrl, Scope } from '../../src/frontier/normalize.js';
import { TrapDetector } from '../../src/frontier/traps.js';
import { Frontier } from '../../src/frontier/frontier.js';

describe('normalizeUrl', () => {
  test.each([
    ['HTTP://WWW.Example.GOV.cn:80/a/./b/../c.html#top', 'http://www.example.gov.cn/a/c.html'],
    ['https://x.gov.cn:443/', 'https://x.gov.cn/'],
    ['http://x.gov.cn/a.jsp;jsessionid=ABC123?id=5', 'http://x.gov.cn/a.jsp?id=5'],
    ['http://x.gov.cn/a.html?utm_source=wx&id=5&spm=1.2&from=timeline', 'http://x.gov.cn/a.html?id=5'],
    ['http://x.gov.cn/module/web/jpage/dataproxy.jsp?page=1&columnid=3', 'http://x.gov.cn/module/web/jpage/dataproxy.jsp?page=1&columnid=3'],
    ['http://user:pw@x.gov.cn/', 'http://x.gov.cn/'],
    ['http://x.gov.cn/gkmlpt/index#2791', 'http://x.gov.cn/gkmlpt/index#2791'],
  ])('%s', (input, out) => {
    expect(normalizeUrl(input)).toBe(out);
  });

  test('relative links, skipped schemes', () => {
    expect(normalizeUrl('../b/c.html', 'http://x.gov.cn/a/d/index.html')).toBe('http://x.gov.cn/a/b/c.html');
    expect(normalizeUrl('  /p.html\n', 'http://x.gov.cn/a/')).toBe('http://x.gov.cn/p.html');
    for (const h of ['javascript:;', 'mailto:a@b.cn', 'tel:123', '#', '', 'ftp://x/']) expect(normalizeUrl(h, 'http://x.gov.cn/')).toBeUndefined();
  });

  test('dedup key folds http/https and index.html', () => {
    expect(dedupKey('http://x.gov.cn/a/index.html')).toBe(dedupKey('https://x.gov.cn/a/'));
    expect(dedupKey('http://x.gov.cn/a/index.shtml?x=1')).toBe(dedupKey('http://x.gov.cn/a/?x=1'));
    expect(dedupKey('http://x.gov.cn/a/b.html')).not.toBe(dedupKey('http://x.gov.cn/a/'));
  });
});

describe('scope and never-follow', () => {
  test('same host with and without www, plus allowed hosts', () => {
    const s = new Scope('http://www.x.gov.cn/', ['xxgk.x.gov.cn']);
    expect(s.contains('https://x.gov.cn/a')).toBe(true);
    expect(s.contains('http://www.x.gov.cn/b')).toBe(true);
    expect(s.contains('http://xxgk.x.gov.cn/c')).toBe(true);
    expect(s.contains('http://other.x.gov.cn/')).toBe(false);
    expect(s.contains('http://www.gov.cn/')).toBe(false);
  });

  test.each([
    ['http://x.gov.cn/was5/web/search?channelid=1&searchword=a', 'search'],
    ['http://x.gov.cn/jrobot/search.do?webid=1', 'search'],
    ['http://x.gov.cn/search.jsp?x=1', 'search'],
    ['http://x.gov.cn/search/index.html', 'search'],
    ['http://x.gov.cn/list.html?keyword=abc', 'search'],
    ['http://x.gov.cn/s?q=abc', 'search'],
    ['http://x.gov.cn/user/logout.do', 'logout'],
    ['http://x.gov.cn/zwgk/index.html', undefined],
  ])('%s', (url, why) => {
    expect(neverFollow(url)).toBe(why);
  });

  test('attachment extensions', () => {
    expect(attachmentExt('http://x.gov.cn/a/b.PDF')).toBe('pdf');
    expect(attachmentExt('http://x.gov.cn/a/b.ofd?x=1')).toBe('ofd');
    expect(attachmentExt('http://x.gov.cn/a/b.html')).toBeUndefined();
  });
});

describe('traps', () => {
  test('long URLs and repeated segments', () => {
    const t = new TrapDetector();
    expect(t.check(`http://x.gov.cn/${'a'.repeat(2100)}`)).toBe('long-url');
    expect(t.check('http://x.gov.cn/a/b/a/b/c.html')).toBe('repeated-segments');
    expect(t.check('http://x.gov.cn/x/x/x/y.html')).toBe('repeated-segments');
    expect(t.check('http://x.gov.cn/news/news/1.html')).toBeUndefined();
    expect(t.check('http://x.gov.cn/zwgk/tzgg/202602/t1.html')).toBeUndefined();
  });

  test('calendars', () => {
    const t = new TrapDetector();
    expect(t.check('http://x.gov.cn/calendar.jsp?date=2026-03-01')).toBe('calendar');
    const r = [];
    for (let d = 1; d <= 10; d++) r.push(t.check(`http://x.gov.cn/hd.jsp?day=2026-03-${String(d).padStart(2, '0')}`));
    expect(r.slice(0, 6).every((x) => x === undefined)).toBe(true);
    expect(r.slice(6).every((x) => x === 'calendar')).toBe(true);
  });

  test('exploding query values, but not ids or page numbers', () => {
    const t = new TrapDetector({ maxParamValues: 5 });
    const sort = [];
    for (let i = 0; i < 8; i++) sort.push(t.check(`http://x.gov.cn/list.jsp?sort=v${i}`));
    expect(sort.filter((x) => x === 'exploding-query')).toHaveLength(3);
    for (let i = 0; i < 20; i++) expect(t.check(`http://x.gov.cn/art.jsp?id=${i}`)).toBeUndefined();
    for (let i = 0; i < 20; i++) expect(t.check(`http://x.gov.cn/list.jsp?pageNo=${i}`)).toBeUndefined();
    // A value already seen stays allowed.
    expect(t.check('http://x.gov.cn/list.jsp?sort=v1')).toBeUndefined();
  });
});

describe('Frontier', () => {
  test('dedup, priority lane first, budgets per kind', () => {
    const f = new Frontier({ maxPages: 2, maxAttachments: 1, maxDetailPages: 5, maxPaginationPages: 5 });
    expect(f.push({ url: 'http://x/a', kind: 'page', depth: 1 })).toBe(true);
    expect(f.push({ url: 'https://x/a', kind: 'page', depth: 1 })).toBe(false);
    f.push({ url: 'http://x/b', kind: 'page', depth: 1 });
    f.push({ url: 'http://x/c', kind: 'page', depth: 1 });
    f.push({ url: 'http://x/f.pdf', kind: 'attachment', depth: 1 });
    f.push({ url: 'http://x/g.pdf', kind: 'attachment', depth: 1 });
    f.push({ url: 'http://x/list_1', kind: 'pagination', depth: 1 });
    const order = [];
    for (let t = f.next(); t; t = f.next()) order.push(t.url);
    expect(order).toEqual(['http://x/list_1', 'http://x/a', 'http://x/b', 'http://x/f.pdf']);
    expect(f.refused).toMatchObject({ page: 1, attachment: 1 });
  });
});
