/**
 * Merging of options and pack data across `extends` and the user's config. Objects merge key by key; arrays of
 * objects with an `id` merge by id (so a province can change one column without restating the catalogue, and
 * `{ id, remove: true }` drops one); any other array is replaced, because a list of strings usually means
 * "exactly these".
 */
type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIdList(v: unknown): v is Plain[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => isPlain(x) && typeof x.id === 'string');
}

function mergeIdLists(base: Plain[], over: Plain[]): Plain[] {
  const out = base.map((x) => ({ ...x }));
  const index = new Map(out.map((x, i) => [x.id as string, i]));
  for (const item of over) {
    const at = index.get(item.id as string);
    if (item.remove === true) {
      if (at !== undefined) out[at] = undefined as unknown as Plain;
      continue;
    }
    if (at === undefined) {
      index.set(item.id as string, out.length);
      out.push({ ...item });
    } else {
      out[at] = deepMerge(out[at], item) as Plain;
    }
  }
  return out.filter(Boolean);
}

export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (isPlain(base) && isPlain(over)) {
    const out: Plain = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
    return out;
  }
  if (isIdList(base) && isIdList(over)) return mergeIdLists(base, over);
  if (isIdList(over)) return over.filter((x) => x.remove !== true);
  return over;
}
