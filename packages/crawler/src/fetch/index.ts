/** Public API of the network layer. */
export { createFetcher } from './fetcher.js';
export { decodeBody, normaliseCharset, charsetFromContentType, charsetFromMeta } from './decode.js';
export type { DecodedBody } from './decode.js';
export { sniffContentType, mediaType, isTextual } from './sniff.js';
export { isPrivateAddress } from './ssrf.js';
export { parseRetryAfter } from './retry-after.js';
export { tlsCertProblem, classifyError } from './errors.js';
export type { TlsProblem } from './errors.js';
export { DEFAULT_USER_AGENT } from './user-agent.js';
export type * from './types.js';
