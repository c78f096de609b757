import assert from "node:assert/strict";
import { startFakeGemini } from "../../src/fake/server.ts";
import { readFixture, readFixtureBytes } from "../helpers/fixtures.ts";

const KEY = { "x-goog-api-key": "test-key" };
const ask = { contents: [{ role: "user", parts: [{ text: "Hi" }] }] };
const FLASH = "/v1beta/models/gemini-3.8-flash";

function post(url: string, body: unknown, headers: HeadersInit = KEY): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

Deno.test("no key gets the real 403, a bad key the real 400, and both are recorded", async () => {
  const fake = startFakeGemini();
  try {
    const missing = await post(`${fake.url}${FLASH}:generateContent`, ask, {});
    assert.equal(missing.status, 403);
    assert.equal(missing.headers.get("content-type"), "application/json; charset=UTF-8");
    assert.equal(await missing.text(), await readFixture("30_error_403_no_api_key.json"));
    const invalid = await post(`${fake.url}${FLASH}:generateContent?key=invalid-key`, ask, {});
    assert.equal(invalid.status, 400);
    assert.equal(await invalid.text(), await readFixture("29_error_400_API_KEY_INVALID.json"));
    const viaQuery = await fetch(`${fake.url}/v1beta/models?key=test-key`);
    assert.equal(viaQuery.status, 200);
    await viaQuery.body?.cancel();
    assert.deepEqual(fake.requests.map((request) => request.body), [ask, ask, undefined]);
    assert.equal(fake.requests[1].query.get("key"), "invalid-key");
  } finally {
    await fake.close();
  }
});

Deno.test("scripted replies bypass validation but not auth", async () => {
  const fake = startFakeGemini();
  try {
    fake.reply({ json: { ok: true } });
    const denied = await post(`${fake.url}${FLASH}:generateContent`, {}, {});
    assert.equal(denied.status, 403);
    await denied.body?.cancel();
    const scripted = await post(`${fake.url}/v1beta/models/unknown:generateContent`, { bogus: 1 });
    assert.equal(scripted.status, 200);
    assert.equal(await scripted.text(), '{\n  "ok": true\n}\n');
    const unscripted = await post(`${fake.url}${FLASH}:generateContent`, { bogus: 1 });
    assert.equal(unscripted.status, 400);
    await unscripted.body?.cancel();
  } finally {
    await fake.close();
  }
});

Deno.test("unknown routes, models and model lookups get Google's 404s", async () => {
  const fake = startFakeGemini();
  try {
    const route = await fetch(`${fake.url}/v1beta/files`, { headers: KEY });
    assert.equal(route.status, 404);
    assert.equal((await route.json()).error.status, "NOT_FOUND");
    const model = await post(`${fake.url}/v1beta/models/gemini-pro:generateContent`, ask);
    assert.equal(model.status, 404);
    assert.equal(
      await model.text(),
      await readFixture("33_error_404_model_not_found_generateContent.json"),
    );
    const get = await fetch(`${fake.url}/v1beta/models/invalid-model`, { headers: KEY });
    assert.equal(await get.text(), await readFixture("34_error_404_get_model_not_found.json"));
    const embedding = await post(`${fake.url}/v1beta/models/gemini-2.5-flash:batchEmbedContents`, {
      requests: [],
    });
    assert.equal(embedding.status, 404);
    assert.match((await embedding.json()).error.message, /not supported for embedContent/);
  } finally {
    await fake.close();
  }
});

Deno.test("models.list and models.get answer from the catalog", async () => {
  const fake = startFakeGemini();
  try {
    const page = await fetch(`${fake.url}/v1beta/models`, { headers: KEY });
    assert.equal(await page.text(), await readFixture("09_models_list_page1_v1beta.json"));
    const all = await (await fetch(`${fake.url}/v1beta/models?pageSize=1000`, { headers: KEY }))
      .json();
    assert.ok(all.models.length > 50);
    assert.equal(all.nextPageToken, undefined);
    const model = await fetch(`${fake.url}/v1/models/gemini-2.5-flash`, { headers: KEY });
    assert.equal((await model.json()).name, "models/gemini-2.5-flash");
    const bad = await fetch(`${fake.url}/v1beta/models?pageToken=nope`, { headers: KEY });
    assert.equal(bad.status, 400);
    await bad.body?.cancel();
  } finally {
    await fake.close();
  }
});

Deno.test("streamGenerateContent?alt=sse streams compact CRLF events with Google's headers", async () => {
  const fake = startFakeGemini();
  try {
    const response = await post(`${fake.url}${FLASH}:streamGenerateContent?alt=sse`, ask);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "text/event-stream");
    assert.equal(response.headers.get("content-disposition"), "attachment");
    assert.equal(response.headers.get("server"), "scaffolding on HTTPServer2");
    assert.match(response.headers.get("server-timing")!, /^gfet4t7; dur=\d+$/);
    const text = await response.text();
    assert.ok(text.endsWith("\r\n\r\n"));
    const events = text.split("\r\n\r\n").filter(Boolean);
    assert.ok(events.length >= 2);
    const chunks = events.map((event) => {
      assert.ok(event.startsWith('data: {"candidates": [{"content": {"parts": ['));
      return JSON.parse(event.slice(6));
    });
    assert.equal(chunks.at(-1).candidates[0].finishReason, "STOP");
    const answer = chunks.map((chunk) => chunk.candidates[0].content.parts[0].text).join("");
    assert.equal(answer, "Hello from the fake Gemini. You said: Hi");
  } finally {
    await fake.close();
  }
});

Deno.test("streamGenerateContent without alt=sse answers a JSON array", async () => {
  const fake = startFakeGemini();
  try {
    const response = await post(`${fake.url}${FLASH}:streamGenerateContent`, ask);
    assert.equal(response.headers.get("content-type"), "application/json; charset=UTF-8");
    const text = await response.text();
    assert.ok(text.startsWith("[{\n") && text.includes("\n,\r\n{") && text.endsWith("}\n]"));
    assert.ok(JSON.parse(text).length >= 2);
  } finally {
    await fake.close();
  }
});

Deno.test("errors on streaming requests are sent the way Gemini sends them", async () => {
  const fake = startFakeGemini();
  try {
    const sse = await post(`${fake.url}${FLASH}:streamGenerateContent?alt=sse`, { contents: [] });
    assert.equal(sse.status, 400);
    assert.equal(sse.headers.get("content-type"), "text/event-stream");
    assert.equal(
      await sse.text(),
      '{\n  "error": {\n    "code": 400,\n    "message": "* GenerateContentRequest.contents: contents is not specified\\n",\n    "status": "INVALID_ARGUMENT"\n  }\n}\n',
    );
    const array = await post(`${fake.url}${FLASH}:streamGenerateContent`, { contents: [] });
    assert.equal(array.status, 400);
    const text = await array.text();
    assert.ok(text.startsWith('[{\n  "error": {') && text.endsWith("}\n]"));
    const missing = await post(`${fake.url}/v1beta/models/nope:streamGenerateContent?alt=sse`, ask);
    assert.equal(missing.status, 404);
    const body = await missing.json();
    assert.equal(body.error.details[0]["@type"], "type.googleapis.com/google.rpc.DebugInfo");
  } finally {
    await fake.close();
  }
});

Deno.test("an unparsable body is a 400 and is recorded without a body", async () => {
  const fake = startFakeGemini();
  try {
    const response = await post(`${fake.url}${FLASH}:generateContent`, "{nope");
    assert.equal(response.status, 400);
    assert.match((await response.json()).error.message, /^Invalid JSON payload received/);
    assert.equal(fake.requests[0].body, undefined);
  } finally {
    await fake.close();
  }
});

Deno.test("default answers for countTokens and embeddings", async () => {
  const fake = startFakeGemini();
  try {
    const count = await post(`${fake.url}${FLASH}:countTokens`, ask);
    assert.deepEqual(await count.json(), {
      totalTokens: 1,
      promptTokensDetails: [{ modality: "TEXT", tokenCount: 1 }],
    });
    const batch = await post(`${fake.url}/v1beta/models/gemini-embedding-001:batchEmbedContents`, {
      requests: [{ model: "models/gemini-embedding-001", content: { parts: [{ text: "a" }] } }],
    });
    const embeddings = (await batch.json()).embeddings;
    assert.equal(embeddings[0].values.length, 3072);
    const single = await post(`${fake.url}/v1beta/models/gemini-embedding-2:embedContent`, {
      content: { parts: [{ text: "a" }] },
      outputDimensionality: 8,
    });
    const body = await single.json();
    assert.equal(body.embedding.values.length, 8);
    assert.equal(body.usageMetadata.promptTokenCount, 1);
  } finally {
    await fake.close();
  }
});

Deno.test("scripted chunks stream as SSE or a JSON array, with an in-band error", async () => {
  const fake = startFakeGemini();
  try {
    const chunk = { candidates: [{ content: { parts: [{ text: "a<b" }], role: "model" } }] };
    const error = { error: { code: 503, message: "busy", status: "UNAVAILABLE" } };
    fake.reply({ chunks: [chunk], error }, { chunks: [chunk, chunk], error });
    const sse = await post(`${fake.url}${FLASH}:streamGenerateContent?alt=sse`, ask);
    assert.equal(sse.status, 200);
    assert.equal(
      await sse.text(),
      'data: {"candidates": [{"content": {"parts": [{"text": "a\\u003cb"}],"role": "model"}}]}\r\n\r\n' +
        'data: {"error": {"code": 503,"message": "busy","status": "UNAVAILABLE"}}\r\n\r\n',
    );
    const array = await post(`${fake.url}${FLASH}:streamGenerateContent`, ask);
    assert.deepEqual(JSON.parse(await array.text()), [chunk, chunk, error]);
  } finally {
    await fake.close();
  }
});

Deno.test("a raw fixture replays byte for byte, event by event with split: sse", async () => {
  const fake = startFakeGemini();
  try {
    const recorded = await readFixtureBytes("01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse");
    const text = new TextDecoder().decode(recorded);
    const events = text.split("\r\n\r\n").filter(Boolean).map((event) => event + "\r\n\r\n");
    fake.reply({ raw: recorded, split: "sse", delayMs: 40 }, { raw: text });
    const response = await post(`${fake.url}${FLASH}:streamGenerateContent?alt=sse`, ask);
    assert.equal(response.headers.get("content-type"), "text/event-stream");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    assert.equal(decoder.decode(first.value, { stream: true }), events[0]);
    let rest = "";
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      rest += decoder.decode(read.value, { stream: true });
    }
    assert.equal(events[0] + rest, text);
    const whole = await post(`${fake.url}${FLASH}:streamGenerateContent?alt=sse`, ask);
    assert.deepEqual(new Uint8Array(await whole.arrayBuffer()), recorded);
  } finally {
    await fake.close();
  }
});

Deno.test("raw replies keep their status and content type", async () => {
  const fake = startFakeGemini();
  try {
    fake.reply({ raw: "oops", status: 502, contentType: "text/html" });
    const response = await post(`${fake.url}${FLASH}:generateContent`, ask);
    assert.equal(response.status, 502);
    assert.equal(response.headers.get("content-type"), "text/html");
    assert.equal(await response.text(), "oops");
  } finally {
    await fake.close();
  }
});

Deno.test("scripted error statuses send the canonical bodies, framed for the request", async () => {
  const fake = startFakeGemini();
  try {
    fake.reply({ error: 429 }, { error: 503 }, { error: 500 });
    const quota = await post(`${fake.url}${FLASH}:generateContent`, ask);
    assert.equal(quota.status, 429);
    assert.equal(
      await quota.text(),
      await readFixture("22_error_429_RESOURCE_EXHAUSTED_quota_retryinfo.json"),
    );
    const sse = await post(`${fake.url}${FLASH}:streamGenerateContent?alt=sse`, ask);
    assert.equal(sse.status, 503);
    assert.equal(sse.headers.get("content-type"), "text/event-stream");
    assert.equal(await sse.text(), await readFixture("36_error_503_UNAVAILABLE.json"));
    const array = await post(`${fake.url}${FLASH}:streamGenerateContent`, ask);
    assert.equal(array.status, 500);
    const expected = (await readFixture("35_error_500_INTERNAL.json")).trimEnd();
    assert.equal(await array.text(), `[${expected}\n]`);
  } finally {
    await fake.close();
  }
});

Deno.test("shut-down models are a 404, or answered by the model Google routes them to", async () => {
  const fake = startFakeGemini();
  try {
    const gone = await post(`${fake.url}/v1beta/models/gemini-2.0-flash:generateContent`, ask);
    assert.equal(gone.status, 404);
    assert.equal(
      (await gone.json()).error.message,
      "models/gemini-2.0-flash is not found for API version v1beta, or is not supported for " +
        "generateContent. Call ListModels to see the list of available models and their " +
        "supported methods.",
    );
    const embedding = await post(
      `${fake.url}/v1beta/models/text-embedding-004:batchEmbedContents`,
      { requests: [] },
    );
    assert.equal(embedding.status, 404);
    const routed = await post(`${fake.url}/v1beta/models/gemini-2.5-flash:generateContent`, ask);
    assert.equal((await routed.json()).modelVersion, "gemini-3.5-flash-lite");
    const listed = await fetch(`${fake.url}/v1beta/models/gemini-2.0-flash`, { headers: KEY });
    assert.equal(listed.status, 200, "models.get still describes a listed model");
  } finally {
    await fake.close();
  }
});

Deno.test("thinking levels a model does not take are a 400", async () => {
  const fake = startFakeGemini();
  try {
    const withLevel = (level: string) => ({
      ...ask,
      generationConfig: { thinkingConfig: { thinkingLevel: level } },
    });
    const minimal = await post(`${fake.url}${FLASH}:generateContent`, withLevel("MINIMAL"));
    assert.equal(minimal.status, 400);
    assert.equal((await minimal.json()).error.status, "INVALID_ARGUMENT");
    const low = await post(`${fake.url}${FLASH}:generateContent`, withLevel("LOW"));
    assert.equal(low.status, 200);
    const lite = await post(
      `${fake.url}/v1beta/models/gemini-3.5-flash-lite:generateContent`,
      withLevel("MINIMAL"),
    );
    assert.equal(lite.status, 200);
    const budgetModel = await post(
      `${fake.url}/v1beta/models/gemini-2.5-flash-lite:generateContent`,
      withLevel("LOW"),
    );
    assert.equal(budgetModel.status, 400);
  } finally {
    await fake.close();
  }
});

Deno.test("replies are consumed in order, one per model-method request", async () => {
  const fake = startFakeGemini();
  try {
    fake.reply({ json: { n: 1 } }, { json: { n: 2 } }, { json: { n: 3 }, status: 201 });
    const first = await fetch(`${fake.url}/v1beta/models`, { headers: KEY });
    const second = await fetch(`${fake.url}/v1beta/models/gemini-2.5-flash`, { headers: KEY });
    const third = await post(`${fake.url}${FLASH}:countTokens`, ask);
    assert.deepEqual([await first.json(), await second.json(), await third.json()], [
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
    assert.equal(third.status, 201);
    const unscripted = await post(`${fake.url}${FLASH}:generateContent`, ask);
    assert.equal((await unscripted.json()).modelVersion, "gemini-3.8-flash");
    assert.deepEqual(fake.requests.map((request) => request.method), [
      "GET",
      "GET",
      "POST",
      "POST",
    ]);
    assert.equal(fake.requests[3].path, `${FLASH}:generateContent`);
    assert.equal(fake.requests[3].headers.get("x-goog-api-key"), "test-key");
  } finally {
    await fake.close();
  }
});

Deno.test("hang never answers until the client aborts", async () => {
  const fake = startFakeGemini();
  try {
    fake.reply({ hang: true });
    const controller = new AbortController();
    const pending = fetch(`${fake.url}${FLASH}:generateContent`, {
      method: "POST",
      headers: KEY,
      body: JSON.stringify(ask),
      signal: controller.signal,
    });
    const outcome = await Promise.race([
      pending.then(() => "answered"),
      new Promise((resolve) => setTimeout(resolve, 50, "pending")),
    ]);
    assert.equal(outcome, "pending");
    controller.abort();
    await assert.rejects(pending, { name: "AbortError" });
    assert.equal(fake.requests.length, 1);
  } finally {
    await fake.close();
  }
});

Deno.test("close ends hanging and delayed replies", async () => {
  const fake = startFakeGemini();
  fake.reply({ hang: true }, { chunks: [{}, {}], delayMs: 10_000 });
  const hanging = post(`${fake.url}${FLASH}:generateContent`, ask).then(
    (response) => response.body?.cancel(),
    () => undefined,
  );
  const slow = await post(`${fake.url}${FLASH}:streamGenerateContent?alt=sse`, ask);
  const reader = slow.body!.getReader();
  await reader.read();
  const rest = reader.read().catch(() => undefined);
  while (fake.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
  const started = performance.now();
  await fake.close();
  await Promise.all([hanging, rest]);
  await reader.cancel().catch(() => undefined);
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("WebSocket paths go to the Live endpoint and are not recorded", async () => {
  const fake = startFakeGemini();
  try {
    const response = await fetch(
      `${fake.url}/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent`,
    );
    await response.body?.cancel();
    assert.equal(fake.requests.length, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("fault modes: a redirect, a gigantic body made as it is sent, a reset", async () => {
  const fake = startFakeGemini();
  try {
    fake.reply(
      { redirect: "http://elsewhere.invalid/steal" },
      { gigantic: 300_000 },
      { gigantic: 200_000, status: 500 },
      { raw: '{"candidates": [', reset: true },
    );
    const redirect = await fetch(`${fake.url}${FLASH}:generateContent`, {
      method: "POST",
      headers: KEY,
      body: JSON.stringify(ask),
      redirect: "manual",
    });
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get("location"), "http://elsewhere.invalid/steal");
    await redirect.body?.cancel();
    const big = await post(`${fake.url}${FLASH}:generateContent`, ask);
    const text = await big.text();
    assert.equal(text.length, 300_000);
    assert.equal(JSON.parse(text).candidates[0].content.parts[0].text.length > 299_000, true);
    const error = await post(`${fake.url}${FLASH}:generateContent`, ask);
    assert.equal(error.status, 500);
    assert.equal(JSON.parse(await error.text()).error.code, 500);
    const reset = await post(`${fake.url}${FLASH}:generateContent`, ask);
    await assert.rejects(reset.text());
  } finally {
    await fake.close();
  }
});

Deno.test("fault modes for streams: one gigantic event, a cut before and after the first", async () => {
  const fake = startFakeGemini();
  const stream = `${FLASH}:streamGenerateContent?alt=sse`;
  try {
    fake.reply(
      { gigantic: 100_000 },
      { raw: "", split: "sse", reset: true },
      { raw: 'data: {"responseId": "r"}\r\n\r\n', split: "sse", reset: true },
      { raw: "<html>busy</html>", contentType: "text/html" },
    );
    const big = await post(`${fake.url}${stream}`, ask);
    const event = await big.text();
    assert.match(event, /^data: \{"candidates"/);
    assert.ok(event.endsWith("\r\n\r\n") && event.length === 100_000);
    const before = await post(`${fake.url}${stream}`, ask);
    await assert.rejects(before.text());
    const after = await post(`${fake.url}${stream}`, ask);
    const reader = after.body!.getReader();
    const first = await reader.read();
    assert.match(new TextDecoder().decode(first.value), /responseId/);
    await assert.rejects(reader.read());
    const html = await post(`${fake.url}${stream}`, ask);
    assert.equal(html.headers.get("content-type"), "text/html");
    assert.equal(await html.text(), "<html>busy</html>");
  } finally {
    await fake.close();
  }
});
