import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/fetch/index.js';
import { guardedLookup, isAddressBlocked, parseAllowList, urlShapeProblem } from '../../src/fetch/ssrf.js';

describe('isPrivateAddress', () => {
  it('blocks every non-public range', () => {
    for (const ip of [
      '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
      '169.254.1.1', '100.64.0.1', '100.127.255.254', '0.0.0.0', '255.255.255.255', '224.0.0.1', '::1', '::',
      'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '[::1]', 'not-an-ip',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
  });
  it('lets public unicast through', () => {
    for (const ip of ['8.8.8.8', '202.108.22.5', '172.32.0.1', '100.128.0.1', '2400:da00::6666', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });
});

describe('address policy', () => {
  it('exempts allow-listed ranges only', () => {
    const policy = { allowPrivate: false, allow: parseAllowList(['127.0.0.1', '10.8.0.0/16']) };
    expect(isAddressBlocked('127.0.0.1', policy)).toBe(false);
    expect(isAddressBlocked('127.0.0.2', policy)).toBe(true);
    expect(isAddressBlocked('10.8.3.4', policy)).toBe(false);
    expect(isAddressBlocked('10.9.0.1', policy)).toBe(true);
    expect(isAddressBlocked('8.8.8.8', policy)).toBe(false);
    expect(isAddressBlocked('10.9.0.1', { allowPrivate: true, allow: [] })).toBe(false);
  });

  it('refuses non-http schemes and credentials', () => {
    expect(urlShapeProblem(new URL('file:///etc/passwd'))).toMatch(/scheme/);
    expect(urlShapeProblem(new URL('ftp://x.gov.cn/'))).toMatch(/scheme/);
    expect(urlShapeProblem(new URL('http://user:pw@x.gov.cn/'))).toMatch(/credentials/);
    expect(urlShapeProblem(new URL('https://www.gov.cn/'))).toBeUndefined();
  });
});

describe('guardedLookup', () => {
  const policy = { allowPrivate: false, allow: [] };
  const call = (addresses: string[], options: object) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) => {
      guardedLookup(async () => addresses, policy)('h.test', options as never, (err, address, family) => resolve({ err, address, family }));
    });

  it('refuses at connect time when any address is private', async () => {
    const r = await call(['8.8.8.8', '10.0.0.1'], { all: true });
    expect(r.err?.code).toBe('ESSRF_BLOCKED');
  });
  it('answers in both callback shapes', async () => {
    expect((await call(['8.8.8.8'], { all: true })).address).toEqual([{ address: '8.8.8.8', family: 4 }]);
    const single = await call(['2400:da00::6666', '8.8.8.8'], { family: 4 });
    expect(single.address).toBe('8.8.8.8');
    expect(single.family).toBe(4);
  });
});
