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
  /** Wall time of the run. */
  seconds: number;
  /** Every answered request's latency, in milliseconds (to merge runs). */
  latencies: number[];
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
  return summarize([{ latencies, failures, seconds: elapsed }]);
}

/** Runs merged: their requests over their total time, percentiles over all latencies. */
export function summarize(
  runs: Pick<LoadResult, "latencies" | "failures" | "seconds">[],
): LoadResult {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    requests: latencies.length,
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    seconds,
    latencies,
  };
}

/** The `q` quantile of sorted `values`. */
export function percentile(values: number[], q: number): number {
  return values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
}

/**
 * Milliseconds from sending a streamed request to receiving the first body bytes that match
 * `text`, for `count` requests one after the other (no load: the latency a lone client sees).
 * The rest of each body is read to its end.
 */
export async function timesToFirstText(
  send: () => Promise<Response>,
  text: RegExp,
  count: number,
): Promise<number[]> {
  const decoder = new TextDecoder();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const begin = performance.now();
    const response = await send();
    let seen = "";
    let at = NaN;
    for await (const chunk of response.body!) {
      if (Number.isNaN(at)) {
        seen += decoder.decode(chunk);
        if (text.test(seen)) at = performance.now() - begin;
      }
    }
    if (Number.isNaN(at)) throw new Error(`no streamed text in: ${seen.slice(0, 200)}`);
    times.push(at);
  }
  return times;
}
