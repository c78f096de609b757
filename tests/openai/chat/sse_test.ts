import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import { toServerSentEvents } from "../../../src/openai/chat/sse.ts";
import { ChatCompletionChunkStream } from "../../../src/openai/chat/stream.ts";
import { decodeToolCallId } from "../../../src/core/tool_call_id.ts";
import { GatewayError } from "../../../src/core/errors.ts";
import type { GenerateContentResponse } from "../../../src/gemini/types.ts";
import { META, sseEvents } from "./replay.ts";

const decoder = new TextDecoder();

/** Reads the next piece of text the stream writes, or `undefined` at its end. */
async function nextText(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const { value, done } = await reader.read();
  return done ? undefined : decoder.decode(value);
}

/** A source that sends `chunks`, then fails with `error`. */
function failingAfter<T>(chunks: T[], error: unknown): ReadableStream<T> {
  const queue = [...chunks];
  return new ReadableStream<T>({
    pull(controller) {
      if (queue.length === 0) throw error;
      controller.enqueue(queue.shift()!);
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return (await Array.fromAsync(stream)).map((bytes) => decoder.decode(bytes)).join("");
}

Deno.test("each chunk is one data event; [DONE] ends the stream; no event lines", async () => {
  const chunks = [{ a: 1 }, { b: "two\nlines" }];
  const text = await readAll(
    toServerSentEvents(ReadableStream.from(chunks), { keepAliveMs: 10_000, idleTimeoutMs: 60_000 }),
  );
  assert.equal(text, 'data: {"a":1}\n\ndata: {"b":"two\\nlines"}\n\ndata: [DONE]\n\n');
});

Deno.test("an empty source is just [DONE]", async () => {
  const text = await readAll(
    toServerSentEvents(ReadableStream.from([]), { keepAliveMs: 10_000, idleTimeoutMs: 60_000 }),
  );
  assert.equal(text, "data: [DONE]\n\n");
});

Deno.test("keep-alive comments are written while the source is silent", async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => release = resolve);
  let sent = 0;
  const source = new ReadableStream<object>({
    async pull(controller) {
      if (sent === 1) await gate;
      if (sent === 2) return controller.close();
      controller.enqueue({ n: sent++ });
    },
  });
  const reader = toServerSentEvents(source, { keepAliveMs: 15, idleTimeoutMs: 60_000 }).getReader();
  assert.equal(await nextText(reader), 'data: {"n":0}\n\n');
  assert.equal(await nextText(reader), ": keep-alive\n\n");
  assert.equal(await nextText(reader), ": keep-alive\n\n");
  release();
  let text = await nextText(reader);
  while (text === ": keep-alive\n\n") text = await nextText(reader);
  assert.equal(text, 'data: {"n":1}\n\n');
  assert.equal(await nextText(reader), "data: [DONE]\n\n");
  assert.equal(await nextText(reader), undefined);
});

Deno.test("a failing source ends with an error event and no [DONE]", async () => {
  const failure = new GatewayError(
    429,
    "Quota exceeded.",
    "rate_limit_error",
    null,
    "rate_limit_exceeded",
  );
  const source = failingAfter([{ ok: true }], failure);
  const text = await readAll(
    toServerSentEvents(source, { keepAliveMs: 10_000, idleTimeoutMs: 60_000 }),
  );
  assert.equal(
    text,
    'data: {"ok":true}\n\n' +
      'data: {"error":{"message":"Quota exceeded.","type":"rate_limit_error","param":null,' +
      '"code":"rate_limit_exceeded"}}\n\n',
  );
});

Deno.test("an unexpected failure is reported without its internals", async () => {
  const logged: unknown[][] = [];
  const log = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    const source = new ReadableStream<object>({
      start(controller) {
        controller.error(new TypeError("secret internal detail"));
      },
    });
    const text = await readAll(
      toServerSentEvents(source, { keepAliveMs: 10_000, idleTimeoutMs: 60_000 }),
    );
    assert.ok(!text.includes("secret"));
    assert.ok(!text.includes("[DONE]"));
    const event = JSON.parse(text.replace(/^data: /, ""));
    assert.equal(event.error.type, "api_error");
    assert.equal(typeof event.error.message, "string");
    assert.equal(logged.length, 1);
  } finally {
    console.error = log;
  }
});

Deno.test("cancelling the events cancels the source, also while it is silent", async () => {
  let reason: unknown;
  const source = new ReadableStream<object>({
    start(controller) {
      controller.enqueue({ first: true });
    },
    cancel(why) {
      reason = why;
    },
  });
  const reader = toServerSentEvents(source, { keepAliveMs: 10, idleTimeoutMs: 60_000 }).getReader();
  assert.equal(await nextText(reader), 'data: {"first":true}\n\n');
  assert.equal(await nextText(reader), ": keep-alive\n\n");
  await reader.cancel("client gone");
  assert.equal(reason, "client gone");
});

/** An OpenAI client whose every request is answered with the events of `events`. */
function clientFor(events: GenerateContentResponse[] | ReadableStream<GenerateContentResponse>) {
  const fetch = (_input: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    const source = Array.isArray(events) ? ReadableStream.from(events) : events;
    const chunks = source.pipeThrough(
      new ChatCompletionChunkStream({
        ...META,
        includeUsage: !!body.stream_options?.include_usage,
      }),
    );
    return Promise.resolve(
      new Response(toServerSentEvents(chunks, { keepAliveMs: 10_000, idleTimeoutMs: 60_000 }), {
        headers: { "content-type": "text/event-stream" },
      }),
    );
  };
  return new OpenAI({ apiKey: "test-key", baseURL: "http://127.0.0.1:1/v1", fetch, maxRetries: 0 });
}

Deno.test("the openai SDK assembles the translated stream (fixture 02a)", async () => {
  const events = await sseEvents("02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse");
  const signature = events[0].candidates![0].content!.parts![0].thoughtSignature;
  const stream = clientFor(events).chat.completions.stream({
    model: "gemini-test",
    messages: [{ role: "user", content: "Which country?" }],
    stream_options: { include_usage: true },
  });
  const completion = await stream.finalChatCompletion();
  const [choice] = completion.choices;
  assert.equal(choice.finish_reason, "tool_calls");
  assert.equal(choice.message.tool_calls?.length, 1);
  const [call] = choice.message.tool_calls!;
  assert.ok(call.type === "function");
  assert.equal(call.function.name, "get_country");
  assert.equal(decodeToolCallId(call.id), signature);
  assert.equal(completion.usage?.total_tokens, 241);
});

Deno.test("the openai SDK reads text and raises the in-band error", async () => {
  const events = await sseEvents("01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse");
  const ok = await clientFor(events).chat.completions.create({
    model: "gemini-test",
    messages: [{ role: "user", content: "Capital of France?" }],
    stream: true,
  });
  let text = "";
  for await (const chunk of ok) text += chunk.choices[0]?.delta.content ?? "";
  assert.equal(text, "The capital of France is Paris.\n");

  const failing = failingAfter(
    [events[0]],
    new GatewayError(503, "The model is overloaded.", "api_error"),
  );
  const broken = await clientFor(failing).chat.completions.create({
    model: "gemini-test",
    messages: [{ role: "user", content: "Capital of France?" }],
    stream: true,
  });
  let received = "";
  await assert.rejects(
    async () => {
      for await (const chunk of broken) received += chunk.choices[0]?.delta.content ?? "";
    },
    (error) => error instanceof OpenAI.APIError && error.message.includes("overloaded"),
  );
  assert.equal(received, "The");
});

Deno.test("a source silent past the idle timeout is ended with a 504 and cancelled", async () => {
  const cancelled = Promise.withResolvers<unknown>();
  const source = new ReadableStream<object>({
    start(controller) {
      controller.enqueue({ id: "first" });
    },
    cancel: (reason) => cancelled.resolve(reason),
  });
  const text = await readAll(toServerSentEvents(source, { keepAliveMs: 10, idleTimeoutMs: 60 }));
  assert.match(text, /^data: \{"id":"first"\}\n\n(: keep-alive\n\n)+data: \{"error":/);
  assert.match(text, /"code":"upstream_timeout"/);
  assert.ok(!text.includes("[DONE]"));
  assert.ok(await cancelled.promise instanceof GatewayError);
});
