import type { Rule } from '@gongkai/core';
import type { SiteSubject } from '../analysis/subject.js';
import { analysisOf, noOptionsSchema } from './shared.js';

/** An expired, self-signed or mismatched certificate makes browsers warn visitors away from a government site. */
export const tlsError: Rule<SiteSubject, Record<string, never>> = {
  meta: {
    id: 'site/tls-error',
    type: 'problem',
    subject: 'site',
    category: 'security',
    description: { zh: 'HTTPS 证书或 TLS 连接有问题', en: 'HTTPS certificate or TLS connection problem' },
    messages: {
      tls: { zh: '{host} 的 HTTPS 证书或 TLS 连接有问题：{detail}', en: 'HTTPS certificate or TLS problem on {host}: {detail}' },
    },
    schema: noOptionsSchema,
    defaultOptions: {},
    defaultSeverity: 'warning',
    weight: 2,
  },
  check(subject, _options, context) {
    for (const e of analysisOf(subject, context).events.tlsErrors) {
      const d = e.detail ?? {};
      const detail = String(d.code ?? d.reason ?? d.message ?? 'TLS');
      context.report({ messageId: 'tls', data: { host: e.host, detail }, findingData: { host: e.host, ...d }, loc: { url: e.url } });
    }
  },
};
