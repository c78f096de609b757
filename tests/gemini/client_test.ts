import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { GeminiClient, type GeminiClientOptions } from "../../src/gemini/client.ts";
import { ownKey } from "../../src/gemini/key_source.ts";
import { KeyPool } from "../../src/keys/pool.ts";

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

Deno.test("an unreachable upstream is a 502 that names the host and not the key", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  await assert.rejects(
    new GeminiClient(options(`http://127.0.0.1:${port}`)).generateContent("m", request),
    (error) =>
      error instanceof GatewayError && error.status === 502 &&
      error.message.includes(`127.0.0.1:${port}`) && !error.message.includes("secret-key"),
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
