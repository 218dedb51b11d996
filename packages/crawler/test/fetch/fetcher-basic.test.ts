import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBehaviourServer, type BehaviourServer } from '../../../../fixtures/server/index.mjs';
import { DEFAULT_USER_AGENT, type Fetcher } from '../../src/fetch/index.js';
import { ofType, testFetcher } from './helpers.js';

let server: BehaviourServer;
let fetcher: Fetcher | undefined;
beforeAll(async () => {
  server = await startBehaviourServer({ crawlDelaySec: 0 });
});
afterAll(() => server.close());
afterEach(async () => {
  await fetcher?.close();
  fetcher = undefined;
});

function setup(extra = {}) {
  const t = testFetcher({ obeyRobots: false, ...extra });
  fetcher = t.fetcher;
  return t;
}

describe('fetch basics', () => {
  it('sends a clear User-Agent with a contact URL and returns decoded HTML', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/echo` });
    const echoed = JSON.parse(r.text ?? '{}');
    expect(echoed.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^gongkai\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/gongkai-project\/gongkai\)$/);
    const page = await fetcher.fetch({ url: `${server.url}/ok` });
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html');
    expect(page.encoding).toBe('utf-8');
    expect(page.text).toContain('政府信息公开');
    expect(page.timing.totalMs).toBeGreaterThanOrEqual(0);
    expect(page.error).toBeUndefined();
  });

  it('lets the user agent be configured', async () => {
    const { fetcher } = setup({ userAgent: 'audit-bot/1.0 (+mailto:ops@example.org)' });
    const r = await fetcher.fetch({ url: `${server.url}/echo` });
    expect(JSON.parse(r.text!).headers['user-agent']).toBe('audit-bot/1.0 (+mailto:ops@example.org)');
  });

  it('sends POST bodies as a form (Hanweb dataproxy style) and turns a 303 into a GET', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/echo`, method: 'POST', body: 'col=1&webid=2&columnid=3' });
    const echoed = JSON.parse(r.text!);
    expect(echoed.method).toBe('POST');
    expect(echoed.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(echoed.headers['content-length']).toBe('24');
    const after = await fetcher.fetch({
      url: `${server.url}/redirect/to?status=303&location=${encodeURIComponent('/echo')}`,
      method: 'POST',
      body: 'a=1',
    });
    expect(JSON.parse(after.text!).method).toBe('GET');
  });

  it('decompresses gzip bodies', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/gzip` });
    expect(r.text).toContain('年度报告');
  });

  it('refuses a gzip bomb by its inflated size', async () => {
    const { fetcher, events } = setup({ maxBodyBytes: 1024 * 1024 });
    const r = await fetcher.fetch({ url: `${server.url}/gzip-bomb` });
    expect(r.error?.code).toBe('too-large');
    expect(ofType(events, 'body-too-large')).toHaveLength(1);
  });

  it('returns bad-url for garbage without throwing', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: 'http://[not a url' });
    expect(r.error?.code).toBe('bad-url');
    expect(r.status).toBe(0);
  });
});

describe('redirects', () => {
  it('follows a 3-hop chain and records it', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/redirect/chain/3` });
    expect(r.status).toBe(200);
    expect(r.finalUrl).toBe(`${server.url}/redirect/chain/0`);
    expect(r.redirects).toEqual([
      { url: `${server.url}/redirect/chain/3`, status: 302 },
      { url: `${server.url}/redirect/chain/2`, status: 302 },
      { url: `${server.url}/redirect/chain/1`, status: 302 },
    ]);
  });

  it('detects a loop', async () => {
    const { fetcher, events } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/redirect/loop/a` });
    expect(r.error?.code).toBe('redirect-loop');
    expect(r.redirects.map((h) => h.status)).toEqual([302, 301]);
    expect(ofType(events, 'redirect-loop')).toHaveLength(1);
    const self = await fetcher.fetch({ url: `${server.url}/redirect/self` });
    expect(self.error?.code).toBe('redirect-loop');
  });

  it('is not fooled into a loop by a set-cookie-and-reload redirect', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/redirect/cookie` });
    expect(r.status).toBe(200);
    expect(r.text).toContain('session ok');
    expect(r.redirects).toHaveLength(1);
  });

  it('caps the chain at maxRedirects', async () => {
    const { fetcher, events } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/redirect/too-many` });
    expect(r.error?.code).toBe('too-many-redirects');
    expect(r.redirects).toHaveLength(11);
    expect(ofType(events, 'too-many-redirects')).toHaveLength(1);
    const { fetcher: strict } = testFetcher({ obeyRobots: false, maxRedirects: 2 });
    const short = await strict.fetch({ url: `${server.url}/redirect/chain/3` });
    await strict.close();
    expect(short.error?.code).toBe('too-many-redirects');
  });

  it('checks every hop against the SSRF guard', async () => {
    const { fetcher, events } = setup({ allowPrivate: false, allowAddresses: ['127.0.0.1'] });
    const ok = await fetcher.fetch({ url: `${server.url}/redirect/chain/1` });
    expect(ok.status).toBe(200);
    for (const target of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[::1]:8080/', 'file:///etc/passwd']) {
      const r = await fetcher.fetch({ url: `${server.url}/redirect/to?location=${encodeURIComponent(target)}` });
      expect(r.error?.code, target).toBe('ssrf-blocked');
      expect(r.redirects).toHaveLength(1);
    }
    expect(ofType(events, 'ssrf-blocked')).toHaveLength(4);
  });
});

describe('charsets through the fetcher', () => {
  it('decodes a page whose header says utf-8 but whose bytes are GBK, and reports the mismatch', async () => {
    const { fetcher, events } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/charset/lying` });
    expect(r.text).toContain('政府信息公开工作年度报告');
    expect(r.encoding).toBe('gb18030');
    expect(r.encodingMismatch).toBe(true);
    const ev = ofType(events, 'encoding-mismatch');
    expect(ev).toHaveLength(1);
    expect(ev[0].detail).toMatchObject({ declared: 'utf-8', actual: 'gb18030' });
  });

  it('reads <meta charset=gb2312>, http-equiv GBK (with a 4-byte char) and undeclared GBK', async () => {
    const { fetcher, events } = setup();
    const meta = await fetcher.fetch({ url: `${server.url}/charset/meta-gb2312` });
    expect(meta.text).toContain('<title>信息公开指南</title>');
    const equiv = await fetcher.fetch({ url: `${server.url}/charset/http-equiv-gbk` });
    expect(equiv.text).toContain('信息公开目录');
    expect(equiv.text).toContain('\u{20000}');
    const none = await fetcher.fetch({ url: `${server.url}/charset/none-gbk` });
    expect(none.contentType).toBe('text/html');
    expect(none.text).toContain('通知公告');
    const bom = await fetcher.fetch({ url: `${server.url}/charset/bom-utf8` });
    expect(bom.encoding).toBe('utf-8');
    expect(bom.text).toContain('政府信息公开');
    expect(ofType(events, 'encoding-mismatch')).toHaveLength(0);
  });
});

describe('content types', () => {
  it('sniffs PDFs with a missing or wrong Content-Type and leaves them undecoded', async () => {
    const { fetcher } = setup();
    for (const path of ['/pdf/no-type', '/pdf/as-html', '/pdf/octet']) {
      const r = await fetcher.fetch({ url: `${server.url}${path}` });
      expect(r.contentType, path).toBe('application/pdf');
      expect(r.text, path).toBeUndefined();
      expect(Buffer.from(r.body.subarray(0, 4)).toString('latin1')).toBe('%PDF');
    }
  });

  it('sees JSON served as text/html', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/json-as-html` });
    expect(r.contentType).toBe('application/json');
    expect(JSON.parse(r.text!).total).toBe(2);
  });

  it('passes a soft 404 through as a 200 with its text (detection is the extractor\'s job)', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/soft-404` });
    expect(r.status).toBe(200);
    expect(r.text).toContain('页面不存在');
  });
});

describe('body cap', () => {
  it('aborts a 50 MB streamed body at the cap', async () => {
    const { fetcher, events } = setup({ maxBodyBytes: 1024 * 1024 });
    const before = server.stats.bigBytesSent;
    const r = await fetcher.fetch({ url: `${server.url}/big` });
    expect(r.error?.code).toBe('too-large');
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(0);
    const ev = ofType(events, 'body-too-large');
    expect(ev).toHaveLength(1);
    expect(ev[0].detail?.limit).toBe(1024 * 1024);
    // The server stopped well before 50 MB: the socket was torn down.
    await new Promise((r) => setTimeout(r, 50));
    expect(server.stats.bigBytesSent - before).toBeLessThan(30 * 1024 * 1024);
  });

  it('refuses a declared Content-Length above the cap without reading', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/big?length=1` });
    expect(r.error?.code).toBe('too-large');
  });

  it('defaults to 5 MB', async () => {
    const { fetcher } = setup();
    const small = await fetcher.fetch({ url: `${server.url}/big?size=${4 * 1024 * 1024}` });
    expect(small.error).toBeUndefined();
    expect(small.body.length).toBe(4 * 1024 * 1024);
    const big = await fetcher.fetch({ url: `${server.url}/big?size=${6 * 1024 * 1024}` });
    expect(big.error?.code).toBe('too-large');
  });
});

describe('attachment probes', () => {
  it('uses HEAD when the server allows it', async () => {
    const { fetcher } = setup();
    const start = server.requests.length;
    const r = await fetcher.fetch({ url: `${server.url}/attachment/ok.pdf`, probeOnly: true });
    expect(r.status).toBe(200);
    expect(r.contentType).toBe('application/pdf');
    expect(r.headers['content-length']).toBe(String(2 * 1024 * 1024));
    expect(server.requests.slice(start).map((q) => q.method)).toEqual(['HEAD']);
  });

  it('falls back to a 1 KiB ranged GET when HEAD is refused (405 and 501), never the whole file', async () => {
    const { fetcher } = setup();
    const before = server.stats.fullAttachmentDownloads;
    const start = server.requests.length;
    const pdf = await fetcher.fetch({ url: `${server.url}/attachment/no-head.pdf`, probeOnly: true });
    expect(pdf.status).toBe(206);
    expect(pdf.body.length).toBe(1024);
    expect(pdf.contentType).toBe('application/pdf');
    const doc = await fetcher.fetch({ url: `${server.url}/attachment/no-head-501.doc`, probeOnly: true });
    expect(doc.status).toBe(206);
    expect(doc.contentType).toBe('application/msword');
    const sent = server.requests.slice(start);
    expect(sent.map((q) => q.method)).toEqual(['HEAD', 'GET', 'HEAD', 'GET']);
    expect(sent[1].headers.range).toBe('bytes=0-1023');
    expect(server.stats.fullAttachmentDownloads).toBe(before);
  });

  it('stops at 1 KiB even if the server ignores Range', async () => {
    const { fetcher } = setup();
    const r = await fetcher.fetch({ url: `${server.url}/big?size=${3 * 1024 * 1024}`, probeOnly: true });
    // /big answers HEAD with a 200 and no body; a probe never reads more than a KiB either way.
    expect(r.body.length).toBeLessThanOrEqual(1024);
    expect(r.error).toBeUndefined();
  });
});
