import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../src/analysis/index.js';
import { readMessage } from '../../src/analysis/interaction.js';
import { AS_OF, ORIGIN, fixtureSnapshot, freshHome, page, snapshot } from './site-fixtures.js';

const channel = { url: `${ORIGIN}/ldxx/`, name: '领导信箱' };

describe('consultation letters', () => {
  it('finds the clean site’s 局长信箱 and reads every letter from its detail page', async () => {
    const a = analyzeSite(await fixtureSnapshot('clean'), { asOf: AS_OF });
    expect(a.interaction.required).toBe(true);
    expect(a.interaction.channels.map((c) => c.name)).toEqual(['局长信箱']);
    const byAsked = Object.fromEntries(a.interaction.messages.map((m) => [m.asked, m]));
    expect(Object.keys(byAsked).sort()).toEqual(['2025-10-10', '2026-01-09', '2026-04-18', '2026-08-05', '2026-10-20', '2026-11-16']);
    expect(byAsked['2026-10-20']).toMatchObject({ answered: '2026-10-28', status: 'answered', askedSource: 'detail', detail: true });
    expect(byAsked['2026-11-16']).toMatchObject({ status: 'pending', statusText: '办理中' });
    expect(byAsked['2026-11-16'].answered).toBeUndefined();
  });
  it('reads the "标签：值" form and an empty reply as pending', async () => {
    const a = analyzeSite(await fixtureSnapshot('unanswered'), { asOf: AS_OF });
    const m = a.interaction.messages.find((x) => x.asked === '2026-06-10')!;
    expect(m).toMatchObject({ status: 'pending', askedSource: 'detail' });
    const detail = page('/ldxx/1.html', { mainText: '关于噪声的投诉 来信时间：2026-05-02 信件内容：夜间噪声扰民 回复单位： 回复时间： 回复内容：' });
    expect(readMessage({ title: '关于噪声的投诉', url: detail.url }, detail, channel)).toMatchObject({ asked: '2026-05-02', status: 'pending', detail: true });
    const answered = page('/ldxx/2.html', { mainText: '写信时间 2026-05-02 回复内容 您好，已转城管部门处理。' });
    expect(readMessage({ title: '咨询', url: answered.url }, answered, channel)).toMatchObject({ status: 'answered' });
    const unknown = page('/ldxx/3.html', { mainText: '来信时间：2026-05-02 信件内容：请问办事时间' });
    expect(readMessage({ title: '咨询', url: unknown.url }, unknown, channel).status).toBeUndefined();
  });
  it('falls back to the list row: its date and a status in the title', () => {
    const m = readMessage({ title: '【未回复】关于公交站台设置的建议', url: `${ORIGIN}/ldxx/9.html`, date: '2026-02-01', dateSource: 'markup' }, undefined, channel);
    expect(m).toMatchObject({ asked: '2026-02-01', askedSource: 'list', status: 'pending', statusText: '未回复', detail: false });
    const urlDate = readMessage({ title: '关于公交站台设置的建议', url: `${ORIGIN}/ldxx/202602/t20260201_9.html`, date: '2026-02-01', dateSource: 'url' }, undefined, channel);
    expect(urlDate.asked).toBeUndefined();
  });
  it('falls back to the row’s 留言时间 / 回复时间 / 状态 columns when the letter page was not read', () => {
    const header = ['留言时间', '回复时间', '状态'];
    const url = `${ORIGIN}/ldxx/9.html`;
    const row = (cells: string[]) => ({ title: '关于公交站台设置的建议', url, date: cells[0], dateSource: 'markup' as const, cells });
    expect(readMessage(row(['2026-02-01', '2026-02-20', '已回复']), undefined, channel, header)).toMatchObject({
      asked: '2026-02-01', askedSource: 'list', answered: '2026-02-20', answeredSource: 'list', status: 'answered', statusText: '已回复', detail: false,
    });
    const pending = readMessage(row(['2026-02-01', '', '办理中']), undefined, channel, header);
    expect(pending).toMatchObject({ status: 'pending', statusText: '办理中' });
    expect(pending.answered).toBeUndefined();
    // Without a 状态 column an empty 回复时间 shows the letter is unanswered; full-width dates are read too.
    expect(readMessage(row(['２０２６年２月１日', '']), undefined, channel, ['来信日期', '答复时间'])).toMatchObject({ asked: '2026-02-01', status: 'pending' });
    // No header: only a cell that is a status word can be read.
    const bare = readMessage(row(['2026-02-01', '2026-02-03', '未回复']), undefined, channel);
    expect(bare).toMatchObject({ status: 'pending', statusText: '未回复', asked: '2026-02-01' });
    expect(bare.answered).toBeUndefined();
    // A fetched letter page is the evidence; the row does not override it.
    const detail = page('/ldxx/9.html', { fields: { 来信时间: '2026-02-01 10:00', 回复时间: '', 回复内容: '' }, mainText: '来信时间 2026-02-01 10:00 回复时间 回复内容 相关链接' });
    expect(readMessage(row(['2026-02-01', '2026-02-20', '已回复']), detail, channel, header)).toMatchObject({ detail: true, status: 'pending' });
  });
  it('counts a link to another host as a channel, and a 纪委 mailbox as one (the rule filters it)', async () => {
    const s = snapshot([freshHome({ links: [{ url: 'https://hd.example.gov.cn/mailbox?dept=12', text: '局长信箱', area: 'nav' }] })]);
    const a = analyzeSite(s, { asOf: AS_OF });
    expect(a.interaction.channels).toMatchObject([{ url: 'https://hd.example.gov.cn/mailbox?dept=12', reachable: null, messages: 0 }]);
    const n = analyzeSite(await fixtureSnapshot('noChannel'), { asOf: AS_OF });
    expect(n.interaction.channels.map((c) => c.name)).toEqual(['纪委书记信箱']);
  });
});

describe('双公示 records without a decision date', () => {
  it('are found by their fields, typed by their labels, and left out of the 7-day check', async () => {
    const a = analyzeSite(await fixtureSnapshot('dualFields'), { asOf: AS_OF });
    const undated = a.dualPublicity.records.filter((r) => !r.decisionDate);
    expect(undated).toHaveLength(1);
    expect(undated[0]).toMatchObject({ type: 'licensing', documentNumber: '某环许〔2026〕121号', published: '2026-11-12' });
    expect(a.dualPublicity.records).toHaveLength(7);
  });
  it('are not made up from pages that only talk about 双公示', () => {
    const s = snapshot([
      freshHome(),
      page('/sgs/zd.html', { title: '某市生态环境局行政处罚自由裁量基准', mainText: '违法行为 处罚依据：《中华人民共和国大气污染防治法》 处罚内容：罚款 行政相对人名称：' }),
    ]);
    expect(analyzeSite(s, { asOf: AS_OF }).dualPublicity.records).toEqual([]);
  });
});
