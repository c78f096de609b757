import assert from "node:assert/strict";
import { anthropicModelRoutes, anthropicRoutes } from "../../src/anthropic/routes.ts";
import { APIS } from "../../src/console/apis.ts";
import { consoleRoutes } from "../../src/console/routes.ts";
import { startFakeGemini } from "../../src/fake/server.ts";
import type { Route } from "../../src/http/route.ts";
import { keyRoutes } from "../../src/keys/routes.ts";
import { ollamaRoutes } from "../../src/ollama/routes.ts";
import { openaiErrorResponse } from "../../src/openai/errors.ts";
import { openaiRoutes } from "../../src/openai/routes.ts";
import { build } from "../../scripts/build.ts";
import { TestSocket } from "../helpers/websocket.ts";
import { assertRefusesWithoutRead } from "../helpers/without_read.ts";

const config = new URL("../../deno.json", import.meta.url).pathname;

/**
 * Every route of every table, as a path a request can take (`:param` → `x`), and whether it is
 * one that answers only requests with an `anthropic-version` header.
 */
const ROUTES: [Route, string, boolean][] = [
  ...[...openaiRoutes, ...anthropicRoutes].map((route) => entry(route, `/v1${route.path}`)),
  ...anthropicModelRoutes.map((route) => entry(route, `/v1${route.path}`, true)),
  ...[
    ...ollamaRoutes,
    ...keyRoutes(openaiErrorResponse),
    ...consoleRoutes(APIS, openaiErrorResponse),
  ]
    .map((route) => entry(route, route.path)),
];

function entry(route: Route, path: string, anthropic = false): [Route, string, boolean] {
  return [route, path.replace(/:\w+$/, "x"), anthropic];
}

/** The bundle `deno task build` writes, built once for this file's tests. */
const outdir = await Deno.makeTempDir({ prefix: "gateway-build-" });
await build(outdir);
globalThis.addEventListener("unload", () => Deno.removeSync(outdir, { recursive: true }));
/** The names of the bundle's modules. */
const modules = [...Deno.readDirSync(outdir)].map(({ name }) => name).filter((name) =>
  name.endsWith(".js")
);

/** Runs the bundle as `deno task start` runs it, against the fake. */
async function withBuiltGateway(use: (url: string) => Promise<void>): Promise<void> {
  const fake = startFakeGemini({ record: false });
  try {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-net",
        "--allow-env",
        `--allow-read=${outdir}`,
        `--config=${config}`,
        `${outdir}/main.js`,
      ],
      env: { PORT: String(port), GEMINI_BASE_URL: fake.url },
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const stderr = new Response(child.stderr).text();
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let attempt = 0;; attempt++) {
        try {
          await (await fetch(`${url}/health`)).body?.cancel();
          break;
        } catch (error) {
          if (attempt === 500) throw error;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      await use(url);
    } finally {
      child.kill();
      await child.status;
      // The requests with empty bodies are client errors: nothing is logged as a failure.
      assert.doesNotMatch(await stderr, /unexpected failure|error:/i);
    }
  } finally {
    await fake.close();
  }
}

Deno.test("the built gateway loads every route's handler and answers each dialect", async () => {
  await withBuiltGateway(async (url) => {
    const headers = { authorization: "Bearer test-key", "content-type": "application/json" };
    for (const [route, path, anthropic] of ROUTES) {
      for (const method of Object.keys(route.methods)) {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: anthropic ? { ...headers, "anthropic-version": "2023-06-01" } : headers,
          body: method === "POST" ? "{}" : undefined,
        });
        const text = await response.text();
        assert.ok(response.status < 500, `${method} ${path}: ${response.status} ${text}`);
      }
    }
    const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${url}${path}`, {
        method: "POST",
        headers: { ...headers, ...extra },
        body: JSON.stringify(body),
      });
    const messages = [{ role: "user", content: "Hello" }];
    const answers: [string, Promise<Response>, RegExp][] = [
      [
        "chat",
        post("/v1/chat/completions", { model: "gemini-3.8-flash", messages }),
        /"content":"Hello from the fake Gemini/,
      ],
      [
        "chat stream",
        post("/v1/chat/completions", { model: "gemini-3.8-flash", messages, stream: true }),
        /data: \[DONE\]/,
      ],
      [
        "responses stream",
        post("/v1/responses", { model: "gemini-3.8-flash", input: "Hello", stream: true }),
        /event: response\.completed/,
      ],
      [
        "anthropic stream",
        post(
          "/v1/messages",
          { model: "gemini-3.8-flash", max_tokens: 100, messages, stream: true },
          { "anthropic-version": "2023-06-01" },
        ),
        /event: message_stop/,
      ],
      [
        "ollama chat",
        post("/api/chat", { model: "gemini-3.8-flash", messages }),
        /"done":true/,
      ],
      [
        "embeddings",
        post("/v1/embeddings", { model: "gemini-embedding-001", input: "Hello" }),
        /"embedding":\[/,
      ],
      ["console", fetch(url, { headers: { accept: "text/html" } }), /<title>Gemini gateway/],
    ];
    for (const [name, answer, expected] of answers) {
      const response = await answer;
      assert.equal(response.status, 200, name);
      assert.match(await response.text(), expected, name);
    }
    const speech = (format: string) =>
      post("/v1/audio/speech", {
        model: "gemini-3.8-flash-tts",
        input: "Hello",
        voice: "alloy",
        response_format: format,
      });
    // FLAC comes from the npm package the bundle leaves out and imports when first needed.
    const flac = await speech("flac");
    assert.equal(flac.status, 200);
    assert.equal(new TextDecoder().decode((await flac.bytes()).subarray(0, 4)), "fLaC");
    // MP3 from the one bundled into the speech handler: an MPEG frame sync, no ID3 tag.
    const mp3 = await speech("mp3");
    assert.equal(mp3.status, 200);
    const [first, second] = await mp3.bytes();
    assert.equal(first, 0xff);
    assert.equal(second & 0xe0, 0xe0);

    const live = await TestSocket.connect(`${url.replace("http", "ws")}/ws?key=test-key`);
    live.send(JSON.stringify({ setup: { model: "models/gemini-3.8-live" } }));
    assert.deepEqual(await live.nextJson(), { setupComplete: {} });
    live.socket.close();
    await live.closed;
  });
});

Deno.test("the built gateway without leave to read its folder says so and does not start", async () => {
  await assertRefusesWithoutRead(`${outdir}/main.js`, "dist");
});

Deno.test("the built modules import no npm package but libflacjs, which cannot be bundled", () => {
  const imports = modules.flatMap((name) =>
    [...Deno.readTextFileSync(`${outdir}/${name}`).matchAll(/(?:from |import\()"([^".][^"]*)"/g)]
      .map((match) => match[1])
  );
  assert.deepEqual([...new Set(imports)], ["libflacjs/dist/libflac.js"]);
});

Deno.test("the built modules do not link their source maps, which Deno would read as it loads them", () => {
  assert.ok(modules.length > 10);
  for (const name of modules) {
    assert.doesNotMatch(Deno.readTextFileSync(`${outdir}/${name}`), /sourceMappingURL/, name);
    Deno.statSync(`${outdir}/${name}.map`);
  }
});
