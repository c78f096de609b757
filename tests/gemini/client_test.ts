import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { type FakeReply, startFakeGemini } from "../../src/fake/server.ts";
import { GeminiClient, type GeminiClientOptions } from "../../src/gemini/client.ts";
import { ownKey } from "../../src/gemini/key_source.ts";
import { KeyPool } from "../../src/keys/pool.ts";
import { captureConsole } from "../helpers/console.ts";
import { startGateway } from "../helpers/harness.ts";

/** A one-off upstream on loopback whose handler the test chooses. */
function upstream(handler: Deno.ServeHandler) {
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, handler);
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

const options = (baseUrl: string, extra: Partial<GeminiClientOptions> = {}) => ({
  baseUrl,
  apiVersion: "v1beta",
  keys: ownKey("secret-key"),
  timeoutMs: 5_000,
  maxBodyBytes: 1024 * 1024,
  ...extra,
});

const request = { contents: [{ role: "user" as const, parts: [{ text: "hi" }] }] };

Deno.test("sends the key only in x-goog-api-key, never in the URL", async () => {
  let key: string | null = null;
  let url = "";
  await using server = upstream((req) => {
    key = req.headers.get("x-goog-api-key");
    url = req.url;
    return Response.json({ candidates: [] });
  });
  await new GeminiClient(options(server.url)).generateContent("models/gemini-2.5-flash", request);
  assert.equal(key, "secret-key");
  assert.ok(!url.includes("secret-key"));
  assert.equal(new URL(url).pathname, "/v1beta/models/gemini-2.5-flash:generateContent");
});

Deno.test("countTokens counts a whole request, its model named inside", async () => {
  const fake = startFakeGemini();
  const counted = await new GeminiClient(options(fake.url)).countTokens("gemini-3.6-flash", {
    ...request,
    systemInstruction: { parts: [{ text: "Be brief." }] },
  }).finally(() => fake.close());
  assert.ok((counted.totalTokens ?? 0) > 0);
  const sent = fake.requests.at(-1)!;
  assert.equal(sent.path, "/v1beta/models/gemini-3.6-flash:countTokens");
  assert.deepEqual(sent.body, {
    generateContentRequest: {
      model: "models/gemini-3.6-flash",
      ...request,
      systemInstruction: { parts: [{ text: "Be brief." }] },
    },
  });
});

Deno.test("follows nextPageToken to the last page", async () => {
  const tokens: (string | null)[] = [];
  await using server = upstream((req) => {
    const token = new URL(req.url).searchParams.get("pageToken");
    tokens.push(token);
    return Response.json(
      token
        ? { models: [{ name: "models/b" }] }
        : { models: [{ name: "models/a" }], nextPageToken: "t1" },
    );
  });
  const models = await new GeminiClient(options(server.url)).listModels();
  assert.deepEqual(models.map((model) => model.name), ["models/a", "models/b"]);
  assert.deepEqual(tokens, [null, "t1"]);
});

Deno.test("a slow upstream is a 504", async () => {
  await using server = upstream(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return Response.json({});
  });
  await assert.rejects(
    new GeminiClient(options(server.url, { timeoutMs: 50 })).generateContent("m", request),
    (error) => error instanceof GatewayError && error.status === 504,
  );
});

Deno.test("an unreachable upstream is a 502 with a generic cause, not the fetch error", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  await assert.rejects(
    new GeminiClient(options(`http://127.0.0.1:${port}`)).generateContent("m", request),
    (error) =>
      error instanceof GatewayError && error.status === 502 &&
      error.message === `Could not reach Gemini at 127.0.0.1:${port}: the connection was refused.`,
  );
});

Deno.test("a stream that fails before output rejects with the mapped error", async () => {
  await using server = upstream(() =>
    new Response(
      '{\n  "error": {\n    "code": 503,\n    "message": "busy",\n    "status": "UNAVAILABLE"\n  }\n}\n',
      {
        status: 503,
        headers: { "content-type": "text/event-stream" },
      },
    )
  );
  await assert.rejects(
    new GeminiClient(options(server.url)).streamGenerateContent("m", request),
    (error) => error instanceof GatewayError && error.status === 503 && error.message === "busy",
  );
});

Deno.test("the client going away aborts the upstream request", async () => {
  const aborted = Promise.withResolvers<void>();
  const received = Promise.withResolvers<void>();
  await using server = upstream((req) => {
    req.signal.addEventListener("abort", () => aborted.resolve());
    received.resolve();
    return new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('data: {"responseId": "r"}\r\n\r\n'));
        },
      }),
      { headers: { "content-type": "text/event-stream" } },
    );
  });
  const client = new AbortController();
  const stream = await new GeminiClient(options(server.url, { signal: client.signal }))
    .streamGenerateContent("m", request);
  await received.promise;
  const reader = stream.getReader();
  assert.match(new TextDecoder().decode((await reader.read()).value), /"responseId": "r"/);
  client.abort();
  await aborted.promise;
  await reader.cancel().catch(() => {});
});

Deno.test("cancelling the stream aborts the upstream request", async () => {
  const aborted = Promise.withResolvers<void>();
  await using server = upstream((req) => {
    req.signal.addEventListener("abort", () => aborted.resolve());
    return new Response(new ReadableStream({}), {
      headers: { "content-type": "text/event-stream" },
    });
  });
  const stream = await new GeminiClient(options(server.url)).streamGenerateContent("m", request);
  await stream.cancel();
  await aborted.promise;
});

Deno.test("a streaming answer that is not an event stream is a 502", async () => {
  for (const type of ["text/html", ""]) {
    await using server = upstream(() =>
      new Response("<html></html>", { headers: type ? { "content-type": type } : {} })
    );
    await assert.rejects(
      new GeminiClient(options(server.url)).streamGenerateContent("m", request),
      (error) =>
        error instanceof GatewayError && error.status === 502 && /event stream/.test(error.message),
    );
  }
});

Deno.test("every call takes its key from the key source, which may retry it with another", async () => {
  const keys: (string | null)[] = [];
  await using server = upstream((req) => {
    const key = req.headers.get("x-goog-api-key");
    keys.push(key);
    if (key === "busy-key") {
      return Response.json({ error: { code: 503, message: "busy", status: "UNAVAILABLE" } }, {
        status: 503,
      });
    }
    if (req.url.includes("streamGenerateContent")) {
      return new Response("data: {}\r\n\r\n", { headers: { "content-type": "text/event-stream" } });
    }
    const token = new URL(req.url).searchParams.get("pageToken");
    return Response.json(token ? { models: [] } : { models: [], nextPageToken: "t1" });
  });
  const pool = new KeyPool(["busy-key", "good-key"]);
  const client = new GeminiClient(options(server.url, { keys: pool }));
  const body = await client.streamGenerateContent("gemini-2.5-flash", request);
  await body.cancel();
  assert.deepEqual(keys, ["busy-key", "good-key"]);
  keys.length = 0;
  await client.listModels();
  assert.deepEqual(keys, ["busy-key", "good-key", "good-key"], "all pages with one key");
});

/** What a non-streaming call sees for each of the fake Gemini's faults. */
const FAULTS: {
  name: string;
  reply: FakeReply;
  call?: (client: GeminiClient) => Promise<unknown>;
  status: number;
  message: RegExp;
}[] = [
  {
    name: "a truncated body",
    reply: { raw: '{"candidates": [{"content": {"parts": [{"te' },
    status: 502,
    message: /not JSON/,
  },
  {
    name: "a non-JSON body",
    reply: { raw: "<html>oops</html>" },
    status: 502,
    message: /not JSON/,
  },
  { name: "a non-object body", reply: { json: [1, 2] }, status: 502, message: /unexpected shape/ },
  {
    name: "candidates that are not an array",
    reply: { json: { candidates: { text: "hi" } } },
    status: 502,
    message: /unexpected shape: candidates is not an array/,
  },
  {
    name: "parts that are not objects",
    reply: { json: { candidates: [{ content: { parts: ["hi"] } }] } },
    status: 502,
    message: /candidates\[0\]\.content\.parts\[0\] is not an object/,
  },
  {
    name: "models that are not an array",
    reply: { json: { models: "all of them" } },
    call: (client) => client.listModels(),
    status: 502,
    message: /models is not an array/,
  },
  {
    name: "a model without a name",
    reply: { json: { displayName: "x" } },
    call: (client) => client.getModel("m"),
    status: 502,
    message: /name is missing/,
  },
  {
    name: "embeddings that are not an array",
    reply: { json: { embeddings: 3 } },
    call: (client) => client.batchEmbedContents("m", { requests: [] }),
    status: 502,
    message: /embeddings is not an array/,
  },
  {
    name: "a redirect to another origin",
    reply: { redirect: "http://127.0.0.1:9/steal" },
    status: 502,
    message: /Gemini answered with a redirect \(HTTP 302\)/,
  },
  {
    name: "a gigantic body",
    reply: { gigantic: 3 * 1024 * 1024 },
    status: 502,
    message: /larger than the 1048576 bytes .*MAX_UPSTREAM_BODY_BYTES/,
  },
  {
    name: "a gigantic error body",
    reply: { gigantic: 3 * 1024 * 1024, status: 500 },
    status: 502,
    message: /^Gemini answered with HTTP 500 and no error message\.$/,
  },
  {
    name: "a reset mid-body",
    reply: { raw: '{"candidates": [', reset: true },
    status: 502,
    message: /^Could not reach Gemini at 127\.0\.0\.1:\d+: the connection was cut\.$/,
  },
  { name: "silence", reply: { hang: true }, status: 504, message: /did not answer within/ },
];

for (const fault of FAULTS) {
  Deno.test(`fault: ${fault.name} is a ${fault.status}`, async () => {
    const fake = startFakeGemini();
    try {
      fake.reply(fault.reply);
      const client = new GeminiClient(options(fake.url, { timeoutMs: 300 }));
      const call = fault.call ?? ((client) => client.generateContent("gemini-2.5-flash", request));
      await assert.rejects(call(client), (error) => {
        assert.ok(error instanceof GatewayError, String(error));
        assert.equal(error.status, fault.status);
        assert.match(error.message, fault.message);
        assert.ok(!error.message.includes("secret-key"));
        return true;
      });
    } finally {
      await fake.close();
    }
  });
}

Deno.test("a redirect is not followed: the key never reaches the other origin", async () => {
  let reached = false;
  await using elsewhere = upstream(() => {
    reached = true;
    return Response.json({ candidates: [] });
  });
  await using server = upstream(() =>
    new Response(null, { status: 307, headers: { location: `${elsewhere.url}/steal` } })
  );
  await assert.rejects(
    new GeminiClient(options(server.url)).generateContent("m", request),
    (error) =>
      error instanceof GatewayError && error.status === 502 &&
      !error.message.includes(elsewhere.url),
  );
  assert.equal(reached, false);
});

Deno.test("credentials in Gemini's error messages are redacted", async () => {
  const google = `AIza${"x".repeat(35)}`;
  await using server = upstream(() =>
    Response.json({
      error: {
        code: 400,
        message: `API key secret-key and ${google} are not valid.`,
        status: "INVALID_ARGUMENT",
      },
    }, { status: 400 })
  );
  await assert.rejects(
    new GeminiClient(options(server.url)).generateContent("m", request),
    (error) =>
      error instanceof GatewayError &&
      error.message === "API key [redacted] and [redacted] are not valid.",
  );
});

Deno.test("a client that goes away mid-stream logs nothing", async () => {
  using logs = captureConsole();
  await using gw = await startGateway();
  const chunk = (text: string, finishReason?: string) => ({
    candidates: [{ content: { role: "model", parts: [{ text }] }, index: 0, finishReason }],
  });
  for (const stream of [true, false]) {
    gw.fake.reply(
      stream ? { chunks: [chunk("One "), chunk("two.", "STOP")], delayMs: 300 } : { hang: true },
    );
    const client = new AbortController();
    const response = gw.request("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ stream, messages: [{ role: "user", content: "hi" }] }),
      signal: client.signal,
    });
    if (stream) await (await response).body!.getReader().read();
    else await new Promise((resolve) => setTimeout(resolve, 100));
    client.abort();
    await response.then((answer) => answer.body?.cancel()).catch(() => {});
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual(logs.lines, []);
});
