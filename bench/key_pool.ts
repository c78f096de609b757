/**
 * What failover costs: non-streaming chat through gateways holding a pool of 3 server keys,
 * reached with an access token, when every key is good and when one of them answers 429.
 *
 * The fake Gemini's `quota-minute…` keys always answer 429 (see docs/fake.md). With the real
 * `RetryInfo` delay (26 s) the key cools after its first 429 and is skipped from then on; with a
 * delay of 0 s it is tried again each time its turn comes, so one request in three pays a failover.
 * @module
 */

import { type LoadOptions, runLoad } from "./load.ts";

/** Starts a gateway process with `env` added to its environment; `close` stops it. */
export type GatewayLauncher = (
  env: Record<string, string>,
) => Promise<{ url: string; close(): Promise<void> }>;

/** One pool configuration as measured. */
export interface KeyPoolRow {
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Calls to Gemini per client request, from the pool's own counts. */
  callsPerRequest: number;
}

const TOKEN = "bench-access-token";

const POOLS = [
  { scenario: "pool of 3 keys, all good", keys: "good-1,good-2,good-3" },
  {
    scenario: "pool of 3 keys, one answers 429 (cools 26 s)",
    keys: "quota-minute-1,good-2,good-3",
  },
  {
    scenario: "pool of 3 keys, one answers 429 (retry delay 0 s: every third request fails over)",
    keys: "quota-minute-0s-1,good-2,good-3",
  },
];

const BODY = JSON.stringify({
  model: "gemini-3.8-flash",
  messages: [{ role: "user", content: "Summarise the plot of Hamlet in two sentences." }],
});

/** Measures each pool in its own gateway started by `launch`. Throws if a request fails. */
export async function benchKeyPool(
  launch: GatewayLauncher,
  options: LoadOptions,
): Promise<KeyPoolRow[]> {
  const rows: KeyPoolRow[] = [];
  for (const { scenario, keys } of POOLS) {
    const gateway = await launch({ GEMINI_API_KEYS: keys, ACCESS_TOKENS: TOKEN });
    try {
      const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
      const load = await runLoad(
        () => fetch(`${gateway.url}/v1/chat/completions`, { method: "POST", body: BODY, headers }),
        options,
      );
      if (load.failures) throw new Error(`${scenario}: ${load.failures} requests failed`);
      const status = await fetch(`${gateway.url}/v1/gateway/keys`, { headers });
      const pool: { data: { requests: number }[] } = await status.json();
      const calls = pool.data.reduce((sum, key) => sum + key.requests, 0);
      rows.push({
        scenario,
        requestsPerSecond: load.requestsPerSecond,
        p50Ms: load.p50Ms,
        p99Ms: load.p99Ms,
        callsPerRequest: calls / load.requests,
      });
    } finally {
      await gateway.close();
    }
  }
  return rows;
}

/** The rows as a Markdown table. */
export function keyPoolTable(rows: KeyPoolRow[]): string {
  const round = (value: number) => Math.round(value * 100) / 100;
  return [
    "| scenario | gateway req/s | gateway p50/p99 ms | Gemini calls per request |",
    "|---|---|---|---|",
    ...rows.map((row) =>
      `| ${row.scenario} | ${round(row.requestsPerSecond)} | ${round(row.p50Ms)}/${
        round(row.p99Ms)
      } | ${round(row.callsPerRequest)} |`
    ),
  ].join("\n");
}
