/**
 * A second look at a certificate that failed verification. OpenSSL reports one error per handshake (an expired
 * self-signed certificate comes back as just CERT_HAS_EXPIRED), while an audit should list every problem, so the
 * peer certificate is fetched once more without verification and checked here.
 */
import net from 'node:net';
import tls from 'node:tls';
import { tlsCertProblem, type TlsProblem } from './errors.js';
import { bareHost } from './ssrf.js';

export interface CertificateFacts {
  problems: TlsProblem[];
  subject?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
}

type Lookup = NonNullable<tls.ConnectionOptions['lookup']>;

export function inspectCertificate(
  url: URL,
  options: { lookup: Lookup; timeoutMs: number; ca?: string[]; now: number },
): Promise<CertificateFacts | undefined> {
  const host = bareHost(url.hostname);
  return new Promise((resolve) => {
    let settled = false;
    const socket = tls.connect({
      host,
      port: Number(url.port || 443),
      servername: net.isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      lookup: options.lookup,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    const done = (facts: CertificateFacts | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(facts);
    };
    const timer = setTimeout(() => done(undefined), options.timeoutMs);
    socket.once('error', () => done(undefined));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerX509Certificate();
      if (!cert) return done(undefined);
      const problems = new Set<TlsProblem>();
      const from = Date.parse(cert.validFrom);
      const to = Date.parse(cert.validTo);
      if (Number.isFinite(to) && options.now > to) problems.add('expired');
      if (Number.isFinite(from) && options.now < from) problems.add('not-yet-valid');
      if (cert.checkIssued(cert) && cert.verify(cert.publicKey)) problems.add('self-signed');
      const matches = net.isIP(host) ? cert.checkIP(host) : cert.checkHost(host);
      if (!matches) problems.add('hostname-mismatch');
      const authError = socket.authorizationError;
      const code = typeof authError === 'string' ? authError : (authError as { code?: string } | undefined)?.code;
      const classified = code ? tlsCertProblem({ code }) : undefined;
      if (classified) problems.add(classified.problem);
      done({ problems: [...problems], subject: cert.subject, issuer: cert.issuer, validFrom: cert.validFrom, validTo: cert.validTo });
    });
  });
}
