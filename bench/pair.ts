/**
 * `deno run --allow-all bench/pair.ts a.ts b.ts [scenario name part]`: two servers, one
 * question — how much more CPU per request does `b` spend than `a`? Both run against the bench's
 * fake Gemini; after a warm-up they get alternating batches of the same number of requests, and
 * the median of each pair's CPU ratio is printed: steadier than the throughput table, which
 * compares whole runs of a fixed time. For bisecting a cost (a relay with one change against the
 * relay; the gateway against a checkout with one change). `PAIR_ENV_A`/`PAIR_ENV_B`: extra
 * environment, `NAME=value` pairs separated by spaces; `PAIR_REQUESTS` per batch (5000),
 * `PAIR_ROUNDS` (8), `BENCH_CONCURRENCY` (16).
 * @module
 */

import { runLoad } from "./load.ts";
import { freePort, type Server, startServer } from "./process.ts";
import { SCENARIOS, sender } from "./scenarios.ts";

const setting = (name: string, fallback: number) => Number(Deno.env.get(name) ?? fallback);
const requests = setting("PAIR_REQUESTS", 5000);
const rounds = setting("PAIR_ROUNDS", 8);
const concurrency = setting("BENCH_CONCURRENCY", 16);
const [scriptA, scriptB, part = "non-streaming"] = Deno.args;
if (!scriptA || !scriptB) {
  console.error("usage: bench/pair.ts a.ts b.ts [scenario name part]");
  Deno.exit(2);
}
const scenario = SCENARIOS.find((candidate) => candidate.name.startsWith(part)) ??
  SCENARIOS.find((candidate) => candidate.name.includes(part))!;
const here = new URL(".", import.meta.url).pathname;
const root = new URL("..", import.meta.url).pathname;

/** `NAME=value NAME2=value2` as an environment. */
const environment = (text = "") =>
  Object.fromEntries(text.split(/\s+/).filter(Boolean).map((pair) => pair.split(/=(.*)/s, 2)));

/** The `deno.json` beside `script`, else the project's. */
function configOf(script: string): string {
  const beside = script.replace(/[^/]*$/, "deno.json");
  try {
    Deno.statSync(beside);
    return beside;
  } catch {
    return `${root}deno.json`;
  }
}

const fake = await startServer(
  { name: "fake", script: `${here}fake.ts`, config: `${root}deno.json` },
  { FAKE_CONTROL_PORT: String(freePort()) },
  (url) => fetch(`${url}/v1beta/models?key=bench-key`),
);
const servers: Server[] = [];
/** The relay speaks only OpenAI's chat; any other server is sent the gateway's request. */
const requestOf = (script: string) =>
  script.endsWith("relay.ts") ? scenario.relay ?? scenario.gateway : scenario.gateway;
try {
  for (
    const [name, script, env] of [
      ["a", scriptA, Deno.env.get("PAIR_ENV_A")],
      ["b", scriptB, Deno.env.get("PAIR_ENV_B")],
    ] as const
  ) {
    const path = Deno.realPathSync(script);
    servers.push(
      await startServer(
        { name, script: path, config: configOf(path), env: environment(env) },
        { GEMINI_BASE_URL: fake.url },
        (url) => sender(url, requestOf(path))(),
      ),
    );
  }
  const sends = servers.map((server, index) =>
    sender(server.url, requestOf([scriptA, scriptB][index]))
  );
  const batch = async (index: number) => {
    const before = servers[index].cpuMicros();
    const load = await runLoad(sends[index], {
      seconds: 3600,
      concurrency,
      maxRequests: requests,
    });
    if (load.failures) throw new Error(`${servers[index].name}: ${load.failures} failures`);
    return (servers[index].cpuMicros() - before) / load.requests;
  };
  // V8 compiles for the first tens of thousands of requests: none of that is measured.
  for (let warm = 0; warm < 4; warm++) for (const index of [0, 1]) await batch(index);
  const a: number[] = [], b: number[] = [], ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    a.push(await batch(0));
    b.push(await batch(1));
    ratios.push(b[round] / a[round]);
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];
  console.log(
    `${scenario.name}: a ${median(a).toFixed(0)} µs CPU/request, b ${median(b).toFixed(0)}, ` +
      `b/a ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(" ")})`,
  );
} finally {
  await Promise.all(servers.map((server) => server.close()));
  await fake.close();
}
