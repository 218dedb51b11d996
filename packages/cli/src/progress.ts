import type { Io } from './io.js';

interface SiteProgress {
  done: number;
  queued: number;
  failed: number;
  etaMs: number;
  finished: boolean;
}

/** One status line on stderr, redrawn in place; only used on a TTY (never in CI or with --quiet). */
export class ProgressBar {
  private readonly sites: SiteProgress[];
  private last = 0;

  constructor(
    private readonly io: Io,
    count: number,
  ) {
    this.sites = Array.from({ length: count }, () => ({ done: 0, queued: 0, failed: 0, etaMs: 0, finished: false }));
  }

  site(index: number, p: { done: number; queued: number; failed: number; etaMs: number }) {
    Object.assign(this.sites[index], p);
    this.draw();
  }

  done(index: number) {
    this.sites[index].finished = true;
    this.draw(true);
  }

  private draw(force = false) {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const finished = this.sites.filter((s) => s.finished).length;
    const pages = this.sites.reduce((n, s) => n + s.done, 0);
    const queued = this.sites.reduce((n, s) => n + (s.finished ? 0 : s.queued), 0);
    const failed = this.sites.reduce((n, s) => n + s.failed, 0);
    const eta = Math.max(0, ...this.sites.filter((s) => !s.finished).map((s) => s.etaMs));
    const width = 24;
    const filled = Math.round((finished / this.sites.length) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const zh = this.io.locale !== 'en';
    const text = zh
      ? `${bar} 站点 ${finished}/${this.sites.length}  页面 ${pages}  排队 ${queued}  失败 ${failed}  剩余约 ${Math.ceil(eta / 1000)}秒`
      : `${bar} sites ${finished}/${this.sites.length}  pages ${pages}  queued ${queued}  failed ${failed}  eta ${Math.ceil(eta / 1000)}s`;
    this.io.stderr(`\r\x1b[2K${text}`);
  }

  /** Wipes the bar so other output starts on a clean line; the next update redraws it. */
  clear() {
    this.io.stderr('\r\x1b[2K');
  }

  stop() {
    this.clear();
  }
}
