/**
 * `deno task bench`: the gateway against the bare relay (`relay.ts`, the reference limit) and the
 * fake Gemini itself, each in its own process on loopback, the fake answering at once. Prints,
 * per scenario of `scenarios.ts`: requests/s, p50/p99, CPU per request of each process and the
 * ratios to the relay (alternating runs after a warm-up), time to first streamed text; then
 * memory with many open streams, cold start (to a first chat answer, and to a first whole
 * stream), the gigantic upstream answers and the bursts of cancelled streams of issue 9, and the
 * key pool rows.
 *
 * The gateway is measured as `deno task start` runs it, bundled (`scripts/build.ts`, into a
 * temporary folder). Options: `--baseline=/path/to/other/checkout/main.ts` (or its built
 * `dist/main.js`) adds that gateway as "before" to every table (before/after figures from one
 * run); `--only=throughput,cold-start,open-streams,upstream-limits,bursts,key-pool` runs some
 * sections; `--scenarios=chat,models` only the throughput rows whose name contains one of those.
 * Environment: `BENCH_SECONDS` per run (default 1; 0.5 for a quick look), `BENCH_ROUNDS`
 * alternating runs per server (5; the ratios to the relay are medians of each round's ratio),
 * `BENCH_WARMUP` seconds of load before (5), `BENCH_CONCURRENCY` clients (32), `BENCH_STREAMS`
 * open or cancelled streams at once (1000).
 * @module
 */

import { benchKeyPool, type GatewayLauncher, keyPoolTable } from "./key_pool.ts";
import { type LoadResult, percentile, runLoad, summarize, timesToFirstText } from "./load.ts";
import {
  type BurstsRow,
  type GiganticRow,
  mb,
  measureBursts,
  measureGigantic,
  measureOpenStreams,
  type OpenStreamsRow,
  startProbed,
} from "./memory.ts";
import { freePort, type Server, type ServerSpec, startServer } from "./process.ts";
import {
  type BenchRequest,
  CHAT,
  CHAT_STREAM,
  GEMINI_TEXT,
  SCENARIOS,
  sender,
} from "./scenarios.ts";
import { build } from "../scripts/build.ts";

const SECTIONS = [
  "throughput",
  "cold-start",
  "open-streams",
  "upstream-limits",
  "bursts",
  "key-pool",
] as const;
type Section = typeof SECTIONS[number];

const option = (name: string) =>
  Deno.args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const setting = (name: string, fallback: number) => Number(Deno.env.get(name) ?? fallback);
const seconds = setting("BENCH_SECONDS", 1);
const rounds = setting("BENCH_ROUNDS", 5);
/** Seconds of load each server gets per scenario before it is measured. */
const warmup = setting("BENCH_WARMUP", 5);
const concurrency = setting("BENCH_CONCURRENCY", 32);
const streams = setting("BENCH_STREAMS", 1000);
const only = option("only")?.split(",");
const runs = (section: Section) => !only || only.includes(section);
/** `--scenarios=chat,models`: only the throughput rows whose name contains one of these. */
const scenarioNames = option("scenarios")?.split(",");
const scenarios = SCENARIOS.filter((scenario) =>
  !scenarioNames || scenarioNames.some((name) => scenario.name.includes(name))
);

const here = new URL(".", import.meta.url).pathname;
const root = new URL("..", import.meta.url).pathname;
const config = `${root}deno.json`;
const RELAY: ServerSpec = { name: "relay", script: `${here}relay.ts`, config };
/** The gateway as `deno task start` runs it: bundled by `deno task build`. */
const built = await Deno.makeTempDir({ prefix: "gateway-bench-" });
await build(built);
const GATEWAY: ServerSpec = { name: "gateway", script: `${built}/main.js`, config };
const baseline = option("baseline");
const BEFORE: ServerSpec | undefined = baseline
  ? {
    name: "before",
    script: Deno.realPathSync(baseline),
    // The checkout's `deno.json`: beside its `main.ts`, or above its built `dist/main.js`.
    config: Deno.realPathSync(baseline).replace(/(\/dist)?\/[^/]*$/, "/deno.json"),
  }
  : undefined;
/** The servers of every table, the relay first (the ratios' reference). */
const SERVERS = [RELAY, GATEWAY, ...BEFORE ? [BEFORE] : []];

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);
const began = performance.now();

const controlPort = freePort();
const controlUrl = `http://127.0.0.1:${controlPort}`;
const fake = await startServer(
  { name: "fake", script: `${here}fake.ts`, config },
  { FAKE_CONTROL_PORT: String(controlPort) },
  (url) => fetch(`${url}/v1beta/models?key=bench-key`),
);
const upstream = { GEMINI_BASE_URL: fake.url };

/** One measured run: the load result and the CPU each process spent on it. */
interface Run {
  load: LoadResult;
  serverCpu: number;
  fakeCpu: number;
}

async function measure(server: Server | undefined, send: () => Promise<Response>): Promise<Run> {
  const [serverBefore, fakeBefore] = [server?.cpuMicros() ?? 0, fake.cpuMicros()];
  const load = await runLoad(send, { seconds, concurrency });
  if (load.failures) throw new Error(`${server?.name ?? "fake"}: ${load.failures} requests failed`);
  return {
    load,
    serverCpu: (server?.cpuMicros() ?? 0) - serverBefore,
    fakeCpu: fake.cpuMicros() - fakeBefore,
  };
}

/** A scenario's figures for one server, its runs merged. */
interface Row {
  server: string;
  load: LoadResult;
  cpuPerRequest: number;
  fakeCpuPerRequest: number;
  /** The median over rounds of this server's requests/s over the relay's in the same round. */
  rateRatio: number;
  /** The same for CPU per request. */
  cpuRatio: number;
  firstTextMs?: number;
}

/**
 * Per round, `value` of each run over the relay's run of that round; the median of those. The
 * machine's speed drifts between rounds, far less within one: paired ratios cancel the drift.
 */
function pairedRatio(runs: Run[], relayRuns: Run[], value: (run: Run) => number): number {
  return median(runs.map((run, round) => value(run) / value(relayRuns[round])));
}

async function throughput(): Promise<void> {
  const servers = await Promise.all(
    SERVERS.map((spec) => startServer(spec, upstream, (url) => fetch(`${url}/health`))),
  );
  try {
    console.log(
      `\n## Throughput: ${concurrency} clients, ${rounds} alternating runs of ${seconds} s per ` +
        "server after a warm-up\n",
    );
    console.log(
      "| scenario | server | req/s | × relay | p50 / p99 ms | CPU µs/req | × relay | " +
        "fake CPU µs/req | first text ms | − relay ms |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const scenario of scenarios) {
      const sides: { name: string; server?: Server; request: BenchRequest; origin: string }[] = [
        ...servers.map((server) => ({
          name: server.name,
          server,
          origin: server.url,
          request: server.name === "relay" ? scenario.relay ?? scenario.gateway : scenario.gateway,
        })),
        ...scenario.direct
          ? [{ name: "fake direct", origin: fake.url, request: scenario.direct }]
          : [],
      ];
      for (const side of sides) {
        // Long enough for V8 to have compiled the hot path before anything is measured: its
        // compiler threads' work otherwise counts as the server's, more for more code.
        await runLoad(sender(side.origin, side.request), { seconds: warmup, concurrency });
      }
      const measured = sides.map(() => [] as Run[]);
      for (let r = 0; r < rounds; r++) {
        for (const [index, side] of sides.entries()) {
          measured[index].push(await measure(side.server, sender(side.origin, side.request)));
        }
      }
      const firstTexts = sides.map(() => [] as number[]);
      if (scenario.firstText) {
        for (let i = 0; i < 50; i++) {
          for (const [index, side] of sides.entries()) {
            const send = sender(side.origin, side.request);
            const text = side.server ? scenario.firstText : GEMINI_TEXT;
            firstTexts[index].push(...await timesToFirstText(send, text, 1));
          }
        }
      }
      const rows: Row[] = sides.map((side, index) => {
        const load = summarize(measured[index].map((run) => run.load));
        const sum = (key: "serverCpu" | "fakeCpu") =>
          measured[index].reduce((total, run) => total + run[key], 0);
        return {
          server: side.name,
          load,
          cpuPerRequest: sum("serverCpu") / load.requests,
          fakeCpuPerRequest: sum("fakeCpu") / load.requests,
          rateRatio: pairedRatio(measured[index], measured[0], (run) => run.load.requests),
          cpuRatio: pairedRatio(
            measured[index],
            measured[0],
            (run) => run.serverCpu / run.load.requests,
          ),
          firstTextMs: scenario.firstText ? median(firstTexts[index]) : undefined,
        };
      });
      const relay = rows[0];
      for (const row of rows) {
        const direct = row.server === "fake direct";
        console.log(
          `| ${scenario.name} | ${row.server} | ${round(row.load.requestsPerSecond, 0)} | ` +
            `${round(row.rateRatio)} | ` +
            `${round(row.load.p50Ms)} / ${round(row.load.p99Ms)} | ` +
            `${direct ? "–" : round(row.cpuPerRequest, 0)} | ` +
            `${direct ? "–" : round(row.cpuRatio)} | ` +
            `${round(row.fakeCpuPerRequest, 0)} | ` +
            (row.firstTextMs === undefined
              ? "– | – |"
              : `${round(row.firstTextMs)} | ${round(row.firstTextMs - relay.firstTextMs!)} |`),
        );
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

/** The first requests of the cold-start rows: a chat answer, and a streamed one read to its end. */
const FIRST_REQUESTS: [string, BenchRequest][] = [
  ["chat request", CHAT],
  ["streamed chat request", CHAT_STREAM],
];

async function coldStart(): Promise<void> {
  for (const [name, request] of FIRST_REQUESTS) await coldStartOf(name, request);
}

async function coldStartOf(name: string, request: BenchRequest): Promise<void> {
  const trials = setting("BENCH_COLD_STARTS", 9);
  const times = SERVERS.map(() => [] as number[]);
  const cpu = SERVERS.map(() => [] as number[]);
  const answered = async (url: string) => {
    const response = await sender(url, request)();
    return new Response(await response.text(), { status: response.status });
  };
  for (let trial = 0; trial < trials + 1; trial++) {
    for (const [index, spec] of SERVERS.entries()) {
      const server = await startServer(spec, upstream, answered);
      const cpuMs = server.threadsCpuMicros() / 1000;
      await server.close();
      if (trial === 0) continue; // The first trial warms Deno's caches.
      times[index].push(server.startMs);
      cpu[index].push(cpuMs);
    }
  }
  console.log(
    `\n## Cold start: fresh process to first answered ${name}, median of ${trials} ` +
      "(wall time, and the CPU time the process spent, steadier on a busy machine)\n",
  );
  console.log("| server | ms | × relay | CPU ms | × relay |\n|---|---|---|---|---|");
  const relay = median(times[0]);
  const relayCpu = median(cpu[0]);
  for (const [index, spec] of SERVERS.entries()) {
    const ms = median(times[index]);
    const cpuMs = median(cpu[index]);
    console.log(
      `| ${spec.name} | ${round(ms, 1)} | ${round(ms / relay)} | ${round(cpuMs, 1)} | ` +
        `${round(cpuMs / relayCpu)} |`,
    );
  }
}

async function withProbed<T>(
  spec: ServerSpec,
  use: (server: Awaited<ReturnType<typeof startProbed>>) => Promise<T>,
): Promise<T> {
  const server = await startProbed(spec, fake.url);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

async function openStreams(): Promise<void> {
  const holdMs = 3000;
  const rows: OpenStreamsRow[] = [];
  for (const spec of SERVERS) {
    rows.push(
      await withProbed(spec, (server) => measureOpenStreams(server, controlUrl, streams, holdMs)),
    );
  }
  console.log(
    `\n## Memory: ${streams} streams open at once (first text sent, the end ${holdMs / 1000} s ` +
      "later), fresh processes, MB\n",
  );
  console.log(
    "| server | idle RSS | RSS, streams open | × relay | JS heap / external, streams open | " +
      "RSS, streams ended | RSS after GC | JS heap idle → after GC | back to baseline |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const row of rows) {
    const heapBack = row.afterGc.heapUsed <= row.idle.heapUsed * 1.1 + 2 * 1024 * 1024;
    const rssBack = row.afterGc.rss <= row.idle.rss * 1.1 + 10 * 1024 * 1024;
    console.log(
      `| ${row.server} | ${mb(row.idle.rss)} | ${mb(row.openRss)} | ` +
        `${round(row.openRss / rows[0].openRss)} | ${mb(row.open.heapUsed)} / ` +
        `${mb(row.open.external)} | ${mb(row.endedRss)} | ${mb(row.afterGc.rss)} | ` +
        `${mb(row.idle.heapUsed)} → ${mb(row.afterGc.heapUsed)} | heap ${
          heapBack ? "yes" : "no"
        }, ` +
        `RSS ${rssBack ? "yes" : `no (+${mb(row.afterGc.rss - row.idle.rss)})`} |`,
    );
  }
}

async function upstreamLimits(): Promise<void> {
  const rows: GiganticRow[] = [];
  for (const spec of SERVERS.filter((spec) => spec !== RELAY)) {
    rows.push(...await withProbed(spec, (server) => measureGigantic(server, controlUrl)));
  }
  console.log("\n## Gigantic upstream answers (issue 9): the gateway must stay bounded, MB\n");
  console.log("| upstream sends | server | status | answered in ms | idle RSS | peak RSS |");
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) {
    console.log(
      `| ${row.case} | ${row.server} | ${row.status} | ${round(row.ms, 0)} | ` +
        `${mb(row.idleRss)} | ${mb(row.peakRss)} |`,
    );
  }
}

async function bursts(): Promise<void> {
  const options = { bursts: 4, count: streams, pauseMs: 2000 };
  const rows: BurstsRow[] = [];
  for (const spec of SERVERS) {
    rows.push(await withProbed(spec, (server) => measureBursts(server, controlUrl, options)));
  }
  console.log(
    `\n## Memory: ${options.bursts} bursts of ${streams} streams cancelled mid-stream (issue 9), ` +
      "RSS / JS heap used / external, MB\n",
  );
  const cells = (usage: Deno.MemoryUsage) =>
    `${mb(usage.rss)} / ${mb(usage.heapUsed)} / ${mb(usage.external)}`;
  console.log(
    `| server | idle | ${rows[0].bursts.map((_, i) => `burst ${i + 1}`).join(" | ")} | ` +
      `after ${options.pauseMs / 1000} s | after GC | JS heap total after GC |`,
  );
  console.log(`|---|---|${rows[0].bursts.map(() => "---|").join("")}---|---|---|`);
  for (const row of rows) {
    console.log(
      `| ${row.server} | ${cells(row.idle)} | ${row.bursts.map(cells).join(" | ")} | ` +
        `${cells(row.paused)} | ${cells(row.afterGc)} | ${mb(row.afterGc.heapTotal)} |`,
    );
  }
}

async function keyPool(): Promise<void> {
  const launch: GatewayLauncher = async (env) =>
    await startServer({ ...GATEWAY, env }, upstream, (url) => fetch(`${url}/health`));
  console.log(`\n## Key pool: the gateway alone, ${concurrency} clients, ${seconds} s\n`);
  console.log(keyPoolTable(await benchKeyPool(launch, { seconds, concurrency })));
}

const SECTION_RUNS: Record<Section, () => Promise<void>> = {
  throughput,
  "cold-start": coldStart,
  "open-streams": openStreams,
  "upstream-limits": upstreamLimits,
  bursts,
  "key-pool": keyPool,
};

try {
  console.log(
    `# deno task bench — Deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} CPUs, ` +
      `loopback${BEFORE ? `; before = ${BEFORE.script}` : ""}`,
  );
  for (const section of SECTIONS) if (runs(section)) await SECTION_RUNS[section]();
  console.log(`\nTotal ${round((performance.now() - began) / 1000, 0)} s.`);
} finally {
  await fake.close();
  await Deno.remove(built, { recursive: true });
}
