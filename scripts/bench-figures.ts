/** Shared by the benchmark scripts: how a set of timings is summed up and printed. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function ms(n: number): string {
  return `${Math.round(n)} ms`;
}
