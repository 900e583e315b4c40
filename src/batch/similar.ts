/** Near misses of what a file says: a column id, an option, mistyped by a letter or two. */

/** The known id nearest to a misspelt one (edit distance ≤ 3, and less than half its length). */
export function closest(value: string, ids: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const id of ids) {
    const d = distance(value, id);
    if (d < bestDistance) [best, bestDistance] = [id, d];
  }
  return bestDistance <= 3 && bestDistance < value.length / 2 ? best : null;
}

export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
