import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TargetResult } from '@gongkai/core';

/**
 * The `--cache` file: results of files that have not changed since the last run with the same settings are reused,
 * as ESLint's cache does, so a CI job re-checking a folder of reports only pays for the ones that changed. The run
 * key covers the tool version, the resolved config and packs, the baseline and every setting that changes a result;
 * a different key throws the whole cache away.
 */
interface Entry {
  hash: string;
  /** JSON of the carry facts of last year's report used for this result (report/carry-over depends on it). */
  previous: string;
  facts?: unknown;
  result: TargetResult;
}

interface CacheFile {
  version: 1;
  key: string;
  entries: Record<string, Entry>;
}

export function hashOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export class ResultCache {
  private entries: Record<string, Entry> = {};
  private readonly fresh: Record<string, Entry> = {};

  constructor(
    private readonly path: string,
    private readonly key: string,
  ) {
    if (!existsSync(path)) return;
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      // A cache from another version or config is simply not used; it is rewritten at the end.
      if (data.version === 1 && data.key === key && data.entries && typeof data.entries === 'object') this.entries = data.entries;
    } catch {
      this.entries = {};
    }
  }

  get(file: string, hash: string): Entry | undefined {
    const e = this.entries[file];
    return e && e.hash === hash ? e : undefined;
  }

  set(file: string, entry: Entry): void {
    this.fresh[file] = entry;
  }

  /** Writes the entries of this run (files not seen this time are dropped, so the cache does not grow forever). */
  save(): void {
    const data: CacheFile = { version: 1, key: this.key, entries: this.fresh };
    writeFileSync(this.path, JSON.stringify(data));
  }
}
