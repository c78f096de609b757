import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { type StreamLimits, streamResponse, type StreamTranslator } from "../../src/core/stream.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes each response's id, `.` at the end and `!<status>` on failure. */
const translator: StreamTranslator = {
  next: (response) => `[${response.responseId}]`,
  end: () => ".",
  fail: (error) => `!${error.status}`,
};
const FORMAT = { contentType: "text/plain", keepAlive: "~" };
const LIMITS: StreamLimits = { keepAliveMs: 10_000, idleTimeoutMs: 60_000, maxEventBytes: 1 << 20 };

const event = (id: string, finish = false) =>
  `data: ${
    JSON.stringify({ responseId: id, candidates: finish ? [{ finishReason: "STOP" }] : [] })
  }\n\n`;

/** An upstream body that sends `events` as they are pushed, ended by `close`. */
function upstream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const cancelled = Promise.withResolvers<unknown>();
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: (reason) => cancelled.resolve(reason),
  });
  return {
    body,
    cancelled: cancelled.promise,
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
    error: (error: unknown) => controller.error(error),
  };
}

async function readAll(response: Response): Promise<string> {
  return (await Array.fromAsync(response.body!)).map((bytes) => decoder.decode(bytes)).join("");
}

Deno.test("responses are translated as they come; a complete answer ends the stream", async () => {
  const source = upstream();
  source.push(event("a"));
  const response = await streamResponse(Promise.resolve(source.body), translator, FORMAT, LIMITS);
  assert.equal(response.headers.get("content-type"), "text/plain");
  assert.equal(response.headers.get("cache-control"), "no-cache");
  const reader = response.body!.getReader();
  assert.equal(decoder.decode((await reader.read()).value), "[a]");
  source.push(event("b", true));
  source.close();
  assert.equal(decoder.decode((await reader.read()).value), "[b]");
  assert.equal(decoder.decode((await reader.read()).value), ".");
  assert.ok((await reader.read()).done);
});

Deno.test("a failure before the first response rejects, for an HTTP error", async () => {
  const refused = new GatewayError(429, "quota", "rate_limit_error");
  await assert.rejects(
    streamResponse(Promise.reject(refused), translator, FORMAT, LIMITS),
    (error) => error === refused,
  );
  const source = upstream();
  source.push('data: {"error": {"code": 503, "message": "busy"}}\n\n');
  await assert.rejects(
    streamResponse(Promise.resolve(source.body), translator, FORMAT, LIMITS),
    (error) => error instanceof GatewayError && error.status === 503,
  );
});

Deno.test("an upstream that sends no response, or stops before the answer is complete, fails", async () => {
  for (const body of ["", ": comment\n\n", "<html>not a stream</html>"]) {
    const source = upstream();
    source.push(body);
    source.close();
    await assert.rejects(
      streamResponse(Promise.resolve(source.body), translator, FORMAT, LIMITS),
      (error) =>
        error instanceof GatewayError && error.status === 502 && /without/.test(error.message),
    );
  }
  const cut = upstream();
  cut.push(event("a"));
  const response = await streamResponse(Promise.resolve(cut.body), translator, FORMAT, LIMITS);
  cut.close();
  assert.equal(await readAll(response), "[a]!502");
});

Deno.test("a failure after the stream began ends it with the dialect's failure", async () => {
  const source = upstream();
  source.push(event("a"));
  const response = await streamResponse(Promise.resolve(source.body), translator, FORMAT, LIMITS);
  source.push('data: {"error": {"code": 503, "message": "busy"}}\n\n');
  assert.equal(await readAll(response), "[a]!503");
  const broken = upstream();
  broken.push(event("a"));
  const reset = await streamResponse(Promise.resolve(broken.body), translator, FORMAT, LIMITS);
  broken.error(new TypeError("connection reset"));
  assert.equal(await readAll(reset), "[a]!502");
});

Deno.test("a silent Gemini gets keep-alives, then its late failure in the stream", async () => {
  const late = Promise.withResolvers<ReadableStream<Uint8Array>>();
  const limits = { ...LIMITS, keepAliveMs: 10 };
  const response = await streamResponse(late.promise, translator, FORMAT, limits);
  const reader = response.body!.getReader();
  assert.equal(decoder.decode((await reader.read()).value), "~");
  late.reject(new GatewayError(500, "late", "api_error"));
  let text = "";
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    text += decoder.decode(read.value);
  }
  assert.match(text, /^~*!500$/);
});

Deno.test("silence past the idle timeout ends the stream with a 504 and cancels upstream", async () => {
  const source = upstream();
  source.push(event("a"));
  const limits = { ...LIMITS, keepAliveMs: 10, idleTimeoutMs: 60 };
  const response = await streamResponse(Promise.resolve(source.body), translator, FORMAT, limits);
  assert.match(await readAll(response), /^\[a\](~)*!504$/);
  assert.ok(await source.cancelled instanceof GatewayError);
});

Deno.test("without a keep-alive text nothing is written while Gemini is silent", async () => {
  const source = upstream();
  source.push(event("a"));
  const limits = { ...LIMITS, keepAliveMs: 10, idleTimeoutMs: 60 };
  const format = { contentType: "text/plain" };
  const response = await streamResponse(Promise.resolve(source.body), translator, format, limits);
  assert.equal(await readAll(response), "[a]!504");
});

Deno.test("streams open at once each get their keep-alives from one timer, made again after the last", async () => {
  const limits = { ...LIMITS, keepAliveMs: 10 };
  const sources = [upstream(), upstream(), upstream()];
  const responses = await Promise.all(
    sources.map((source) => {
      source.push(event("a"));
      return streamResponse(Promise.resolve(source.body), translator, FORMAT, limits);
    }),
  );
  const readers = responses.map((response) => response.body!.getReader());
  for (const reader of readers) assert.equal(decoder.decode((await reader.read()).value), "[a]");
  for (const reader of readers) assert.equal(decoder.decode((await reader.read()).value), "~");
  await readers[0].cancel();
  sources[1].push(event("b", true));
  sources[1].close();
  let rest = "";
  for (let read = await readers[1].read(); !read.done; read = await readers[1].read()) {
    rest += decoder.decode(read.value);
  }
  assert.match(rest, /^~*\[b\]\.$/);
  assert.equal(decoder.decode((await readers[2].read()).value), "~");
  await readers[2].cancel();
  // After the last one closed, a new stream of the same period starts a timer of its own.
  const late = Promise.withResolvers<ReadableStream<Uint8Array>>();
  const next = await streamResponse(late.promise, translator, FORMAT, limits);
  const reader = next.body!.getReader();
  assert.equal(decoder.decode((await reader.read()).value), "~");
  await reader.cancel();
  late.resolve(upstream().body);
});

Deno.test("cancelling the response cancels the upstream, also before it started", async () => {
  const source = upstream();
  source.push(event("a"));
  const response = await streamResponse(Promise.resolve(source.body), translator, FORMAT, LIMITS);
  await response.body!.cancel("client gone");
  assert.equal(await source.cancelled, "client gone");

  const late = Promise.withResolvers<ReadableStream<Uint8Array>>();
  const waiting = await streamResponse(late.promise, translator, FORMAT, {
    ...LIMITS,
    keepAliveMs: 10,
  });
  await waiting.body!.cancel("gone early");
  const body = upstream();
  late.resolve(body.body);
  assert.equal(await body.cancelled, "gone early");
});

Deno.test("a translator's unexpected failure is logged and reported without its internals", async () => {
  const logged: unknown[] = [];
  const log = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    const source = upstream();
    source.push(event("a"));
    let calls = 0;
    const faulty: StreamTranslator = {
      ...translator,
      next: (response) => {
        if (calls++ > 0) throw new TypeError("secret internal detail");
        return translator.next(response);
      },
    };
    const response = await streamResponse(Promise.resolve(source.body), faulty, FORMAT, LIMITS);
    source.push(event("b", true));
    assert.equal(await readAll(response), "[a]!500");
    assert.equal(logged.length, 1);
  } finally {
    console.error = log;
  }
});
