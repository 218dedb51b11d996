// Small measuring helpers shared by the report bench: a cheap RSS sampler, per-format accumulators, table printing.
import { freemem } from 'node:os';

export class RssSampler {
  constructor() {
    this.peak = process.memoryUsage.rss();
    this.heapPeak = process.memoryUsage().heapUsed;
    this.samples = 0;
  }

  /** rss() alone is a single syscall; the heap figure costs more, so it is read every 16th sample. */
  sample() {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    if ((this.samples++ & 15) === 0) {
      const heap = process.memoryUsage().heapUsed;
      if (heap > this.heapPeak) this.heapPeak = heap;
    }
  }

  /** maxRSS is the kernel's high-water mark for the whole process (kB), so it also catches spikes between samples. */
  result() {
    return {
      sampledPeakMb: this.peak / 1048576,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      heapPeakMb: this.heapPeak / 1048576,
      samples: this.samples,
      freeMb: freemem() / 1048576,
    };
  }
}

export class FormatStats {
  constructor() {
    this.by = new Map();
  }

  add(format, bytes, loadMs, checkMs) {
    let s = this.by.get(format);
    if (!s) this.by.set(format, (s = { files: 0, bytes: 0, loadMs: 0, checkMs: 0 }));
    s.files++;
    s.bytes += bytes;
    s.loadMs += loadMs;
    s.checkMs += checkMs;
  }

  total() {
    const t = { files: 0, bytes: 0, loadMs: 0, checkMs: 0 };
    for (const s of this.by.values()) for (const k of Object.keys(t)) t[k] += s[k];
    return t;
  }
}

export const perSecond = (n, ms) => (ms > 0 ? (n * 1000) / ms : 0);
export const mb = (bytes) => bytes / 1048576;

export function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function verdict(ok) {
  return ok ? 'PASS' : 'MISS';
}
