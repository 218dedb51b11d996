import { describe, expect, it } from 'vitest';
import { startTlsServer, type TestCertificate } from '../../../../fixtures/server/index.mjs';
import { ofType, testFetcher } from './helpers.js';

async function against(certificate: TestCertificate, extra: { strictTls?: boolean; trustCa?: boolean } = {}) {
  const server = await startTlsServer({ certificate });
  const t = testFetcher({ strictTls: extra.strictTls, ca: extra.trustCa ? server.ca : undefined });
  try {
    const first = await t.fetcher.fetch({ url: `${server.url}/` });
    const second = await t.fetcher.fetch({ url: `${server.url}/again` });
    return { first, second, events: t.events, requests: server.requests };
  } finally {
    await t.fetcher.close();
    await server.close();
  }
}

describe('TLS problems', () => {
  it('classifies an expired self-signed certificate, reports it once, and still fetches the content', async () => {
    const { first, second, events } = await against('expired-self-signed');
    const tlsEvents = ofType(events, 'tls-error');
    expect(tlsEvents).toHaveLength(1);
    // The handshake reports one error; the second look lists both.
    expect(tlsEvents[0].detail).toMatchObject({ problem: 'expired', code: 'CERT_HAS_EXPIRED' });
    expect(tlsEvents[0].detail?.problems).toEqual(expect.arrayContaining(['expired', 'self-signed']));
    expect(tlsEvents[0].detail?.problems).not.toContain('hostname-mismatch');
    expect(first.status).toBe(200);
    expect(first.text).toContain('政府信息公开');
    expect(first.tlsProblem?.problems).toEqual(expect.arrayContaining(['expired', 'self-signed']));
    expect(second.status).toBe(200);
  });

  it('classifies an expired certificate from a trusted CA', async () => {
    const { first, events } = await against('expired', { trustCa: true });
    expect(ofType(events, 'tls-error')[0].detail).toMatchObject({ problem: 'expired', code: 'CERT_HAS_EXPIRED', problems: ['expired'] });
    expect(first.status).toBe(200);
  });

  it('classifies a hostname mismatch', async () => {
    const { first, events } = await against('wrong-host', { trustCa: true });
    expect(ofType(events, 'tls-error')[0].detail).toMatchObject({ problem: 'hostname-mismatch', code: 'ERR_TLS_CERT_ALTNAME_INVALID', problems: ['hostname-mismatch'] });
    expect(first.status).toBe(200);
  });

  it('classifies a missing intermediate as an incomplete chain', async () => {
    const { first, events } = await against('incomplete-chain', { trustCa: true });
    expect(ofType(events, 'tls-error')[0].detail).toMatchObject({ problem: 'incomplete-chain', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(first.status).toBe(200);
  });

  it('classifies a plain self-signed certificate', async () => {
    const { first, events } = await against('self-signed');
    expect(ofType(events, 'tls-error')[0].detail).toMatchObject({ problem: 'self-signed', code: 'DEPTH_ZERO_SELF_SIGNED_CERT', problems: ['self-signed'] });
    expect(first.status).toBe(200);
  });

  it('accepts a valid certificate from a trusted CA without any finding', async () => {
    const { first, events } = await against('valid', { trustCa: true });
    expect(ofType(events, 'tls-error')).toHaveLength(0);
    expect(first.status).toBe(200);
    expect(first.tlsProblem).toBeUndefined();
  });

  it('with strictTls and robots off, the page itself fails with tls, and the origin is not asked again', async () => {
    const server = await startTlsServer({ certificate: 'expired' });
    const t = testFetcher({ strictTls: true, obeyRobots: false });
    try {
      const a = await t.fetcher.fetch({ url: `${server.url}/a` });
      const b = await t.fetcher.fetch({ url: `${server.url}/b` });
      expect(a.error?.code).toBe('tls');
      expect(b.error?.code).toBe('tls');
      expect(ofType(t.events, 'tls-error')).toHaveLength(1);
      expect(server.requests).toHaveLength(0);
    } finally {
      await t.fetcher.close();
      await server.close();
    }
  });

  it('with strictTls, fails with error tls and does not fetch the content', async () => {
    const { first, events, requests } = await against('expired-self-signed', { strictTls: true });
    expect(first.error?.code).toBe('tls');
    expect(first.status).toBe(0);
    expect(ofType(events, 'tls-error')).toHaveLength(1);
    expect(ofType(events, 'tls-error')[0].detail).toMatchObject({ strict: true });
    expect(requests.filter((r) => r.url !== '/robots.txt')).toHaveLength(0);
  });
});
