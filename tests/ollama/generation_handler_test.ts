import assert from "node:assert/strict";
import { Ollama } from "npm:ollama@0.6.4";
import type { GenerateContentResponse } from "../../src/gemini/types.ts";
import { type Gateway, sent, startGateway } from "../helpers/harness.ts";

const MODEL = "gemini-3.8-flash";
const hello = [{ role: "user", content: "Hello" }];

function textChunk(text: string, finishReason?: string): GenerateContentResponse {
  return {
    candidates: [{
      content: { role: "model", parts: [{ text }] },
      index: 0,
      ...finishReason && { finishReason },
    }],
    usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 3, totalTokenCount: 7 },
  };
}

function post(gw: Gateway, path: string, body: unknown, init: RequestInit = {}) {
  return gw.request(path, { method: "POST", body: JSON.stringify(body), ...init });
}

/** The objects of an NDJSON body. */
function lines(text: string): Record<string, unknown>[] {
  assert.ok(text.endsWith("\n"), "every line ends with a newline");
  return text.trimEnd().split("\n").map((line) => JSON.parse(line));
}

Deno.test("chat streams by default as NDJSON, each object a line, the last done", async () => {
  await using gw = await startGateway();
  const response = await post(gw, "/api/chat", { model: MODEL, messages: hello });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/x-ndjson");
  const objects = lines(await response.text());
  for (const object of objects.slice(0, -1)) {
    assert.equal(object.done, false);
    assert.equal(object.model, MODEL);
    assert.ok(!Number.isNaN(Date.parse(object.created_at as string)));
  }
  const last = objects.at(-1)!;
  assert.equal(last.done, true);
  assert.equal(last.done_reason, "stop");
  assert.deepEqual(last.message, { role: "assistant", content: "" });
  for (
    const key of [
      "total_duration",
      "load_duration",
      "prompt_eval_count",
      "prompt_eval_duration",
      "eval_count",
      "eval_duration",
    ]
  ) {
    assert.ok(Number.isInteger(last[key]), key);
  }
});

Deno.test("an upstream error after output ends the stream with an error line", async () => {
  await using gw = await startGateway();
  const failure = {
    error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" },
  };
  gw.fake.reply({ chunks: [textChunk("Partial ")], error: failure });
  const response = await post(gw, "/api/chat", { model: MODEL, messages: hello });
  assert.equal(response.status, 200);
  const objects = lines(await response.text());
  assert.deepEqual(objects.at(-1), { error: "The model is overloaded." });
  assert.equal((objects[0].message as { content: string }).content, "Partial ");

  gw.fake.reply({ chunks: [textChunk("Partial ")], error: failure });
  const stream = await new Ollama({ host: gw.url, headers: { authorization: "Bearer k" } }).chat({
    model: MODEL,
    messages: hello,
    stream: true,
  });
  await assert.rejects(async () => {
    for await (const _ of stream) { /* read to the error */ }
  }, /overloaded/);
});

Deno.test("errors before the stream are HTTP errors in Ollama's shape", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ error: 429 });
  const limited = await post(gw, "/api/chat", { model: MODEL, messages: hello });
  assert.equal(limited.status, 429);
  assert.ok(limited.headers.get("retry-after"));
  const body = await limited.json();
  assert.deepEqual(Object.keys(body), ["error"]);

  gw.fake.reply({
    chunks: [],
    error: { error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } },
  });
  const inBand = await post(gw, "/api/chat", { model: MODEL, messages: hello });
  assert.equal(inBand.status, 503, "an error before any output is still an HTTP error");
  assert.deepEqual(await inBand.json(), { error: "The model is overloaded." });

  const unknown = await post(gw, "/api/generate", { model: "mistral:7b", prompt: "hi" });
  assert.equal(unknown.status, 404);
  assert.deepEqual(await unknown.json(), { error: "model 'mistral:7b' not found" });

  const bad = await post(gw, "/api/chat", { model: MODEL, messages: "hi" });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error, /messages/);

  const notJson = await gw.request("/api/chat", { method: "POST", body: "{" });
  assert.equal(notJson.status, 400);
  assert.equal(typeof (await notJson.json()).error, "string");
});

Deno.test("an empty chat or prompt loads the model, keep_alive 0 unloads it", async () => {
  await using gw = await startGateway();
  const load = await post(gw, "/api/chat", { model: MODEL, messages: [] });
  assert.equal(load.headers.get("content-type"), "application/json");
  const loaded = await load.json();
  assert.equal(loaded.done, true);
  assert.equal(loaded.done_reason, "load");
  assert.deepEqual(loaded.message, { role: "assistant", content: "" });

  const unload = await post(gw, "/api/generate", { model: MODEL, keep_alive: 0 });
  const unloaded = await unload.json();
  assert.equal(unloaded.done_reason, "unload");
  assert.equal(unloaded.response, "");
  assert.ok(
    gw.fake.requests.every((request) => !request.path.includes("generateContent")),
    "Gemini was not asked to generate",
  );
  const missing = await post(gw, "/api/chat", { model: "phi3", messages: [] });
  assert.equal(missing.status, 404);
});

Deno.test("generate refuses a suffix, ignores raw, template and context", async () => {
  await using gw = await startGateway();
  const suffix = await post(gw, "/api/generate", { model: MODEL, prompt: "a", suffix: "b" });
  assert.equal(suffix.status, 400);
  assert.match((await suffix.json()).error, /suffix.*fill-in-the-middle/);
  const response = await post(gw, "/api/generate", {
    model: MODEL,
    prompt: "Hi",
    raw: true,
    template: "{{ .Prompt }}",
    context: [1, 2, 3],
    stream: false,
  });
  assert.equal(response.status, 200);
  assert.deepEqual(sent(gw).contents, [{ role: "user", parts: [{ text: "Hi" }] }]);
});

Deno.test("think on a model that cannot think is a 400; penalties reach legacy models only", async () => {
  await using gw = await startGateway();
  const response = await post(gw, "/api/chat", {
    model: "gemma-3-27b-it",
    messages: hello,
    think: true,
  });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { error: '"gemma-3-27b-it" does not support thinking' });

  await post(gw, "/api/chat", {
    model: MODEL,
    messages: hello,
    stream: false,
    options: { presence_penalty: 1, frequency_penalty: 1, repeat_penalty: 1.1, min_p: 0.1 },
  });
  assert.equal(sent(gw).generationConfig?.presencePenalty, undefined);
});

Deno.test("with ACCESS_TOKENS, a client without a token gets Ollama's 401", async () => {
  await using gw = await startGateway({ GEMINI_API_KEYS: "server-key", ACCESS_TOKENS: "t0ken" });
  const anonymous = await fetch(`${gw.url}/api/chat`, {
    method: "POST",
    body: JSON.stringify({ model: MODEL, messages: hello }),
  });
  assert.equal(anonymous.status, 401);
  assert.match((await anonymous.json()).error, /access token/);
  const client = new Ollama({ host: gw.url, headers: { authorization: "Bearer t0ken" } });
  const answer = await client.chat({ model: MODEL, messages: hello });
  assert.equal(answer.done, true);
  assert.equal(gw.fake.requests.at(-1)!.headers.get("x-goog-api-key"), "server-key");
  const version = await fetch(`${gw.url}/api/version`);
  assert.equal(version.status, 200, "the version needs no credential");
});

Deno.test("a cut answer reports done_reason length", async () => {
  await using gw = await startGateway();
  gw.fake.reply({ chunks: [textChunk("Cut", "MAX_TOKENS")] });
  const response = await post(gw, "/api/chat", { model: MODEL, messages: hello });
  assert.equal(lines(await response.text()).at(-1)!.done_reason, "length");
  gw.fake.reply({ json: textChunk("Cut", "MAX_TOKENS") });
  const whole = await post(gw, "/api/generate", { model: MODEL, prompt: "x", stream: false });
  const answer = await whole.json();
  assert.equal(answer.response, "Cut");
  assert.equal(answer.done_reason, "length");
});

Deno.test("the ollama client reads each line as Gemini sends it", async () => {
  await using gw = await startGateway();
  gw.fake.reply({
    chunks: [textChunk("One "), textChunk("two "), textChunk("three.", "STOP")],
    delayMs: 300,
  });
  const started = performance.now();
  const stream = await new Ollama({ host: gw.url, headers: { authorization: "Bearer k" } }).chat({
    model: MODEL,
    messages: hello,
    stream: true,
  });
  let first: number | undefined;
  let text = "";
  for await (const part of stream) {
    if (part.message.content && first === undefined) first = performance.now() - started;
    text += part.message.content;
  }
  const total = performance.now() - started;
  assert.equal(text, "One two three.");
  // Gemini waits 300 ms between its chunks: the first line is read well before the last.
  assert.ok(first !== undefined && total - first >= 450, `first at ${first}, end at ${total} ms`);
});

Deno.test("an answer Gemini stopped on policy grounds, or ended without one, says so", async () => {
  await using gw = await startGateway();
  const client = new Ollama({ host: gw.url, headers: { authorization: "Bearer k" } });
  gw.fake.reply({ chunks: [textChunk("Partial"), textChunk("", "SAFETY")] });
  let text = "";
  let reason;
  for await (const part of await client.chat({ model: MODEL, messages: hello, stream: true })) {
    text += part.message.content;
    reason = part.done_reason;
  }
  assert.equal(text, "Partial\n\nThe answer was stopped by Gemini (reason: SAFETY).");
  assert.equal(reason, "stop");
  gw.fake.reply({
    json: { candidates: [{ index: 0, finishReason: "PROHIBITED_CONTENT" }] },
  });
  const whole = await client.generate({ model: MODEL, prompt: "x" });
  assert.equal(whole.response, "The answer was stopped by Gemini (reason: PROHIBITED_CONTENT).");
  gw.fake.reply({ json: { promptFeedback: { blockReason: "SAFETY" } } });
  const blocked = await client.chat({ model: MODEL, messages: hello });
  assert.equal(blocked.message.content, "The prompt was blocked by Gemini (reason: SAFETY).");
  assert.equal(blocked.done_reason, "stop");
  gw.fake.reply({
    chunks: [{ candidates: [{ index: 0, finishReason: "MALFORMED_FUNCTION_CALL" }] }],
  });
  let failed = "";
  for await (const part of await client.chat({ model: MODEL, messages: hello, stream: true })) {
    failed += part.message.content;
  }
  assert.equal(
    failed,
    "Gemini ended the turn without an answer (reason: MALFORMED_FUNCTION_CALL).",
  );
});

Deno.test("a model that cannot chat is Ollama's 400, a missing one its 404", async () => {
  await using gw = await startGateway();
  const client = new Ollama({ host: gw.url, headers: { authorization: "Bearer k" } });
  for (const stream of [false, true]) {
    await assert.rejects(
      client.chat({ model: "gemini-embedding-001", messages: hello, stream: stream as false }),
      (error: Error & { status_code?: number }) => {
        assert.equal(error.message, '"gemini-embedding-001" does not support chat');
        assert.equal(error.status_code, 400);
        return true;
      },
    );
  }
  const generate = await post(gw, "/api/generate", { model: "gemini-embedding-001", prompt: "x" });
  assert.equal(generate.status, 400);
  assert.deepEqual(await generate.json(), {
    error: '"gemini-embedding-001" does not support generate',
  });
  const load = await post(gw, "/api/chat", { model: "gemini-embedding-001", messages: [] });
  assert.equal(load.status, 400);
  assert.deepEqual(await load.json(), { error: '"gemini-embedding-001" does not support chat' });
  const missing = await post(gw, "/api/chat", { model: "gemini-9-nope", messages: hello });
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: "model 'gemini-9-nope' not found" });
});

Deno.test("the key is read from every place the OpenAI routes read it", async () => {
  await using gw = await startGateway();
  const body = JSON.stringify({ model: MODEL, messages: hello, stream: false });
  const ways: [string, RequestInit][] = [
    ["/api/chat", { headers: { authorization: "Bearer k1" } }],
    ["/api/chat", { headers: { "x-goog-api-key": "k2" } }],
    ["/api/chat", { headers: { "x-api-key": "k3" } }],
    ["/api/chat?key=k4", {}],
  ];
  for (const [index, [path, init]] of ways.entries()) {
    const response = await fetch(`${gw.url}${path}`, { method: "POST", body, ...init });
    assert.equal(response.status, 200);
    await response.body?.cancel();
    assert.equal(gw.fake.requests.at(-1)!.headers.get("x-goog-api-key"), `k${index + 1}`);
  }
  const none = await fetch(`${gw.url}/api/chat`, { method: "POST", body });
  assert.equal(none.status, 401);
  assert.match((await none.json()).error, /API key/);
});
