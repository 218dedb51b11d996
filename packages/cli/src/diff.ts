/**
 * A small unified diff for `--fix-dry-run`. Renumbering changes a few lines of a long report, so a
 * line-by-line comparison with a common prefix/suffix trim and an LCS over the middle is enough.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  // LCS table over the changed middle only.
  const n = am.length;
  const m = bm.length;
  if (n * m > 4_000_000) {
    // Too large to align cheaply: show the changed block as removed then added.
    return [`--- ${file}`, `+++ ${file}`, `@@ -${pre + 1},${n} +${pre + 1},${m} @@`, ...am.map((l) => '-' + l), ...bm.map((l) => '+' + l)].join('\n') + '\n';
  }
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Array<[' ' | '-' | '+', string]> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) {
      ops.push([' ', am[i]]);
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      // Removals before additions, as diff(1) prints them.
      ops.push(['-', am[i++]]);
    } else {
      ops.push(['+', bm[j++]]);
    }
  }
  const head = a.slice(Math.max(0, pre - context), pre).map((l) => [' ', l] as [' ', string]);
  const tail = a.slice(a.length - suf, Math.min(a.length, a.length - suf + context)).map((l) => [' ', l] as [' ', string]);
  const all = [...head, ...ops, ...tail];
  const startA = Math.max(0, pre - context) + 1;
  const countA = all.filter(([op]) => op !== '+').length;
  const countB = all.filter(([op]) => op !== '-').length;
  const lines = [`--- ${file}`, `+++ ${file}`, `@@ -${startA},${countA} +${startA},${countB} @@`, ...all.map(([op, l]) => op + l)];
  return lines.join('\n') + '\n';
}
