/**
 * A small closed-loop load generator: a fixed number of concurrent clients, each sending its next
 * request as soon as the previous one is answered, for a bounded time and request count.
 * @module
 */

/** What one run measured. */
export interface LoadResult {
  requests: number;
  failures: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Options of one run. */
export interface LoadOptions {
  seconds: number;
  concurrency: number;
  /** Upper bound on requests, whatever the time. */
  maxRequests?: number;
}

/** Runs `send` (which must consume the whole response) under load and reports what it measured. */
export async function runLoad(
  send: () => Promise<Response>,
  { seconds, concurrency, maxRequests = 1_000_000 }: LoadOptions,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let started = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline && started < maxRequests) {
      started++;
      const begin = performance.now();
      const response = await send();
      await response.arrayBuffer();
      if (!response.ok) failures++;
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    failures,
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}
