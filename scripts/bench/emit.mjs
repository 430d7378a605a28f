// The line format every sub-bench prints; scripts/bench.mjs collects it into one table.
export const emit = (group, metric, value, unit, note) =>
  console.log('BENCH ' + JSON.stringify({ group, metric, value, unit, note }));

/** Runs fn for about `ms` milliseconds and returns operations per second (after a warm-up). */
export function opsPerSecond(fn, ms = 1000) {
  for (let i = 0; i < 200; i++) fn(i);
  let n = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(ms) * 1_000_000n;
  let now = t0;
  while (now < end) {
    for (let i = 0; i < 100; i++) fn(n++);
    now = process.hrtime.bigint();
  }
  return n / (Number(now - t0) / 1e9);
}
