import { describe, expect, it } from 'vitest';
import { analyzeSite, defaultColumns, isAnnualReportTitle, auditSnapshot } from '../../src/analysis/index.js';
import { AS_OF, ORIGIN, fixtureSnapshot, freshHome, page, snapshot } from './site-fixtures.js';

const col = (a: ReturnType<typeof analyzeSite>, id: string) => a.columns.find((c) => c.id === id)!;

describe('analyzeSite on the clean fixture', () => {
  it('finds every required department column, fresh and non-empty', async () => {
    const a = analyzeSite(await fixtureSnapshot('clean'), { asOf: AS_OF, level: 'department' });
    expect(a.home.reachable).toBe(true);
    expect(a.home.stale).toBe(false);
    const required = a.columns.filter((c) => c.required);
    expect(required.map((c) => c.id).sort()).toEqual(
      defaultColumns.filter((c) => c.requiredFor?.includes('department')).map((c) => c.id).sort(),
    );
    for (const c of required) {
      expect(c.found, c.id).toBe(true);
      expect(c.reachable, c.id).toBe(true);
      expect(c.empty, c.id).toBe(false);
      expect(c.stale, c.id).not.toBe(true);
    }
    expect(col(a, 'news')).toMatchObject({ itemCount: 7, newest: { date: '2026-11-18', dateSource: 'markup' }, location: { how: 'column-meta' } });
    expect(col(a, 'news').location!.url).toMatch(/\/gzdt\/$/);
    expect(col(a, 'notices').newest!.date).toBe('2026-11-10');
  });

  it('exposes the latest annual report with its URL and publication date', async () => {
    const a = analyzeSite(await fixtureSnapshot('clean'), { asOf: AS_OF });
    expect(a.annualReport.latest).toMatchObject({ year: 2025, published: '2026-01-20' });
    expect(a.annualReport.latest!.url).toMatch(/t20260120_\d+\.html$/);
    expect(a.annualReport.reports.map((r) => r.year)).toEqual([2025, 2024]);
  });

  it('classifies budget items and reads 双公示 decision and publication dates', async () => {
    const a = analyzeSite(await fixtureSnapshot('clean'), { asOf: AS_OF });
    const kinds = a.budget.items.map((b) => `${b.type}:${b.year}:${b.threePublic}`).sort();
    expect(kinds).toEqual(['budget:2025:false', 'budget:2026:false', 'final:2025:true']);
    const recs = a.dualPublicity.records.map((r) => `${r.type}:${r.decisionDate}:${r.published}`).sort();
    expect(recs).toEqual(['licensing:2026-11-02:2026-11-06', 'penalty:2026-10-09:2026-10-16']);
    expect(a.brokenLinks).toEqual([]);
  });
});

describe('analyzeSite on CMS-specific fixtures', () => {
  it('gbk-hanweb: counts datastore and dataproxy records, with dates, from GBK pages', async () => {
    const snap = await fixtureSnapshot('gbkHanweb');
    const a = analyzeSite(snap, { asOf: AS_OF });
    const news = col(a, 'news');
    expect(news.location!.url).toMatch(/\/col\/col\d+\/index\.html$/);
    expect(news.declaredTotal).toBe(10);
    expect(news.itemCount).toBe(10);
    expect(news.pages.some((u) => u.includes('dataproxy.jsp'))).toBe(true);
    expect(news.newest!.date).toBe('2026-11-18');
    expect(col(a, 'annual-reports').items.some((i) => i.title.includes('政府信息公开工作年度报告'))).toBe(true);
  });

  it('trs-stale: follows createPageHTML pages, finds stale and empty columns and a discovered undated column', async () => {
    const a = analyzeSite(await fixtureSnapshot('trsStale'), { asOf: AS_OF });
    const news = col(a, 'news');
    expect(news.itemCount).toBe(12);
    expect(news.pages.length).toBe(3);
    expect(news).toMatchObject({ stale: true, staleReason: 'old', newest: { date: '2026-08-20' }, cutoff: '2026-11-06' });
    expect(col(a, 'notices')).toMatchObject({ stale: true, cutoff: '2026-05-20' });
    expect(col(a, 'plans')).toMatchObject({ found: true, empty: true });
    const town = a.otherColumns.find((c) => c.name === '乡镇动态')!;
    expect(town).toMatchObject({ discovered: true, kind: 'dynamic', stale: true, staleReason: 'undated', undatedCount: 4 });
    // The URL says 2026-11-15, but a date only in the URL is not a visible publication date.
    expect(town.newestAny).toMatchObject({ date: '2026-11-15', dateSource: 'url' });
    const lenient = analyzeSite(await fixtureSnapshot('trsStale'), { asOf: AS_OF, urlDatesAreVisible: true });
    expect(lenient.otherColumns.find((c) => c.name === '乡镇动态')!.stale).toBe(false);
  });

  it('variants: finds columns by unusual names through links alone', async () => {
    const a = analyzeSite(await fixtureSnapshot('variants'), { asOf: AS_OF });
    for (const [id, text] of [
      ['policy-interpretation', '解读回应'],
      ['budget', '预决算公开'],
      ['dual-publicity', '信用信息双公示'],
      ['annual-reports', '年报'],
      ['news', '政务动态'],
      ['notices', '公示公告'],
      ['disclosure-guide', '公开指南'],
    ] as const) {
      expect(col(a, id).found, id).toBe(true);
      expect(col(a, id).location!.text, id).toBe(text);
      expect(col(a, id).location!.how, id).not.toBe('column-meta');
    }
    expect(col(a, 'notices').location!.url).not.toBe(col(a, 'dual-publicity').location!.url);
  });

  it('broken-links: lists dead pages and attachments with the page that links to them', async () => {
    const a = analyzeSite(await fixtureSnapshot('brokenLinks'), { asOf: AS_OF });
    const byPath = Object.fromEntries(a.brokenLinks.map((b) => [new URL(b.url).pathname, b]));
    expect(byPath['/gzdt/202609/t20260920_9001.html']).toMatchObject({ status: 404, attachment: false });
    expect(byPath['/gzdt/202609/t20260920_9001.html'].from[0]).toMatch(/\/gzdt\/$/);
    expect(byPath['/uploads/2026/11/zdpwdw.pdf']).toMatchObject({ status: 404, attachment: true });
    expect(byPath['/sjcx/index.jsp']).toMatchObject({ status: 500 });
  });
});

describe('analyzeSite on hand-built snapshots', () => {
  it('reports an unreachable home page with the reason', () => {
    const s = snapshot([page('/', { status: 0, depth: 0, error: { code: 'timeout-connect', message: 'connect timeout' } })]);
    const a = analyzeSite(s, { asOf: AS_OF });
    expect(a.home).toMatchObject({ reachable: false, reason: 'network', error: { code: 'timeout-connect' } });
    expect(analyzeSite(snapshot([]), { asOf: AS_OF }).home).toMatchObject({ reachable: false, reason: 'no-page' });
    const soft = snapshot([page('/', { depth: 0, softNotFound: true })]);
    expect(analyzeSite(soft, { asOf: AS_OF }).home.reason).toBe('soft-404');
  });

  it('ignores sidebar lists repeated on many pages when judging freshness', () => {
    const sidebar = { source: 'markup' as const, items: [{ title: '热点：全市环境质量持续改善', url: `${ORIGIN}/hot/1.html`, date: '2026-11-19', dateSource: 'markup' as const }] };
    const old = { source: 'markup' as const, items: [{ title: '通知一', url: `${ORIGIN}/tzgg/1.html`, date: '2025-01-05', dateSource: 'markup' as const }] };
    const s = snapshot([
      freshHome({ lists: [sidebar] }),
      page('/tzgg/', { meta: { ColumnName: '通知公告' }, lists: [old, sidebar] }),
      page('/a/', { lists: [sidebar] }),
      page('/b/', { lists: [sidebar] }),
    ]);
    const notices = col(analyzeSite(s, { asOf: AS_OF }), 'notices');
    expect(notices).toMatchObject({ itemCount: 1, stale: true, newest: { date: '2025-01-05' } });
  });

  it('prefers an exact name: 双公示 is not 通知公告 although it contains 公示', () => {
    const s = snapshot([freshHome({ links: [{ url: `${ORIGIN}/sgs/`, text: '双公示', area: 'nav' }] }), page('/sgs/', { lists: [] })]);
    const a = analyzeSite(s, { asOf: AS_OF });
    expect(col(a, 'dual-publicity').found).toBe(true);
    expect(col(a, 'notices').found).toBe(false);
  });

  it('uses the detail page date when the list shows none, and ignores future dates', () => {
    const s = snapshot([
      freshHome(),
      page('/gzdt/', {
        meta: { ColumnName: '工作动态' },
        lists: [{ source: 'markup', items: [{ title: '动态一', url: `${ORIGIN}/gzdt/1.html` }, { title: '动态二', url: `${ORIGIN}/gzdt/2.html`, date: '2027-01-01', dateSource: 'markup' }] }],
      }),
      page('/gzdt/1.html', { pageInfo: { 发布日期: '2026-11-16 10:20' } }),
    ]);
    const news = col(analyzeSite(s, { asOf: AS_OF }), 'news');
    expect(news.newest).toMatchObject({ date: '2026-11-16', dateSource: 'detail-text' });
    expect(news.stale).toBe(false);
  });

  it('reads month-only dates generously and honours configured windows and columns', () => {
    const s = snapshot([
      freshHome(),
      page('/tzgg/', { meta: { ColumnName: '公告公示' }, lists: [{ source: 'markup', items: [{ title: '公告', url: `${ORIGIN}/t/1.html`, date: '2026-08', dateSource: 'markup' }] }] }),
    ]);
    expect(col(analyzeSite(s, { asOf: AS_OF }), 'notices').stale).toBe(false);
    const strict = defaultColumns.map((c) => (c.id === 'notices' ? { ...c, freshness: '2w' } : c));
    expect(col(analyzeSite(s, { asOf: AS_OF, columns: strict }), 'notices').stale).toBe(true);
    expect(col(analyzeSite(s, { asOf: AS_OF, windows: { '6m': '1m' } }), 'notices').stale).toBe(true);
    expect(() => analyzeSite(s, { asOf: '2026/11/20' })).toThrow(/asOf/);
  });

  it('recognises annual report titles written in many ways', () => {
    expect(isAnnualReportTitle('某区人民政府二〇二五年政府信息公开工作年度报告')).toBe(true);
    expect(isAnnualReportTitle('2025年度政务公开年报')).toBe(true);
    expect(isAnnualReportTitle('关于报送2025年政府信息公开工作年度报告的通知')).toBe(false);
    expect(isAnnualReportTitle('政府信息公开工作年度报告')).toBe(false);
  });

  it('the subject caches one analysis per option set and takes columns from pack data', () => {
    const s = snapshot([freshHome()]);
    const subject = auditSnapshot(s);
    const settings = { asOf: AS_OF, agency: {}, data: { columns: defaultColumns.slice(0, 2) } };
    const a1 = subject.analysis(settings);
    expect(subject.analysis(settings)).toBe(a1);
    expect(a1.columns.map((c) => c.id)).toEqual(['disclosure-guide', 'disclosure-rules']);
    expect(subject.facts()).toEqual({ kind: 'site', level: 'department' });
    expect(() => auditSnapshot(s).analysis({ agency: {} })).toThrow(/asOf/);
  });
});
