/**
 * SSRF guard. The auditor may run as a service where users submit URLs, so it must never be turned into a probe of
 * the network it runs in: only http(s), no credentials in URLs, and no address outside public unicast — checked
 * after DNS resolution, again when the socket connects (so DNS rebinding cannot slip past the first check), and
 * at every redirect hop.
 */
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/** Resolves a hostname to all its addresses (tests inject a fake; the default is the OS resolver). */
export type HostResolver = (hostname: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (hostname) => {
  const records = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return records.map((r) => r.address);
};

/** Everything except public unicast: loopback, RFC 1918, link-local (incl. 169.254.169.254), CGNAT, ULA … */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return true;
  let ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() !== 'unicast';
}

/** Parses `10.0.0.0/8`-style entries (a bare address means that one host). */
export function parseAllowList(entries: readonly string[] | undefined): [ipaddr.IPv4 | ipaddr.IPv6, number][] {
  return (entries ?? []).map((entry) => {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    const ip = ipaddr.parse(entry);
    return [ip, ip.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
  });
}

export interface AddressPolicy {
  allowPrivate: boolean;
  allow: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export function isAddressBlocked(address: string, policy: AddressPolicy): boolean {
  if (policy.allowPrivate) return false;
  if (!isPrivateAddress(address)) return false;
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  let ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return !policy.allow.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
}

/** Why a URL is refused before any resolution, or undefined when its shape is acceptable. */
export function urlShapeProblem(url: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme ${url.protocol} is not allowed`;
  if (url.username || url.password) return 'URLs with credentials are not allowed';
  return undefined;
}

export class SsrfError extends Error {
  readonly code = 'ESSRF_BLOCKED';
  constructor(
    message: string,
    readonly address?: string,
  ) {
    super(message);
    this.name = 'SsrfError';
  }
}

/** Strips the brackets of an IPv6 literal host. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect (undici forwards its `connect` options there) that refuses blocked addresses
 * at connect time. Node 20 calls it with `all: true` when autoSelectFamily is on, so both shapes are served.
 */
export function guardedLookup(resolve: HostResolver, policy: AddressPolicy) {
  return (hostname: string, options: dns.LookupOptions | number | LookupCallback, maybeCallback?: LookupCallback): void => {
    const callback = (typeof options === 'function' ? options : maybeCallback) as LookupCallback;
    const opts: dns.LookupOptions = typeof options === 'object' && options !== null ? options : {};
    resolve(hostname).then(
      (addresses) => {
        const family = opts.family === 4 || opts.family === 'IPv4' ? 4 : opts.family === 6 || opts.family === 'IPv6' ? 6 : 0;
        const usable = addresses.filter((a) => family === 0 || net.isIP(a) === family);
        if (usable.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          err.code = 'ENOTFOUND';
          callback(err, '');
          return;
        }
        const blocked = usable.find((a) => isAddressBlocked(a, policy));
        if (blocked) {
          callback(new SsrfError(`${hostname} resolves to non-public address ${blocked}`, blocked), '');
          return;
        }
        if (opts.all) callback(null, usable.map((a) => ({ address: a, family: net.isIP(a) })));
        else callback(null, usable[0], net.isIP(usable[0]));
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
