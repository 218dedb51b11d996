/**
 * Soft-404 detection. Many gov servers answer a missing page with 200 and a "页面不存在" template, or redirect it
 * to the home page. We learn the site's habit by requesting a random path once, then judge suspicious pages by
 * their own text and by resemblance to that probe.
 */
import { dedupKey } from './frontier/normalize.js';

export interface ProbeSignature {
  url: string;
  status: number;
  finalUrl: string;
  title?: string;
  textLength: number;
  /** The random path was answered with 200 (not 404). */
  soft: boolean;
  /** The random path ended on the home page. */
  toHome: boolean;
}

export function randomProbeUrl(home: string): string {
  const token = Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
  return new URL(`/gongkai-probe-${token}/not-found.html`, home).href;
}

export interface PageLook {
  url: string;
  finalUrl: string;
  status: number;
  title?: string;
  textLength: number;
  saysNotFound: boolean;
}

/** Why a 200 page is really "not found", or undefined. */
export function softNotFoundReason(page: PageLook, home: string | undefined, probe: ProbeSignature | undefined): string | undefined {
  if (page.status !== 200) return undefined;
  const homeKey = home ? dedupKey(home) : undefined;
  if (homeKey && dedupKey(page.url) === homeKey) return undefined;
  if (page.saysNotFound) return 'text';
  if (probe?.toHome && homeKey && dedupKey(page.finalUrl) === homeKey && page.finalUrl !== page.url) return 'redirect-home';
  if (probe?.soft && !probe.toHome && probe.title !== undefined && page.title === probe.title) {
    const tolerance = Math.max(60, probe.textLength * 0.1);
    if (Math.abs(page.textLength - probe.textLength) <= tolerance) return 'like-probe';
  }
  return undefined;
}
