import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import { GatewayError } from "../../src/core/errors.ts";
import { Credentials } from "../../src/keys/credentials.ts";
import { KeyPool } from "../../src/keys/pool.ts";
import { captureConsole } from "../helpers/console.ts";
import { type Gateway, startGateway } from "../helpers/harness.ts";
import { TestSocket } from "../helpers/websocket.ts";

const TOKEN = "team-token-0123456789";
const ask = { model: "gemini-3.8-flash", messages: [{ role: "user" as const, content: "Hi" }] };

const request = (headers: Record<string, string> = {}, query = "") =>
  new Request(`http://gateway.test/v1/models${query}`, { headers });

Deno.test("an access token gets the pool, another credential is the client's own key", async () => {
  const credentials = new Credentials({ geminiApiKeys: ["pool-a"], accessTokens: [TOKEN] });
  assert.ok(
    credentials.keySource(request({ authorization: `Bearer ${TOKEN}` })) instanceof KeyPool,
  );
  assert.ok(credentials.keySource(request({ "x-api-key": TOKEN })) instanceof KeyPool);
  assert.ok(credentials.keySource(request({ "x-goog-api-key": TOKEN })) instanceof KeyPool);
  assert.ok(credentials.keySource(request({ "api-key": TOKEN })) instanceof KeyPool);
  assert.ok(credentials.keySource(request({}, `?key=${TOKEN}`)) instanceof KeyPool);
  assert.equal(credentials.liveKey(request({ authorization: `Bearer ${TOKEN}` })), "pool-a");
  const own = credentials.keySource(request({ authorization: "Bearer own-key" }));
  assert.ok(!(own instanceof KeyPool));
  assert.equal(await own.use("m", (key) => Promise.resolve(key)), "own-key");
  assert.equal(credentials.liveKey(request({ "x-api-key": "own-key" })), "own-key");
  assert.ok(credentials.presentsToken(request({ "x-api-key": TOKEN })));
  assert.ok(!credentials.presentsToken(request({ "x-api-key": "own-key" })));
});

Deno.test("with tokens, no credential is a 401 that echoes nothing", () => {
  const credentials = new Credentials({ geminiApiKeys: ["pool-a"], accessTokens: [TOKEN] });
  const resolvers = [() => credentials.keySource(request()), () => credentials.liveKey(request())];
  for (const resolve of resolvers) {
    assert.throws(
      resolve,
      (error) =>
        error instanceof GatewayError && error.status === 401 && !error.message.includes(TOKEN),
    );
  }
});

Deno.test("without tokens the pool serves requests with no credential", () => {
  const credentials = new Credentials({ geminiApiKeys: ["pool-a"], accessTokens: [] });
  assert.ok(credentials.keySource(request()) instanceof KeyPool);
  assert.equal(credentials.liveKey(request()), "pool-a");
  assert.ok(!(credentials.keySource(request({ "x-api-key": "own" })) instanceof KeyPool));
});

Deno.test("without server keys nothing changes: the client's key, or a 401", async () => {
  const credentials = new Credentials({ geminiApiKeys: [], accessTokens: [] });
  assert.equal(credentials.pool, undefined);
  const own = credentials.keySource(request({ "x-api-key": "own" }));
  assert.equal(await own.use("m", (key) => Promise.resolve(key)), "own");
  assert.throws(() => credentials.keySource(request()), GatewayError);
});

/**
 * A gateway with a pool whose first key answers 429, tokens set, and everything it prints,
 * answers and sends back collected to be searched for secrets.
 */
async function pooled(keys: string, tokens = TOKEN) {
  const gateway = await startGateway({ GEMINI_API_KEYS: keys, ACCESS_TOKENS: tokens });
  const seen: string[] = [];
  /** Reads a response, keeping its headers and body. */
  const read = async (response: Response) => {
    const text = await response.text();
    seen.push(JSON.stringify([...response.headers]), text);
    return text;
  };
  return { gateway, seen, read };
}

/** The keys the fake Gemini was called with, in order, from call `from` on. */
const keysUsed = (gateway: Gateway, from = 0) =>
  gateway.fake.requests.slice(from).map((call) => call.headers.get("x-goog-api-key"));

const secrets = ["quota-minute-pool-1", "good-pool-2", "good-pool-3", TOKEN, "own-key"];

function assertNoSecret(texts: string[]) {
  for (const text of texts) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `"${secret}" leaked: ${text}`);
  }
}

Deno.test("chat, streaming chat, embeddings and models go through the pool, with failover on 429", async () => {
  using logs = captureConsole();
  const { gateway, seen, read } = await pooled("quota-minute-pool-1,good-pool-2,good-pool-3");
  await using _ = gateway;
  const openai = new OpenAI({ apiKey: TOKEN, baseURL: `${gateway.url}/v1`, maxRetries: 0 });

  const chat = await openai.chat.completions.create(ask).withResponse();
  seen.push(JSON.stringify(chat.data), JSON.stringify([...chat.response.headers]));
  assert.deepEqual(keysUsed(gateway), ["quota-minute-pool-1", "good-pool-2"]);

  let from = gateway.fake.requests.length;
  const stream = await openai.chat.completions.create({ ...ask, stream: true });
  for await (const chunk of stream) seen.push(JSON.stringify(chunk));
  assert.deepEqual(keysUsed(gateway, from), ["good-pool-3"], "the cooling key is skipped");

  from = gateway.fake.requests.length;
  const embeddings = await openai.embeddings.create({ model: "gemini-embedding-001", input: "x" });
  seen.push(JSON.stringify(embeddings));
  assert.deepEqual(keysUsed(gateway, from), ["quota-minute-pool-1", "good-pool-2"]);

  from = gateway.fake.requests.length;
  const models = await openai.models.list();
  seen.push(JSON.stringify(models.data));
  assert.equal(keysUsed(gateway, from).length, 1);
  assert.ok(secrets.slice(0, 3).includes(keysUsed(gateway, from)[0]!));

  const status = await gateway.request("/v1/gateway/keys", {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const body = JSON.parse(await read(status));
  assert.equal(status.status, 200);
  assert.equal(body.data[0].state, "cooling");
  assert.deepEqual(Object.keys(body.data[0].cooling_until).sort(), [
    "gemini-3.8-flash",
    "gemini-embedding-001",
  ]);
  assert.equal(body.data[0].rate_limited, 2);
  assert.deepEqual(body.data.slice(1).map((key: { state: string }) => key.state), [
    "usable",
    "usable",
  ]);
  assert.ok(keysUsed(gateway).every((key) => key !== TOKEN), "the token never goes upstream");
  assertNoSecret([...seen, ...logs.lines]);
});

Deno.test("a streaming chat fails over before anything is sent", async () => {
  using logs = captureConsole();
  const { gateway, seen, read } = await pooled("quota-minute-pool-1,good-pool-2");
  await using _ = gateway;
  const response = await gateway.request("/v1/chat/completions", {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ ...ask, stream: true }),
  });
  const text = await read(response);
  assert.equal(response.status, 200);
  assert.match(text, /data: \[DONE\]/);
  assert.deepEqual(keysUsed(gateway), ["quota-minute-pool-1", "good-pool-2"]);
  assertNoSecret([...seen, ...logs.lines]);
});

Deno.test("every key cooling: a 429 with Retry-After, and no upstream call while they cool", async () => {
  using logs = captureConsole();
  const { gateway, seen, read } = await pooled("quota-minute-30s-a,quota-minute-7s-b");
  await using _ = gateway;
  const chat = () =>
    fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "x-api-key": TOKEN, "content-type": "application/json" },
      body: JSON.stringify(ask),
    });
  const first = await chat();
  const body = JSON.parse(await read(first));
  assert.equal(first.status, 429);
  assert.ok(["6", "7"].includes(first.headers.get("retry-after")!));
  assert.equal(body.error.type, "rate_limit_error");
  assert.equal(body.error.code, "rate_limit_exceeded");
  const calls = gateway.fake.requests.length;
  assert.equal(calls, 2);
  const second = await chat();
  await read(second);
  assert.equal(second.status, 429);
  assert.equal(gateway.fake.requests.length, calls);
  assertNoSecret([...seen, ...logs.lines]);
});

Deno.test("an invalid server key is dropped, the request served by another, the log names no key", async () => {
  using logs = captureConsole();
  const { gateway, seen, read } = await pooled("invalid-pool-1,good-pool-2");
  await using _ = gateway;
  for (let call = 0; call < 3; call++) {
    const response = await gateway.request("/v1/models", {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await read(response);
    assert.equal(response.status, 200);
  }
  assert.deepEqual(keysUsed(gateway), [
    "invalid-pool-1",
    "good-pool-2",
    "good-pool-2",
    "good-pool-2",
  ]);
  const status = await gateway.request("/v1/gateway/keys", {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const keys = JSON.parse(await read(status)).data;
  assert.equal(keys[0].state, "rejected");
  assert.equal(keys[0].rejected_reason, "API_KEY_INVALID");
  assert.equal(logs.lines.length, 1);
  assert.match(logs.lines[0], new RegExp(`server key ${keys[0].fingerprint}`));
  assertNoSecret([...seen, ...logs.lines, "invalid-pool-1"]);
});

Deno.test("with tokens set, no credential is a 401 without any upstream call", async () => {
  const { gateway, read } = await pooled("good-pool-2");
  await using _ = gateway;
  for (const path of ["/v1/models", "/v1/chat/completions", "/v1/embeddings"]) {
    const response = await fetch(`${gateway.url}${path}`, {
      method: path === "/v1/models" ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: path === "/v1/models" ? undefined : "{}",
    });
    const body = JSON.parse(await read(response));
    assert.equal(response.status, 401);
    assert.equal(body.error.code, "missing_api_key");
  }
  const live = await TestSocket.connect(`${gateway.url.replace("http", "ws")}/ws`);
  const closed = await live.closed;
  assert.notEqual(closed.code, 1000);
  assert.equal(gateway.fake.requests.length, 0);
});

Deno.test("a client's own key is passed through, never mixed with the pool", async () => {
  using logs = captureConsole();
  const { gateway, seen, read } = await pooled("good-pool-2,good-pool-3");
  await using _ = gateway;
  for (const own of ["own-key", "quota-minute-own", "invalid-own"]) {
    const response = await gateway.request("/v1/chat/completions", {
      method: "POST",
      headers: { authorization: `Bearer ${own}`, "content-type": "application/json" },
      body: JSON.stringify(ask),
    });
    await read(response);
    assert.equal(
      response.status,
      { "own-key": 200, "quota-minute-own": 429, "invalid-own": 401 }[own],
    );
    if (own === "quota-minute-own") assert.equal(response.headers.get("retry-after"), "26");
  }
  assert.deepEqual(keysUsed(gateway), ["own-key", "quota-minute-own", "invalid-own"]);
  const status = await gateway.request("/v1/gateway/keys", {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const keys = JSON.parse(await read(status)).data;
  assert.deepEqual(keys.map((key: { requests: number }) => key.requests), [0, 0]);
  assert.deepEqual(keys.map((key: { state: string }) => key.state), ["usable", "usable"]);
  assertNoSecret([...seen, ...logs.lines]);
});

Deno.test("a Live session with an access token uses a pool key", async () => {
  // A token the fake Gemini would refuse as a key: the session works only if it is not sent.
  const token = "invalid-as-a-key-token";
  const { gateway, read } = await pooled("good-pool-2", token);
  await using _ = gateway;
  const socket = await TestSocket.connect(
    `${gateway.url.replace("http", "ws")}/ws?key=${token}`,
  );
  socket.send(JSON.stringify({ setup: { model: "models/gemini-3.8-live" } }));
  assert.deepEqual(await socket.nextJson(), { setupComplete: {} });
  socket.socket.close();
  await socket.closed;
  const status = await gateway.request("/v1/gateway/keys", {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(JSON.parse(await read(status)).data[0].requests, 1);
});

Deno.test("without tokens, the pool serves a request with no credential, Live included", async () => {
  const gateway = await startGateway({ GEMINI_API_KEYS: "good-pool-2" });
  await using _ = gateway;
  const response = await fetch(`${gateway.url}/v1/models`);
  await response.body?.cancel();
  assert.equal(response.status, 200);
  assert.deepEqual(keysUsed(gateway), ["good-pool-2"]);
  const socket = await TestSocket.connect(`${gateway.url.replace("http", "ws")}/ws`);
  socket.send(JSON.stringify({ setup: { model: "models/gemini-3.8-live" } }));
  assert.deepEqual(await socket.nextJson(), { setupComplete: {} });
  socket.socket.close();
  await socket.closed;
  const keys = await fetch(`${gateway.url}/v1/gateway/keys`);
  await keys.body?.cancel();
  assert.equal(keys.status, 404, "no tokens: no way to see the pool");
});
