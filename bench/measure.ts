export interface Stats { n: number; p50: number; p95: number; mean: number }

/** Runs fn n times (after a short warm-up) and reports latency percentiles in milliseconds. */
export async function measure(n: number, fn: (i: number) => unknown): Promise<Stats> {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { n, p50: at(0.5), p95: at(0.95), mean: times.reduce((s, x) => s + x, 0) / n };
}
