import assert from "node:assert/strict";
import { startGateway } from "./helpers/harness.ts";
import { paths, replaced } from "./helpers/mutate.ts";
import { TestSocket } from "./helpers/websocket.ts";
import { assertSchema } from "./helpers/openapi.ts";

async function assertError(response: Response, status: number) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get("access-control-allow-origin"), "*");
  const body = await response.json();
  assertSchema("ErrorResponse", body);
  return body.error;
}

Deno.test("GET / describes the service and GET /health answers 200, without a key", async () => {
  await using gateway = await startGateway();
  const root = await fetch(`${gateway.url}/`, { headers: { accept: "application/json" } });
  assert.equal(root.status, 200);
  assert.match((await root.json()).description, /OpenAI-compatible/);
  const health = await fetch(`${gateway.url}/health`);
  assert.equal(health.status, 200);
  await health.body?.cancel();
});

Deno.test("routes answer with and without /v1, and with a trailing slash", async () => {
  await using gateway = await startGateway();
  for (const path of ["/models", "/v1/models", "/v1/models/", "//v1//models"]) {
    const response = await gateway.request(path);
    assert.equal(response.status, 200, path);
    assertSchema("ListModelsResponse", await response.json());
  }
});

Deno.test("an unknown route is a 404 and a wrong method a 405 with Allow", async () => {
  await using gateway = await startGateway();
  const missing = await assertError(await gateway.request("/v1/completions-legacy"), 404);
  assert.match(missing.message, /Unknown route/);
  const wrong = await gateway.request("/v1/chat/completions");
  assert.equal(wrong.headers.get("allow"), "POST, OPTIONS");
  await assertError(wrong, 405);
});

Deno.test("preflights are answered before auth, echoing the requested headers", async () => {
  await using gateway = await startGateway();
  const response = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: "OPTIONS",
    headers: {
      origin: "https://chatbox.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type",
    },
  });
  assert.equal(response.status, 204);
  assert.equal(response.headers.get("access-control-allow-headers"), "authorization,content-type");
  assert.equal(response.headers.get("access-control-allow-origin"), "*");
});

Deno.test("no key is a 401 and nothing reaches Gemini", async () => {
  await using gateway = await startGateway();
  const error = await assertError(await fetch(`${gateway.url}/v1/models`), 401);
  assert.equal(error.code, "missing_api_key");
  assert.equal(gateway.fake.requests.length, 0);
});

Deno.test("a malformed key is a 401 that does not echo it, and nothing reaches Gemini", async () => {
  await using gateway = await startGateway();
  for (const key of ["abc%00", "abc%0d%0aX-Evil:%201", "k%C3%A9y", "k".repeat(600)]) {
    const response = await fetch(`${gateway.url}/v1/models?key=${key}`);
    const text = await response.text();
    assert.equal(response.status, 401, text);
    assert.ok(!text.includes("abc") && !text.includes("kkk"), text);
  }
  assert.equal(gateway.fake.requests.length, 0);
});

Deno.test("every way of passing the key reaches Gemini as x-goog-api-key only", async () => {
  await using gateway = await startGateway();
  const ways: [string, HeadersInit][] = [
    ["/v1/models", { authorization: "Bearer k-bearer" }],
    ["/v1/models", { "x-goog-api-key": "k-header" }],
    ["/v1/models?key=k-query", {}],
  ];
  for (const [path, headers] of ways) {
    const response = await fetch(`${gateway.url}${path}`, { headers });
    assert.equal(response.status, 200);
    await response.body?.cancel();
  }
  assert.deepEqual(
    gateway.fake.requests.map((request) => request.headers.get("x-goog-api-key")),
    ["k-bearer", "k-header", "k-query"],
  );
  for (const request of gateway.fake.requests) {
    assert.ok(!request.query.has("key"));
    assert.ok(!request.path.includes("k-"));
  }
});

Deno.test("an invalid key is a 401 with Gemini's message, and the key is not echoed", async () => {
  await using gateway = await startGateway();
  const response = await gateway.request("/v1/models", {
    headers: { authorization: "Bearer invalid-secret-123" },
  });
  const text = await response.clone().text();
  const error = await assertError(response, 401);
  assert.equal(error.message, "API key not valid. Please pass a valid API key.");
  assert.ok(!text.includes("invalid-secret-123"));
});

Deno.test("a body over MAX_BODY_BYTES is a 413", async () => {
  await using gateway = await startGateway({ MAX_BODY_BYTES: "2048" });
  const response = await gateway.request("/v1/chat/completions", {
    method: "POST",
    body: JSON.stringify({ messages: [{ role: "user", content: "x".repeat(5000) }] }),
  });
  await assertError(response, 413);
});

Deno.test("malformed JSON is a 400", async () => {
  await using gateway = await startGateway();
  const response = await gateway.request("/v1/chat/completions", { method: "POST", body: "{" });
  const error = await assertError(response, 400);
  assert.equal(error.type, "invalid_request_error");
});

const upstreamCases: [number, number][] = [[403, 403], [404, 404], [500, 502], [503, 503]];
for (const [upstream, status] of upstreamCases) {
  Deno.test(`Gemini ${upstream} is mapped to ${status}`, async () => {
    await using gateway = await startGateway();
    gateway.fake.reply({ error: upstream });
    await assertError(await gateway.request("/v1/models"), status);
  });
}

Deno.test("Gemini 429 is a 429 with Retry-After from RetryInfo", async () => {
  await using gateway = await startGateway();
  gateway.fake.reply({ error: 429 });
  const response = await gateway.request("/v1/models");
  assert.equal(response.headers.get("retry-after"), "26");
  await assertError(response, 429);
});

Deno.test("a Gemini that does not answer in time is a 504", async () => {
  await using gateway = await startGateway({ UPSTREAM_TIMEOUT_MS: "100" });
  gateway.fake.reply({ hang: true });
  await assertError(await gateway.request("/v1/models"), 504);
});

Deno.test("an unreachable Gemini is a 502 with a clear message", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  await using gateway = await startGateway({ GEMINI_BASE_URL: `http://127.0.0.1:${port}` });
  const error = await assertError(await gateway.request("/v1/models"), 502);
  assert.match(error.message, /Could not reach Gemini/);
});

Deno.test("the Live API is served through the gateway, under /ws, /v1/ws and //ws", async () => {
  await using gateway = await startGateway();
  const origin = gateway.url.replace("http", "ws");
  for (const path of ["/ws?key=test-key", "/v1/ws?key=test-key", "//ws?key=test-key"]) {
    const socket = await TestSocket.connect(`${origin}${path}`);
    socket.send(JSON.stringify({ setup: { model: "models/gemini-3.8-live" } }));
    assert.deepEqual(await socket.nextJson(), { setupComplete: {} }, path);
    await socket.close();
  }
});

Deno.test("a bad WebSocket handshake is a 400 and the gateway keeps serving", async () => {
  await using gateway = await startGateway();
  for (const protocols of ["a, a", "p1, a/b"]) {
    const response = await fetch(`${gateway.url}/ws?key=test-key`, {
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        "sec-websocket-protocol": protocols,
      },
    });
    if (response.status !== 101) await assertError(response, 400);
    else await response.body?.cancel();
    const health = await fetch(`${gateway.url}/health`);
    assert.equal(health.status, 200, protocols);
    await health.body?.cancel();
  }
});

Deno.test("Live errors before the upgrade carry CORS headers", async () => {
  await using gateway = await startGateway();
  await assertError(await fetch(`${gateway.url}/ws`), 401);
});

Deno.test("public routes answer 405 for other methods and HEAD like GET", async () => {
  await using gateway = await startGateway();
  const post = await fetch(`${gateway.url}/health`, { method: "POST" });
  assert.equal(post.headers.get("allow"), "GET, OPTIONS");
  await assertError(post, 405);
  const head = await fetch(`${gateway.url}/health`, { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), "");
});

Deno.test("an unknown route's message names the path as sent", async () => {
  await using gateway = await startGateway();
  const error = await assertError(await gateway.request("/v1/v1/models"), 404);
  assert.equal(error.message, "Unknown route: GET /v1/v1/models");
});

const ODD_VALUES = [null, 0, -1, 1.5, "", "x", true, [], [1], {}, { a: 1 }];

Deno.test("any value in any field is answered, and never with a 500", async () => {
  await using gateway = await startGateway();
  const bodies: [string, unknown][] = [
    ["/v1/chat/completions", {
      model: "gemini-2.5-flash",
      messages: [
        { role: "system", content: "Be short." },
        { role: "user", content: [{ type: "text", text: "Hi" }] },
        {
          role: "assistant",
          content: null,
          tool_calls: [{
            id: "call_1",
            type: "function",
            function: { name: "f", arguments: "{}" },
          }],
        },
        { role: "tool", tool_call_id: "call_1", content: "42" },
      ],
      tools: [{ type: "function", function: { name: "f", parameters: { type: "object" } } }],
      tool_choice: "auto",
      temperature: 0.5,
      max_tokens: 100,
      stop: ["END"],
      response_format: { type: "text" },
      reasoning_effort: "low",
      google: { safety_settings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "OFF" }] },
    }],
    ["/v1/embeddings", {
      model: "gemini-embedding-001",
      input: ["a", "b"],
      dimensions: 8,
      encoding_format: "float",
    }],
    ["/v1/completions", { model: "davinci-002", prompt: ["a"], n: 1, logprobs: 1, echo: true }],
    ["/v1/images/generations", { prompt: "a cat", n: 1, size: "1024x1024", quality: "low" }],
    ["/v1/audio/speech", { input: "hi", voice: "alloy", response_format: "pcm", speed: 1 }],
  ];
  for (const [path, body] of bodies) {
    for (const at of paths(body)) {
      for (const value of ODD_VALUES) {
        const response = await gateway.request(path, {
          method: "POST",
          body: JSON.stringify(replaced(body, at, value)),
        });
        const text = await response.text();
        const where = `${path} ${JSON.stringify(at)} = ${JSON.stringify(value)}`;
        assert.ok(
          [200, 400, 404].includes(response.status),
          `${where}: ${response.status} ${text}`,
        );
        if (response.status !== 200) assertSchema("ErrorResponse", JSON.parse(text));
      }
    }
  }
});

Deno.test("an unknown route asked with anthropic-version answers in Anthropic's shape", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/v1/messages/batches", {
    headers: { "anthropic-version": "2023-06-01" },
  });
  assert.equal(response.status, 404);
  const body = await response.json();
  assert.equal(body.type, "error");
  assert.equal(body.error.type, "not_found_error");
  assert.match(body.error.message, /Unknown route/);
});
