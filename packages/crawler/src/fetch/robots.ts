/**
 * robots.txt, fetched once per origin (concurrent callers share one request) and kept for the fetcher's life.
 * An auditor must be able to say *why* it did not look at a page, so the outcome is recorded, never just applied.
 */
import * as robotsModule from 'robots-parser';
import type { FetchResult, RobotsInfo } from './types.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}

type RobotsParser = (url: string, contents: string) => Robot;
// robots-parser is CommonJS with `module.exports = fn`; its typings describe an ES default export.
const parseRobots: RobotsParser =
  ((robotsModule as unknown as { default?: RobotsParser }).default ?? (robotsModule as unknown as RobotsParser));

interface Entry {
  info: RobotsInfo;
  robot?: Robot;
}

export class RobotsCache {
  private readonly entries = new Map<string, Promise<Entry>>();
  private readonly settled = new Map<string, Entry>();

  constructor(
    private readonly load: (robotsUrl: string) => Promise<FetchResult>,
    private readonly userAgent: string,
    private readonly onUnreachable: (info: RobotsInfo, robotsUrl: string) => void,
  ) {}

  private entry(origin: string): Promise<Entry> {
    let p = this.entries.get(origin);
    if (!p) {
      p = this.fetchEntry(origin).then((e) => {
        this.settled.set(origin, e);
        return e;
      });
      this.entries.set(origin, p);
    }
    return p;
  }

  private async fetchEntry(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const res = await this.load(robotsUrl);
    if (res.error || res.status === 0) {
      const info: RobotsInfo = { origin, status: 'unreachable', error: res.error?.code ?? 'network', sitemaps: [] };
      this.onUnreachable(info, robotsUrl);
      return { info };
    }
    if (res.status >= 200 && res.status < 300) {
      const text = res.text ?? new TextDecoder('utf-8').decode(res.body);
      const robot = parseRobots(robotsUrl, text);
      const delay = robot.getCrawlDelay(this.userAgent);
      return {
        robot,
        info: {
          origin,
          status: 'ok',
          httpStatus: res.status,
          crawlDelaySec: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : undefined,
          sitemaps: robot.getSitemaps(),
        },
      };
    }
    // RFC 9309: 4xx means "no rules" (even 401/403); 429 and 5xx mean "assume everything is disallowed".
    if (res.status >= 400 && res.status < 500 && res.status !== 429) {
      return { info: { origin, status: 'missing', httpStatus: res.status, sitemaps: [] } };
    }
    const info: RobotsInfo = { origin, status: 'unreachable', httpStatus: res.status, sitemaps: [] };
    this.onUnreachable(info, robotsUrl);
    return { info };
  }

  async info(origin: string): Promise<RobotsInfo> {
    return (await this.entry(origin)).info;
  }

  async isAllowed(url: URL): Promise<{ allowed: boolean; info: RobotsInfo }> {
    const e = await this.entry(url.origin);
    if (e.info.status === 'missing') return { allowed: true, info: e.info };
    if (e.info.status === 'unreachable' || !e.robot) return { allowed: false, info: e.info };
    // Robots rules match the path as requested; a fragment is never sent.
    const target = new URL(url.href);
    target.hash = '';
    return { allowed: e.robot.isAllowed(target.href, this.userAgent) !== false, info: e.info };
  }

  /** The crawl delay already known for an origin, without triggering a fetch. */
  knownCrawlDelaySec(origin: string): number | undefined {
    return this.settled.get(origin)?.info.crawlDelaySec;
  }
}
