/** Mapping Node/undici failures to the fetcher's error codes, and TLS failures to audit findings. */
import type { FetchErrorCode } from './types.js';

export type TlsProblem =
  | 'expired'
  | 'not-yet-valid'
  | 'self-signed'
  | 'hostname-mismatch'
  | 'incomplete-chain'
  | 'revoked'
  | 'untrusted'
  | 'other';

const TLS_CERT_CODES: Record<string, TlsProblem> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname-mismatch',
  HOSTNAME_MISMATCH: 'hostname-mismatch',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'incomplete-chain',
  UNABLE_TO_GET_ISSUER_CERT: 'incomplete-chain',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'incomplete-chain',
  CERT_CHAIN_TOO_LONG: 'incomplete-chain',
  CERT_REVOKED: 'revoked',
  CERT_UNTRUSTED: 'untrusted',
  CERT_REJECTED: 'untrusted',
  INVALID_CA: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'other',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'other',
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 'other',
  ERROR_IN_CERT_NOT_AFTER_FIELD: 'other',
  INVALID_PURPOSE: 'other',
};

interface CodedError {
  code?: string;
  message?: string;
  cause?: unknown;
}

/** The error and its causes, outermost first (undici wraps socket errors). */
function chain(err: unknown): CodedError[] {
  const out: CodedError[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    out.push(cur as CodedError);
    cur = (cur as CodedError).cause;
  }
  return out;
}

function codes(err: unknown): string[] {
  return chain(err)
    .map((e) => e.code)
    .filter((c): c is string => typeof c === 'string');
}

/** A certificate-verification failure (the kind a browser would warn about), with the classification. */
export function tlsCertProblem(err: unknown): { problem: TlsProblem; code: string } | undefined {
  for (const code of codes(err)) {
    const problem = TLS_CERT_CODES[code];
    if (problem) return { problem, code };
  }
  return undefined;
}

export function classifyError(err: unknown): { code: FetchErrorCode; message: string } {
  const all = codes(err);
  const message = chain(err)
    .map((e) => e.message)
    .filter(Boolean)
    .join(': ') || String(err);
  const has = (...c: string[]) => all.some((x) => c.includes(x));
  let code: FetchErrorCode = 'network';
  if (has('ESSRF_BLOCKED')) code = 'ssrf-blocked';
  else if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'ECONNABORTED')) code = 'timeout-connect';
  else if (has('UND_ERR_HEADERS_TIMEOUT')) code = 'timeout-headers';
  else if (has('UND_ERR_BODY_TIMEOUT', 'EBODYDEADLINE')) code = 'timeout-body';
  else if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL')) code = 'dns';
  else if (has('ECONNREFUSED')) code = 'connection-refused';
  else if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'HPE_INVALID_EOF_STATE')) code = 'connection-reset';
  else if (tlsCertProblem(err) || all.some((c) => c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_') || c === 'EPROTO')) code = 'tls';
  else if (has('UND_ERR_INVALID_ARG', 'ERR_INVALID_URL')) code = 'bad-url';
  return { code, message };
}

/** Failures worth another attempt after a pause: the server or the path may recover. */
export function isRetryable(code: FetchErrorCode, err?: unknown): boolean {
  if (code === 'dns') return codes(err).includes('EAI_AGAIN');
  return ['timeout-connect', 'timeout-headers', 'timeout-body', 'connection-reset', 'connection-refused', 'network'].includes(code);
}
