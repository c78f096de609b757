import assert from "node:assert/strict";
import { GREETING } from "../../src/fake/generate.ts";
import { type Gateway, sent, startGateway } from "../helpers/harness.ts";

const ANTHROPIC_HEADERS = {
  "content-type": "application/json",
  "anthropic-version": "2023-06-01",
  "anthropic-beta": "claude-code-20250219,interleaved-thinking-2025-05-14",
};

const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    model: "gemini-3.6-flash",
    max_tokens: 100,
    messages: [{ role: "user", content: "Hi" }],
    ...extra,
  });

function post(gw: Gateway, path: string, payload: string, headers: Record<string, string> = {}) {
  return gw.request(path, {
    method: "POST",
    headers: { ...ANTHROPIC_HEADERS, ...headers },
    body: payload,
  });
}

Deno.test("POST /v1/messages?beta=true, /messages, x-api-key and Bearer keys", async () => {
  await using gw = await startGateway();
  for (const path of ["/v1/messages?beta=true", "/messages", "/v1/messages"]) {
    const response = await post(gw, path, body());
    assert.equal(response.status, 200, path);
    const message = await response.json();
    assert.deepEqual(message.content.at(-1), { type: "text", text: GREETING + "Hi" });
  }
  const byApiKey = await fetch(`${gw.url}/v1/messages`, {
    method: "POST",
    headers: { ...ANTHROPIC_HEADERS, "x-api-key": "my-own-key" },
    body: body(),
  });
  assert.equal(byApiKey.status, 200);
  await byApiKey.body?.cancel();
  assert.equal(gw.fake.requests.at(-1)?.headers.get("x-goog-api-key"), "my-own-key");
});

Deno.test("POST /v1/messages/count_tokens?beta=true answers {input_tokens}", async () => {
  await using gw = await startGateway();
  const response = await post(
    gw,
    "/v1/messages/count_tokens?beta=true",
    body({ max_tokens: undefined }),
  );
  assert.equal(response.status, 200);
  const count = await response.json();
  assert.deepEqual(Object.keys(count), ["input_tokens"]);
  assert.ok(count.input_tokens > 0);
});

Deno.test("the stream is SSE with event lines, and pings while Gemini is silent", async () => {
  await using gw = await startGateway({ KEEPALIVE_INTERVAL_MS: "20" });
  gw.fake.reply({
    chunks: [
      { candidates: [{ content: { role: "model", parts: [{ text: "Slow " }] } }] },
      {
        candidates: [{
          content: { role: "model", parts: [{ text: "answer" }] },
          finishReason: "STOP",
        }],
      },
    ],
    delayMs: 150,
  });
  const response = await post(gw, "/v1/messages", body({ stream: true }));
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
  const text = await response.text();
  const names = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
  assert.ok(names.includes("ping"));
  const events = names.filter((name) => name !== "ping");
  assert.deepEqual(events, [
    "message_start",
    "content_block_start",
    "content_block_delta",
    "content_block_delta",
    "content_block_stop",
    "message_delta",
    "message_stop",
  ]);
  assert.doesNotMatch(text, /^: /m);
});

Deno.test("errors come in Anthropic's envelope with the right status", async () => {
  await using gw = await startGateway({ MAX_BODY_BYTES: "2048" });
  const check = async (response: Response, status: number, type: string) => {
    assert.equal(response.status, status);
    const error = await response.json();
    assert.equal(error.type, "error");
    assert.equal(error.error.type, type);
    assert.equal(typeof error.error.message, "string");
  };
  await check(await post(gw, "/v1/messages", "{not json"), 400, "invalid_request_error");
  await check(
    await post(gw, "/v1/messages", body({ max_tokens: "many" })),
    400,
    "invalid_request_error",
  );
  await check(
    await post(gw, "/v1/messages", body({ system: "x".repeat(4096) })),
    413,
    "request_too_large",
  );
  await check(await gw.request("/v1/messages"), 405, "invalid_request_error");
  await check(
    await fetch(`${gw.url}/v1/messages`, {
      method: "POST",
      headers: ANTHROPIC_HEADERS,
      body: body(),
    }),
    401,
    "authentication_error",
  );
  await check(
    await post(gw, "/v1/messages", body({ model: "gemini-nope" })),
    404,
    "not_found_error",
  );
});

Deno.test("Gemini's context overflow reads as Anthropic's 'prompt is too long'", async () => {
  await using gw = await startGateway();
  gw.fake.reply({
    status: 400,
    json: {
      error: {
        code: 400,
        message:
          "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).",
        status: "INVALID_ARGUMENT",
      },
    },
  });
  const response = await post(gw, "/v1/messages", body());
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    type: "error",
    error: {
      type: "invalid_request_error",
      message: "prompt is too long: 1200000 tokens > 1048576 maximum",
    },
  });
});

Deno.test("an access token spends the server's keys, given as x-api-key or Bearer", async () => {
  await using gw = await startGateway({
    GEMINI_API_KEYS: "server-key-1",
    ACCESS_TOKENS: "gw-token",
  });
  const credentials: Record<string, string>[] = [
    { "x-api-key": "gw-token" },
    { authorization: "Bearer gw-token" },
  ];
  for (const headers of credentials) {
    const response = await fetch(`${gw.url}/v1/messages`, {
      method: "POST",
      headers: { ...ANTHROPIC_HEADERS, ...headers },
      body: body(),
    });
    assert.equal(response.status, 200);
    await response.body?.cancel();
    assert.equal(gw.fake.requests.at(-1)?.headers.get("x-goog-api-key"), "server-key-1");
  }
  const refused = await fetch(`${gw.url}/v1/messages`, {
    method: "POST",
    headers: ANTHROPIC_HEADERS,
    body: body(),
  });
  assert.equal(refused.status, 401);
  assert.equal((await refused.json()).error.type, "authentication_error");
});

Deno.test("GET /v1/models with anthropic-version answers in Anthropic's list shape", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/v1/models?limit=1000", { headers: ANTHROPIC_HEADERS });
  assert.equal(response.status, 200);
  const list = await response.json();
  assert.equal(list.has_more, false);
  assert.ok(list.data.length > 10);
  const flash = list.data.find((model: { id: string }) => model.id === "gemini-3.6-flash");
  assert.equal(flash.type, "model");
  assert.equal(typeof flash.display_name, "string");
  assert.equal(list.first_id, list.data[0].id);
  const page = await (await gw.request("/v1/models?limit=2", { headers: ANTHROPIC_HEADERS }))
    .json();
  assert.equal(page.data.length, 2);
  assert.equal(page.has_more, true);
  const next = await (await gw.request(`/v1/models?limit=2&after_id=${page.last_id}`, {
    headers: ANTHROPIC_HEADERS,
  })).json();
  assert.equal(next.data[0].id, list.data[2].id);
  const one = await gw.request("/v1/models/claude-opus-5-5", { headers: ANTHROPIC_HEADERS });
  assert.equal((await one.json()).id, "gemini-flash-latest");
  // Without the header, the OpenAI list as before.
  const openai = await (await gw.request("/v1/models")).json();
  assert.equal(openai.object, "list");
  const bad = await gw.request("/v1/models?limit=0", { headers: ANTHROPIC_HEADERS });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).type, "error");
});

Deno.test("the answer says which model answered a Claude name", async () => {
  await using gw = await startGateway({ MODEL_ALIASES: "claude-*=gemini-3.6-flash" });
  const response = await post(gw, "/v1/messages", body({ model: "claude-sonnet-4-5" }));
  assert.equal(
    response.headers.get("x-gateway-model-substituted"),
    "claude-sonnet-4-5 -> gemini-3.6-flash",
  );
  assert.equal((await response.json()).model, "gemini-3.6-flash");
  assert.match(gw.fake.requests.at(-1)?.path ?? "", /gemini-3\.6-flash:generateContent$/);
  assert.ok(sent(gw).contents.length > 0);
});
