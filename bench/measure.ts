export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: times.length, p50: at(0.5), p95: at(0.95), mean: times.reduce((s, x) => s + x, 0) / times.length };
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

/** Runs fn n times (after a short warm-up) and reports latency percentiles in milliseconds. */
export async function measure(n: number, fn: (i: number) => unknown, opts: { warmup?: number } = {}): Promise<Stats> {
  for (let i = 0; i < (opts.warmup ?? Math.min(20, n)); i++) await fn(n + i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    times.push(ms(t));
  }
  return stats(times);
}

/** Takes turns between the functions, so ratios between them are not skewed by load that comes and goes during the run. */
export async function measureInterleaved(n: number, fns: ((i: number) => unknown)[]): Promise<Stats[]> {
  for (let i = 0; i < 20; i++) for (const f of fns) await f(n + i);
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t = process.hrtime.bigint();
      await fns[k](i);
      times[k].push(ms(t));
    }
  }
  return times.map(stats);
}
