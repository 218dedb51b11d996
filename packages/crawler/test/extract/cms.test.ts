import { describe, expect, test } from 'vitest';
import { dataproxyList, extractPage, gkmlptApiUrl, gkmlptList, inlineJsItems, trsPaging } from '../../src/extract/index.js';

const NOW = new Date('2026-10-01T00:00:00Z');

describe('Hanweb datastore', () => {
  const html = `<html><body><div class="bt-nav"><a href="/">首页</a></div>
<div id="212860"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid=33718&unitid=212860&webname=江苏省人民政府&permissiontype=0"></a>]]></nextgroup>
<recordset>
<record><![CDATA[<li><a href='/art/2026/9/11/art_33718_11828204.html' title='省政府关于某某事项的通知'>省政府关于某某事项的通知</a><span>2026-09-11</span></li>]]></record>
<record><![CDATA[<li><a title='省政府办公厅关于某某工作的意见' href='/art/2026/9/8/art_33718_11828100.html'>省政府办公厅关于...</a><i>2026-09-08</i></li>]]></record>
<record><![CDATA[<li><a href='/art/2026/9/1/art_33718_11828000.html'>无日期的一条记录标题</a></li>]]></record>
</recordset></datastore></script></div>
<script>var param_212860={columnid:33718,unitid:'212860'}; $('#212860').jpage({dataStore:dataStore,totalRecord:4895,perPage:19,proxyUrl:'/module/web/jpage/dataproxy.jsp'});</script>
</body></html>`;
  const ex = extractPage(html, 'https://www.jiangsu.gov.cn/col/col33718/index.html', { now: NOW });
  const list = ex.lists.find((l) => l.source === 'hanweb-datastore')!;

  test('records become items, title attribute before or after href', () => {
    expect(list.items.map((i) => [i.title, i.date, i.dateSource])).toEqual([
      ['省政府关于某某事项的通知', '2026-09-11', 'markup'],
      ['省政府办公厅关于某某工作的意见', '2026-09-08', 'markup'],
      ['无日期的一条记录标题', '2026-09-01', 'url'],
    ]);
    expect(list.items[0].url).toBe('https://www.jiangsu.gov.cn/art/2026/9/11/art_33718_11828204.html');
  });

  test('totalRecord/perPage from the jpage call, next groups via dataproxy', () => {
    expect(list.total).toBe(4895);
    expect(list.pages).toBe(Math.ceil(4895 / 19));
    const first = new URL(list.nextPages![0]);
    expect(first.pathname).toBe('/module/web/jpage/dataproxy.jsp');
    expect(first.searchParams.get('columnid')).toBe('33718');
    expect(first.searchParams.get('startrecord')).toBe('4');
    expect(first.searchParams.get('perpage')).toBe('19');
    const second = new URL(list.nextPages![1]);
    expect(Number(second.searchParams.get('startrecord'))).toBeGreaterThan(4);
  });

  test('dataproxy XML response', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>4895</totalrecord><totalpage>258</totalpage>
<recordset><record><![CDATA[<li><a href="/art/2026/8/30/art_33718_1.html">八月底的一条通知标题</a><span>2026-08-30</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2026/8/29/art_33718_2.html">另一条通知标题</a><span>2026-08-29</span></li>]]></record></recordset></datastore>`;
    const l = dataproxyList(xml, 'https://www.jiangsu.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4', { now: NOW });
    expect(l.source).toBe('hanweb-dataproxy');
    expect(l.total).toBe(4895);
    expect(l.pages).toBe(258);
    expect(l.items.map((i) => i.date)).toEqual(['2026-08-30', '2026-08-29']);
  });
});

describe('TRS', () => {
  const url = 'http://www.wuhan.gov.cn/zwgk/tzgg/index.shtml';

  test('createPageHTML(total, cur, prefix, ext)', () => {
    const p = trsPaging('createPageHTML(5, 0, "index", "shtml");', url)!;
    expect(p.pages).toBe(5);
    expect(p.nextPages).toEqual([1, 2, 3, 4].map((n) => `http://www.wuhan.gov.cn/zwgk/tzgg/index_${n}.shtml`));
  });

  test('on a later page only the following pages are next', () => {
    const p = trsPaging('createPageHTML(4, 2, "index", "html");', 'http://x.gov.cn/a/index_2.html')!;
    expect(p.nextPages).toEqual(['http://x.gov.cn/a/index_3.html']);
  });

  test('div-first variant with record total', () => {
    const p = trsPaging("createPageHTML('page_div',5,1,'fg','shtml',89);", url)!;
    expect(p).toMatchObject({ pages: 5, current: 0, total: 89 });
    expect(p.nextPages[0]).toBe('http://www.wuhan.gov.cn/zwgk/tzgg/fg_1.shtml');
    expect(p.nextPages).toHaveLength(4);
  });

  test('countPage variables', () => {
    const p = trsPaging('var currentPage = 0;\nvar countPage = 3;\ncreatePageHTML(countPage, currentPage, "index", "shtml");', url)!;
    expect(p.pages).toBe(3);
    expect(p.nextPages).toHaveLength(2);
    expect(trsPaging('var countPage = 2;\n', url)?.nextPages).toEqual(['http://www.wuhan.gov.cn/zwgk/tzgg/index_1.shtml']);
  });

  test('no paging script', () => {
    expect(trsPaging('var x = 1;', url)).toBeUndefined();
  });

  test('inline JS list', () => {
    const js = `
      var title = "关于2026年春节假期安排的通知";
      var url = "./202602/t20260214_2730572.shtml";
      document.write('<li><a href="' + url + '">' + title + '</a><span>');
      document.writeln("2026-02-14 17:32");
      document.write('</span></li>');
      var title = "某某市政府常务会议召开";
      var url = "./202602/t20260210_2730001.shtml";
      document.write('<li><a href="' + url + '">' + title + '</a><span>');
      document.writeln("2026-02-10 09:00");`;
    const items = inlineJsItems(js, url);
    expect(items).toEqual([
      { title: '关于2026年春节假期安排的通知', url: 'http://www.wuhan.gov.cn/zwgk/tzgg/202602/t20260214_2730572.shtml', date: '2026-02-14', dateSource: 'markup' },
      { title: '某某市政府常务会议召开', url: 'http://www.wuhan.gov.cn/zwgk/tzgg/202602/t20260210_2730001.shtml', date: '2026-02-10', dateSource: 'markup' },
    ]);
    const ex = extractPage(`<div class="list"><script>${js}</script></div><script>createPageHTML(7, 0, "index", "shtml");</script>`, url, { now: NOW });
    const list = ex.lists.find((l) => l.source === 'inline-js')!;
    expect(list.items).toHaveLength(2);
    expect(list.pages).toBe(7);
    expect(list.nextPages).toHaveLength(6);
  });

  test('a page declaring TRS paging takes its best title group even when mostly undated', () => {
    const html = `<ul><li><a href="./a1.html">县政府关于第三项工作的通知</a></li><li><a href="./a2.html">县政府关于第四项工作的通知</a></li></ul>
      <script>createPageHTML(6, 1, "index", "shtml");</script>`;
    const ex = extractPage(html, 'http://x.gov.cn/tzgg/index_1.shtml', { now: NOW });
    expect(ex.lists).toHaveLength(1);
    expect(ex.lists[0]).toMatchObject({ source: 'trs', pages: 6 });
    expect(ex.lists[0].items.map((i) => i.title)).toEqual(['县政府关于第三项工作的通知', '县政府关于第四项工作的通知']);
    // Without the paging script the same two undated links are not a list.
    expect(extractPage(html.replace(/<script>.*<\/script>/, ''), 'http://x.gov.cn/tzgg/index_1.shtml').lists).toEqual([]);
  });

  test('TRS page without any list still exposes paging', () => {
    const ex = extractPage('<script>createPageHTML(3, 0, "index", "shtml");</script>', url, { now: NOW });
    expect(ex.lists).toEqual([{ source: 'trs', items: [], pages: 3, nextPages: [
      'http://www.wuhan.gov.cn/zwgk/tzgg/index_1.shtml', 'http://www.wuhan.gov.cn/zwgk/tzgg/index_2.shtml',
    ] }]);
  });
});

describe('gkmlpt', () => {
  test('API URL from a hash-routed column page', () => {
    expect(gkmlptApiUrl('http://www.gd.gov.cn/gkmlpt/index#5', 2, '2')).toBe('http://www.gd.gov.cn/gkmlpt/api/all/5?page=2&sid=2');
    expect(gkmlptApiUrl('http://www.szlh.gov.cn/lhqkjhgyxxhj/gkmlpt/index#2811', 1)).toBe('http://www.szlh.gov.cn/lhqkjhgyxxhj/gkmlpt/api/all/2811?page=1');
    expect(gkmlptApiUrl('http://www.gd.gov.cn/gkmlpt/index', 1)).toBeUndefined();
  });

  test('JSON articles with unix and string dates', () => {
    const json = JSON.stringify({
      total: 45,
      articles: [
        { id: 1, title: '广东省某某办法', url: 'http://www.gd.gov.cn/gkmlpt/content/4/4123/post_4123456.html', display_publish_time: Date.UTC(2026, 1, 13, 20) / 1000 },
        { id: 2, title: '某某通知', post_url: '/gkmlpt/content/4/4123/post_4123457.html', created_at: '2026-02-01 09:00:00' },
        { id: 3, title: '', url: '/x' },
      ],
    });
    const l = gkmlptList(json, 'http://www.gd.gov.cn/gkmlpt/api/all/5?page=1&sid=2')!;
    expect(l.total).toBe(45);
    expect(l.pages).toBe(15); // page size taken from this page (3 articles)
    expect(l.items).toEqual([
      { title: '广东省某某办法', url: 'http://www.gd.gov.cn/gkmlpt/content/4/4123/post_4123456.html', date: '2026-02-14', dateSource: 'markup' },
      { title: '某某通知', url: 'http://www.gd.gov.cn/gkmlpt/content/4/4123/post_4123457.html', date: '2026-02-01', dateSource: 'markup' },
    ]);
    expect(gkmlptList('not json', 'http://x/')).toBeUndefined();
  });
});
