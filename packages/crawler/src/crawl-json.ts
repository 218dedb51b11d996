/** Snapshot (de)serialisation for `--dump-snapshot` and offline replay. */
import type { SiteSnapshot } from './snapshot.js';

export const SNAPSHOT_VERSION = 1;

export function snapshotToJson(snapshot: SiteSnapshot, pretty = false): string {
  return JSON.stringify(snapshot, null, pretty ? 2 : undefined);
}

export class SnapshotFormatError extends Error {
  override name = 'SnapshotFormatError';
}

/** Parses and checks a dumped snapshot; throws SnapshotFormatError (message in zh and en) when it is unusable. */
export function snapshotFromJson(text: string): SiteSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SnapshotFormatError(`快照不是有效的 JSON / snapshot is not valid JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object') throw new SnapshotFormatError('快照格式错误 / snapshot is not an object');
  const s = data as Record<string, unknown>;
  if (s.version !== SNAPSHOT_VERSION) {
    throw new SnapshotFormatError(
      `不支持的快照版本 ${String(s.version)}（需要 ${SNAPSHOT_VERSION}）/ unsupported snapshot version ${String(s.version)} (expected ${SNAPSHOT_VERSION})`,
    );
  }
  const site = s.site as Record<string, unknown> | undefined;
  if (!site || typeof site.url !== 'string') throw new SnapshotFormatError('快照缺少 site.url / snapshot has no site.url');
  if (!Array.isArray(s.pages) || !Array.isArray(s.events)) {
    throw new SnapshotFormatError('快照缺少 pages 或 events / snapshot has no pages or events array');
  }
  for (const p of s.pages as unknown[]) {
    const page = p as Record<string, unknown>;
    if (!page || typeof page.url !== 'string' || typeof page.status !== 'number' || !Array.isArray(page.links) || !Array.isArray(page.lists)) {
      throw new SnapshotFormatError('快照中的页面记录不完整 / a page record in the snapshot is incomplete');
    }
  }
  if (!s.stats || typeof s.stats !== 'object') throw new SnapshotFormatError('快照缺少 stats / snapshot has no stats');
  return data as SiteSnapshot;
}
