/**
 * `deno task bench`: the fake Gemini, the gateway and a load generator on loopback, each in its
 * own process. Reports requests/s and latency through the gateway and directly against the fake,
 * and their ratio, in one run.
 *
 * Settings (environment): `BENCH_SECONDS` per scenario (default 5), `BENCH_CONCURRENCY` (16).
 * @module
 */

import { benchEmbeddings } from "./embeddings.ts";
import { benchKeyPool, type GatewayLauncher, keyPoolTable } from "./key_pool.ts";
import { runLoad } from "./load.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 5);
const concurrency = Number(Deno.env.get("BENCH_CONCURRENCY") ?? 16);
const root = new URL("../", import.meta.url);

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

async function spawn(script: string, env: Record<string, string>, health: string) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net", "--allow-env", "--allow-read", script],
    cwd: root,
    env,
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(health);
      await response.body?.cancel();
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

const fakePort = freePort();
const gatewayPort = freePort();
const fakeUrl = `http://127.0.0.1:${fakePort}`;
const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
const fake = await spawn(
  "scripts/fake.ts",
  { FAKE_PORT: String(fakePort) },
  `${fakeUrl}/v1beta/models?key=k`,
);
const gateway = await spawn(
  "main.ts",
  { PORT: String(gatewayPort), GEMINI_BASE_URL: fakeUrl },
  `${gatewayUrl}/health`,
);

/** Another gateway in front of the same fake, with `env` added (for the key pool rows). */
const launchGateway: GatewayLauncher = async (env) => {
  const url = `http://127.0.0.1:${freePort()}`;
  const { port } = new URL(url);
  const child = await spawn(
    "main.ts",
    { PORT: port, GEMINI_BASE_URL: fakeUrl, ...env },
    `${url}/health`,
  );
  return {
    url,
    async close() {
      child.kill();
      await child.status;
    },
  };
};

const prompt = "Summarise the plot of Hamlet in two sentences.";
const geminiBody = JSON.stringify({ contents: [{ role: "user", parts: [{ text: prompt }] }] });
const chatBody = (stream: boolean) =>
  JSON.stringify({
    model: "gemini-3.8-flash",
    stream,
    messages: [{ role: "user", content: prompt }],
  });
const post = (url: string, body: string, headers: Record<string, string>) => () =>
  fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
const direct = { "x-goog-api-key": "bench-key" };
const proxied = { authorization: "Bearer bench-key" };
const model = `${fakeUrl}/v1beta/models/gemini-3.8-flash`;

const scenarios = [
  {
    name: "chat, non-streaming",
    direct: post(`${model}:generateContent`, geminiBody, direct),
    proxy: post(`${gatewayUrl}/v1/chat/completions`, chatBody(false), proxied),
  },
  {
    name: "chat, streaming",
    direct: post(`${model}:streamGenerateContent?alt=sse`, geminiBody, direct),
    proxy: post(`${gatewayUrl}/v1/chat/completions`, chatBody(true), proxied),
  },
  {
    name: "models list",
    direct: () => fetch(`${fakeUrl}/v1beta/models?pageSize=1000`, { headers: direct }),
    proxy: () => fetch(`${gatewayUrl}/v1/models`, { headers: proxied }),
  },
];

const round = (value: number) => Math.round(value * 100) / 100;
try {
  console.log(`${seconds} s per run, ${concurrency} concurrent clients, loopback\n`);
  console.log(
    "| scenario | direct req/s | gateway req/s | ratio | direct p50/p99 ms | gateway p50/p99 ms |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const scenario of scenarios) {
    const a = await runLoad(scenario.direct, { seconds, concurrency });
    const b = await runLoad(scenario.proxy, { seconds, concurrency });
    if (a.failures || b.failures) throw new Error(`${scenario.name}: requests failed`);
    console.log(
      `| ${scenario.name} | ${round(a.requestsPerSecond)} | ${round(b.requestsPerSecond)} | ` +
        `${round(b.requestsPerSecond / a.requestsPerSecond)} | ${round(a.p50Ms)}/${
          round(a.p99Ms)
        } | ` +
        `${round(b.p50Ms)}/${round(b.p99Ms)} |`,
    );
  }
  const embeddings = await benchEmbeddings(gatewayUrl, fakeUrl, { seconds, concurrency });
  const { direct: d, proxy: p, ratio } = embeddings;
  console.log("\n| scenario | direct texts/s | gateway texts/s | ratio |\n|---|---|---|---|");
  console.log(
    `| embeddings, 100 texts/request | ${round(d.textsPerSecond)} | ` +
      `${round(p.textsPerSecond)} | ${round(ratio)} |`,
  );
  console.log(`\n${keyPoolTable(await benchKeyPool(launchGateway, { seconds, concurrency }))}`);
} finally {
  fake.kill();
  gateway.kill();
  await Promise.all([fake.status, gateway.status]);
}
