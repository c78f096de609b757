/**
 * Property-based fuzzing of every route and field: seeded bad requests against the gateway in
 * front of the fake Gemini, asserting that no client mistake is a 5xx, that errors come in the
 * dialect's envelope, that the key is never echoed, and that every answer comes in bounded time.
 *
 * `FUZZ_RUNS` sets the number of requests (default 5,000; `deno task fuzz` runs 100,000),
 * `FUZZ_SEED` the seed (default 9).
 * @module
 */

import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { type Gateway, startGateway } from "./helpers/harness.ts";
import { paths, replaced } from "./helpers/mutate.ts";

const RUNS = Number(Deno.env.get("FUZZ_RUNS") ?? 5_000);
const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 9);
/** Longest an answer may take, body included. */
const TIME_LIMIT_MS = 10_000;
/** Longest error message accepted: a message quotes excerpts, never whole values. */
const MAX_MESSAGE_LENGTH = 2_000;

/** One route of a dialect, with a valid body to mutate for POSTs. */
interface FuzzRoute {
  method: "GET" | "POST";
  /** The path, `{id}` standing for a fuzzed path segment. */
  path: string;
  body?: (gateway: Gateway) => Record<string, unknown>;
}

/** A dialect: its routes and the check of its error envelope. */
interface Dialect {
  name: string;
  routes: FuzzRoute[];
  /** Throws unless `body` is the dialect's error envelope. */
  assertError(body: unknown): void;
}

const CHAT = (gateway: Gateway) => ({
  model: "gemini-2.5-flash",
  messages: [
    { role: "system", content: "Be short." },
    {
      role: "user",
      content: [
        { type: "text", text: "Hi" },
        { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
        { type: "image_url", image_url: { url: `${gateway.fake.url}/missing.png` } },
        { type: "input_audio", input_audio: { data: "AAAA", format: "wav" } },
        { type: "file", file: { file_data: "JVBERi0=", filename: "a.pdf" } },
      ],
    },
    {
      role: "assistant",
      content: null,
      tool_calls: [{ id: "call_1", type: "function", function: { name: "f", arguments: "{}" } }],
    },
    { role: "tool", tool_call_id: "call_1", content: '{"a":[1,2]}' },
  ],
  tools: [{
    type: "function",
    function: {
      name: "f",
      parameters: {
        type: "object",
        properties: { a: { $ref: "#/$defs/a" } },
        $defs: { a: { type: "array", items: { type: "string" } } },
      },
    },
  }],
  tool_choice: "auto",
  temperature: 0.5,
  max_tokens: 100,
  stop: ["END"],
  n: 1,
  logprobs: true,
  top_logprobs: 2,
  response_format: { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } },
  reasoning_effort: "low",
  stream: false,
  google: {
    safety_settings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "OFF" }],
    thinking_config: { thinking_budget: 100 },
  },
});

const EMBEDDINGS = () => ({
  model: "gemini-embedding-001",
  input: ["a", "b"],
  dimensions: 8,
  encoding_format: "float",
});

const COMPLETIONS = () => ({
  model: "gpt-3.5-turbo-instruct",
  prompt: ["a", "b"],
  n: 2,
  max_tokens: 5,
  stop: ["x"],
  logprobs: 1,
  echo: true,
});

const IMAGES = () => ({
  model: "gpt-image-1",
  prompt: "a cat",
  n: 2,
  size: "1536x1024",
  quality: "high",
  response_format: "b64_json",
});

const SPEECH = () => ({
  model: "tts-1",
  input: "hello",
  voice: "alloy",
  instructions: "softly",
  speed: 1.5,
  response_format: "wav",
});

const MESSAGES = (gateway: Gateway) => ({
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  system: [{ type: "text", text: "Be short.", cache_control: { type: "ephemeral" } }],
  messages: [
    {
      role: "user",
      content: [
        { type: "text", text: "Hi" },
        {
          type: "image",
          source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" },
        },
        { type: "image", source: { type: "url", url: `${gateway.fake.url}/missing.png` } },
        {
          type: "document",
          source: { type: "base64", media_type: "application/pdf", data: "JVBERi0=" },
        },
      ],
    },
    {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "Hmm", signature: "c2ln" },
        { type: "tool_use", id: "toolu_1", name: "f", input: { a: ["x"] } },
      ],
    },
    {
      role: "user",
      content: [{
        type: "tool_result",
        tool_use_id: "toolu_1",
        content: [{ type: "text", text: "ok" }],
      }],
    },
    { role: "system", content: "Later instructions." },
  ],
  tools: [{
    name: "f",
    description: "A tool.",
    input_schema: {
      type: "object",
      properties: {
        a: { $ref: "#/$defs/a" },
        n: { type: ["integer", "null"], exclusiveMinimum: 0 },
      },
      $defs: { a: { type: "array", items: { type: "string" } } },
    },
  }],
  tool_choice: { type: "auto", disable_parallel_tool_use: true },
  thinking: { type: "enabled", budget_tokens: 2048 },
  output_config: { effort: "low" },
  temperature: 0.5,
  stop_sequences: ["END"],
  metadata: { user_id: "u" },
  stream: false,
});

// --- Ollama (/api/*) ---------------------------------------------------------------------

const OLLAMA_CHAT = () => ({
  model: "gemini-3.8-flash:latest",
  messages: [
    { role: "system", content: "Be short." },
    { role: "user", content: "Hi", images: ["iVBORw0KGgoAAAANSUhEUg=="] },
    {
      role: "assistant",
      content: "",
      tool_calls: [{ id: "call_1", function: { name: "f", arguments: { a: ["x"] } } }],
    },
    { role: "tool", content: '{"a":[1,2]}', tool_name: "f" },
  ],
  tools: [{
    type: "function",
    function: {
      name: "f",
      parameters: {
        type: "object",
        properties: { a: { type: "array", items: { type: "string" } } },
      },
    },
  }],
  format: { type: "object", properties: { x: { type: "string" } } },
  options: { temperature: 0.5, top_p: 0.9, top_k: 20, num_predict: 100, stop: ["END"], seed: 1 },
  think: "low",
  keep_alive: "5m",
  logprobs: true,
  top_logprobs: 2,
  stream: false,
});

const OLLAMA_GENERATE = () => ({
  model: "gemini-3.8-flash",
  prompt: "Hi",
  system: "Be short.",
  images: ["iVBORw0KGgoAAAANSUhEUg=="],
  format: "json",
  options: { temperature: 0.5 },
  think: true,
  stream: false,
});

const OLLAMA_EMBED = () => ({ model: "gemini-embedding-001", input: ["a", "b"], dimensions: 8 });

const OLLAMA_DIALECT: Dialect = {
  name: "ollama",
  routes: [
    { method: "GET", path: "/api/tags" },
    { method: "GET", path: "/api/ps" },
    { method: "GET", path: "/api/version" },
    { method: "GET", path: "/api/{id}" },
    { method: "POST", path: "/api/chat", body: OLLAMA_CHAT },
    { method: "POST", path: "/api/generate", body: OLLAMA_GENERATE },
    { method: "POST", path: "/api/embed", body: OLLAMA_EMBED },
    {
      method: "POST",
      path: "/api/embeddings",
      body: () => ({ model: "gemini-embedding-001", prompt: "a" }),
    },
    { method: "POST", path: "/api/show", body: () => ({ model: "gemini-3.8-flash" }) },
    {
      method: "POST",
      path: "/api/pull",
      body: () => ({ model: "gemini-3.8-flash", stream: false }),
    },
  ],
  assertError(body) {
    const { error } = body as { error?: unknown };
    assert.equal(typeof error, "string", "no error string");
    assert.equal(Object.keys(body as object).length, 1, "more than the error");
    assert.ok((error as string).length <= MAX_MESSAGE_LENGTH, "message too long");
  },
};

// --- end of Ollama -------------------------------------------------------------------------

/** Every dialect's routes; a new dialect adds its entry here. */
const DIALECTS: Dialect[] = [
  {
    name: "openai",
    routes: [
      { method: "GET", path: "/v1/models" },
      { method: "GET", path: "/v1/models/{id}" },
      { method: "POST", path: "/v1/chat/completions", body: CHAT },
      { method: "POST", path: "/chat/completions", body: CHAT },
      { method: "POST", path: "/v1/embeddings", body: EMBEDDINGS },
      { method: "POST", path: "/v1/completions", body: COMPLETIONS },
      { method: "POST", path: "/v1/images/generations", body: IMAGES },
      { method: "POST", path: "/v1/audio/speech", body: SPEECH },
      { method: "GET", path: "/v1/{id}" },
    ],
    assertError(body) {
      const error = (body as { error?: Record<string, unknown> }).error;
      assert.ok(error && typeof error === "object", "no error object");
      assert.equal(typeof error.message, "string");
      assert.equal(typeof error.type, "string");
      assert.ok(error.param === null || typeof error.param === "string");
      assert.ok(error.code === null || typeof error.code === "string");
      assert.ok((error.message as string).length <= MAX_MESSAGE_LENGTH, "message too long");
    },
  },
  {
    name: "anthropic",
    routes: [
      { method: "POST", path: "/v1/messages", body: MESSAGES },
      { method: "POST", path: "/v1/messages?beta=true", body: MESSAGES },
      { method: "POST", path: "/v1/messages/count_tokens", body: MESSAGES },
    ],
    assertError(body) {
      const { type, error } = body as { type?: string; error?: Record<string, unknown> };
      assert.equal(type, "error");
      assert.ok(error && typeof error === "object", "no error object");
      assert.equal(typeof error.type, "string");
      assert.equal(typeof error.message, "string");
      assert.ok((error.message as string).length <= MAX_MESSAGE_LENGTH, "message too long");
    },
  },
  OLLAMA_DIALECT,
];

/** `levels` arrays or objects nested in one another. */
function nested(levels: number, object: boolean): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = object ? { a: value } : [value];
  return value;
}

/** Values to put anywhere: any JSON, odd strings, big and deep values. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 50 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      "",
      -1,
      1e308,
      "data:image/png;base64,",
      "data:;base64,@@@",
      "http://127.0.0.1:1/x.png",
      "files/abc",
      "x".repeat(200_000),
      "#/$defs/missing",
      { $ref: "#" },
      { type: ["string", "null"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 90, max: 3_000 }), fc.boolean()).map(([levels, object]) =>
      nested(levels, object)
    ),
  },
);

/** A body: a valid one with one or more fields replaced, or something else entirely. */
function bodyOf(base: Record<string, unknown>): fc.Arbitrary<string> {
  const at = paths(base);
  const mutated = fc.array(fc.tuple(fc.constantFrom(...at), oddValue), {
    minLength: 1,
    maxLength: 3,
  }).map((changes) =>
    JSON.stringify(changes.reduce<unknown>((body, [path, value]) => {
      try {
        return replaced(body, path, value);
      } catch {
        return body;
      }
    }, base))
  );
  return fc.oneof(
    { weight: 8, arbitrary: mutated },
    { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 100 }) },
  );
}

/** Where the key goes, and the key: well-formed ones anywhere, malformed ones in the query. */
const credential = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(
      fc.stringMatching(/^[A-Za-z0-9_-]{10,40}$/),
      fc.constantFrom("bearer", "x-goog-api-key", "api-key", "query"),
    ).map(([key, where]) => ({ key: `fz${key}`, where })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: "binary", minLength: 8, maxLength: 600 }).map((key) => ({
      key: `fz${key}`,
      where: "query",
    })),
  },
  { weight: 1, arbitrary: fc.constant({ key: `invalid-fz-${"k".repeat(20)}`, where: "bearer" }) },
);

/** What the fuzz run saw, reported at its end: every request is sent, failures are collected. */
const failures: string[] = [];
const tally = {
  statuses: {} as Record<number, number>,
  requests: 0,
  serverErrors: 0,
  echoes: 0,
  hangs: 0,
  badEnvelopes: 0,
  slowestMs: 0,
};

Deno.test({
  name: `fuzz: ${RUNS} seeded bad requests over every route and field`,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await using gateway = await startGateway({
      FETCH_TIMEOUT_MS: "2000",
      MAX_MEDIA_BYTES: "1000000",
    });
    const routes = new Map(
      DIALECTS.flatMap((dialect) =>
        dialect.routes.map((route) => [`${dialect.name} ${route.method} ${route.path}`, {
          dialect,
          route,
        }])
      ),
    );
    const request = fc.constantFrom(...routes.keys()).chain((name) =>
      fc.record({
        name: fc.constant(name),
        id: fc.oneof(fc.constant("gemini-2.5-flash"), fc.string({ maxLength: 40 })),
        body: routes.get(name)!.route.body
          ? bodyOf(routes.get(name)!.route.body!(gateway))
          : fc.constant(undefined),
        credential,
      })
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ name, id, body, credential }) => {
        const { dialect, route } = routes.get(name)!;
        const url = new URL(
          route.path.replace("{id}", encodeURIComponent(id) || "x"),
          gateway.url,
        );
        const headers = new Headers({ "content-type": "application/json" });
        if (credential.where === "query") url.searchParams.set("key", credential.key);
        else if (credential.where === "bearer") {
          headers.set("authorization", `Bearer ${credential.key}`);
        } else headers.set(credential.where, credential.key);
        const started = performance.now();
        tally.requests++;
        let status: number;
        let text: string;
        try {
          const response = await fetch(url, {
            method: route.method,
            headers,
            body: route.method === "POST" ? body : undefined,
            signal: AbortSignal.timeout(TIME_LIMIT_MS),
          });
          status = response.status;
          text = await response.text();
        } catch (error) {
          tally.hangs++;
          failures.push(
            `${route.method} ${url.pathname}: no answer in ${TIME_LIMIT_MS} ms: ${error}`,
          );
          return;
        }
        tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
        tally.slowestMs = Math.max(tally.slowestMs, performance.now() - started);
        const where = `${route.method} ${url.pathname} → ${status}: ${text.slice(0, 300)}`;
        if (status >= 500) {
          tally.serverErrors++;
          failures.push(where);
        }
        const escaped = JSON.stringify(credential.key).slice(1, -1);
        if (text.includes(credential.key) || text.includes(escaped)) {
          tally.echoes++;
          failures.push(`the key was echoed: ${where}`);
        }
        if (status >= 400) {
          try {
            dialect.assertError(JSON.parse(text));
          } catch (error) {
            tally.badEnvelopes++;
            failures.push(`${dialect.name} envelope: ${error} in ${where}`);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz (seed ${SEED}): ${JSON.stringify(tally)}`);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} failures`);
  },
});
