/**
 * Politeness gates. One gate per server (keyed by resolved IP, because 集约化 platforms serve dozens of agency
 * sites from one machine): a concurrency cap, a minimum spacing between request starts (max of robots
 * Crawl-delay, the configured floor, and the last response time), and a pause that a Retry-After puts on
 * everybody waiting for that server. A global cap bounds the whole process.
 *
 * Start times are reserved up front instead of re-checking a clock after sleeping, so an injected fake `sleep`
 * (which returns at once) still yields the right sequence of waits.
 */
import pLimit, { type LimitFunction } from 'p-limit';

interface Gate {
  limit: LimitFunction;
  nextStartAt: number;
  pausedUntil: number;
  lastResponseMs: number;
}

export interface PolitenessOptions {
  perKeyConcurrency: number;
  totalConcurrency: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Upper bound for the adaptive part of the delay (a very slow response should not stall a site for minutes). */
  maxAdaptiveMs: number;
  adaptive: boolean;
}

export class Politeness {
  private readonly gates = new Map<string, Gate>();
  private readonly global: LimitFunction;

  constructor(private readonly options: PolitenessOptions) {
    this.global = pLimit(options.totalConcurrency);
  }

  private gate(key: string): Gate {
    let gate = this.gates.get(key);
    if (!gate) {
      gate = { limit: pLimit(this.options.perKeyConcurrency), nextStartAt: 0, pausedUntil: 0, lastResponseMs: 0 };
      this.gates.set(key, gate);
    }
    return gate;
  }

  /** Makes everyone waiting for `key` hold off until `untilMs` (a Retry-After, or a backoff after 429/503). */
  pause(key: string, untilMs: number): void {
    const gate = this.gate(key);
    gate.pausedUntil = Math.max(gate.pausedUntil, untilMs);
  }

  run<T>(key: string, floorMs: number, fn: () => Promise<T>): Promise<T> {
    const gate = this.gate(key);
    return gate.limit(async () => {
      const { now, sleep } = this.options;
      const delay = floorMs;
      const t = now();
      let startAt = Math.max(t, gate.nextStartAt, gate.pausedUntil);
      gate.nextStartAt = startAt + delay;
      if (startAt > t) await sleep(startAt - t);
      // A pause may have been set while this request was waiting (another one got a 429).
      while (gate.pausedUntil > startAt) {
        const extra = gate.pausedUntil - startAt;
        startAt = gate.pausedUntil;
        gate.nextStartAt = Math.max(gate.nextStartAt, startAt + delay);
        await sleep(extra);
      }
      return this.global(async () => {
        const began = now();
        try {
          return await fn();
        } finally {
          const ended = now();
          gate.lastResponseMs = ended - began;
          // Adaptive part: after a response that took T, the server gets T of rest before the next start,
          // so a struggling server is never kept busy more than about half the time by us.
          if (this.options.adaptive) {
            gate.nextStartAt = Math.max(gate.nextStartAt, ended + Math.min(gate.lastResponseMs, this.options.maxAdaptiveMs));
          }
        }
      });
    });
  }
}
