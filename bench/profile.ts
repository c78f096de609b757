/**
 * `deno run --allow-all bench/profile.ts [scenario name part…]`: where the gateway's CPU goes.
 * Starts the fake Gemini and the gateway (with `--inspect`), warms up, then records a V8 CPU
 * profile of the gateway process through the inspector while 32 clients send the scenario's
 * request, and prints the functions with the most self time (and the share of our own code).
 * Environment: `BENCH_SECONDS` of profiled load (3), `BENCH_CONCURRENCY` (32), `PROFILE_TOP`
 * rows (30), `PROFILE_OUT` to also write the `.cpuprofile` (readable in Chrome's DevTools),
 * `PROFILE_SERVER=relay` to profile the bare relay instead (on the scenarios it serves).
 * @module
 */

import { runLoad } from "./load.ts";
import { freePort, startServer } from "./process.ts";
import { SCENARIOS, sender } from "./scenarios.ts";

/** A node of a V8 CPU profile (`Profiler.Profile`). */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const setting = (name: string, fallback: number) => Number(Deno.env.get(name) ?? fallback);
const seconds = setting("BENCH_SECONDS", 3);
const concurrency = setting("BENCH_CONCURRENCY", 32);
const top = setting("PROFILE_TOP", 30);
const here = new URL(".", import.meta.url).pathname;
const root = new URL("..", import.meta.url).pathname;
const config = `${root}deno.json`;

/** One DevTools protocol session over the inspector's WebSocket. */
async function inspect(port: number) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve) => socket.addEventListener("open", resolve, { once: true }));
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    waiting.get(message.id)?.(message.result);
  });
  return {
    send(method: string, params: unknown = {}): Promise<unknown> {
      const id = ++next;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: () => socket.close(),
  };
}

const chosen = SCENARIOS.filter((scenario) =>
  Deno.args.length === 0 || Deno.args.some((part) => scenario.name.includes(part))
);
const fake = await startServer(
  { name: "fake", script: `${here}fake.ts`, config },
  { FAKE_CONTROL_PORT: String(freePort()) },
  (url) => fetch(`${url}/v1beta/models?key=bench-key`),
);
const inspectPort = freePort();
const relay = Deno.env.get("PROFILE_SERVER") === "relay";
const gateway = await startServer(
  { name: "gateway", script: relay ? `${here}relay.ts` : `${root}main.ts`, config },
  { GEMINI_BASE_URL: fake.url },
  (url) => fetch(`${url}/health`),
  [`--inspect=127.0.0.1:${inspectPort}`],
);
try {
  const session = await inspect(inspectPort);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 100 });
  for (const scenario of chosen) {
    const send = sender(gateway.url, relay ? scenario.relay ?? scenario.gateway : scenario.gateway);
    await runLoad(send, { seconds: 2, concurrency });
    await session.send("Profiler.start");
    const load = await runLoad(send, { seconds, concurrency });
    const { profile } = await session.send("Profiler.stop") as {
      profile: { nodes: ProfileNode[]; samples: number[] };
    };
    if (Deno.env.get("PROFILE_OUT")) {
      Deno.writeTextFileSync(
        `${Deno.env.get("PROFILE_OUT")}-${scenario.name.replace(/\W+/g, "-")}.cpuprofile`,
        JSON.stringify(profile),
      );
    }
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<string, number>();
    let ours = 0;
    let busy = 0;
    for (const id of profile.samples) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      if (functionName === "(idle)" || functionName === "(program)") continue;
      busy++;
      if (url.includes("/src/")) ours++;
      const where = url ? `${url.replace(/^.*\/(src|ext)\//, "$1/")}:${lineNumber + 1}` : "";
      const key = `${functionName || "(anonymous)"} ${where}`;
      self.set(key, (self.get(key) ?? 0) + 1);
    }
    console.log(
      `\n## ${scenario.name}: ${load.requests} requests, ${profile.samples.length} samples, ` +
        `${busy} busy, ${Math.round(ours / busy * 100)}% of them in src/\n`,
    );
    const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [key, count] of rows) {
      console.log(`${(count / busy * 100).toFixed(1).padStart(5)}%  ${key}`);
    }
  }
  session.close();
} finally {
  await gateway.close();
  await fake.close();
}
