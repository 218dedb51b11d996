/**
 * The per-site frontier: breadth-first over pages, with a priority lane for list continuations and detail pages
 * (they finish what an already fetched page started, so they go before new pages), dedup by normalised URL and
 * separate budgets per kind so that no lane can starve or explode another.
 */
import { dedupKey } from './normalize.js';

export type TaskKind = 'page' | 'attachment' | 'pagination' | 'detail';

export interface Task {
  url: string;
  kind: TaskKind;
  depth: number;
  from?: string;
  /** For pagination tasks: the page whose list this continues, and which of its lists. */
  origin?: { url: string; list: number };
}

export interface FrontierLimits {
  maxPages: number;
  maxAttachments: number;
  maxDetailPages: number;
  maxPaginationPages: number;
}

class Fifo<T> {
  private items: T[] = [];
  private head = 0;
  push(x: T): void {
    this.items.push(x);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const x = this.items[this.head];
    this.items[this.head++] = undefined as T;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
  get size(): number {
    return this.items.length - this.head;
  }
}

export class Frontier {
  private readonly seen = new Set<string>();
  private readonly priority = new Fifo<Task>();
  private readonly pages = new Fifo<Task>();
  private readonly attachments = new Fifo<Task>();
  private readonly started: Record<TaskKind, number> = { page: 0, attachment: 0, pagination: 0, detail: 0 };
  /** Tasks refused because their lane's budget was spent, per kind. */
  readonly refused: Record<TaskKind, number> = { page: 0, attachment: 0, pagination: 0, detail: 0 };

  constructor(private readonly limits: FrontierLimits) {}

  has(url: string): boolean {
    return this.seen.has(dedupKey(url));
  }

  /** Marks a URL as seen without queueing it (the home page, URLs fetched outside the frontier). */
  markSeen(url: string): void {
    this.seen.add(dedupKey(url));
  }

  /** Queues a task unless its URL was seen; returns whether it was queued. */
  push(task: Task): boolean {
    const key = dedupKey(task.url);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (task.kind === 'page') this.pages.push(task);
    else if (task.kind === 'attachment') this.attachments.push(task);
    else this.priority.push(task);
    return true;
  }

  private budget(kind: TaskKind): number {
    switch (kind) {
      case 'page': return this.limits.maxPages;
      case 'attachment': return this.limits.maxAttachments;
      case 'detail': return this.limits.maxDetailPages;
      case 'pagination': return this.limits.maxPaginationPages;
    }
  }

  /** Counts a fetch done outside the queue (the home page) against its lane. */
  charge(kind: TaskKind): void {
    this.started[kind]++;
  }

  next(): Task | undefined {
    for (const lane of [this.priority, this.pages, this.attachments]) {
      for (;;) {
        const t = lane.shift();
        if (!t) break;
        if (this.started[t.kind] >= this.budget(t.kind)) {
          this.refused[t.kind]++;
          continue;
        }
        this.started[t.kind]++;
        return t;
      }
    }
    return undefined;
  }

  get size(): number {
    return this.priority.size + this.pages.size + this.attachments.size;
  }

  count(kind: TaskKind): number {
    return this.started[kind];
  }
}
