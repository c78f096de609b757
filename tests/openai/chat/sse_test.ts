import assert from "node:assert/strict";
import OpenAI from "npm:openai@7.57.0";
import { GatewayError } from "../../../src/core/errors.ts";
import { streamResponse } from "../../../src/core/stream.ts";
import { decodeToolCallId } from "../../../src/core/tool_call_id.ts";
import type { GeminiErrorBody, GenerateContentResponse } from "../../../src/gemini/types.ts";
import { SSE_CONTENT_TYPE, SSE_KEEP_ALIVE, sseEvent } from "../../../src/http/sse.ts";
import { chatCompletionEvents } from "../../../src/openai/chat/sse.ts";
import { ChatCompletionChunks } from "../../../src/openai/chat/stream.ts";
import { META, sseEvents } from "./replay.ts";

const hello: GenerateContentResponse = {
  candidates: [{ content: { parts: [{ text: "Hi" }], role: "model" } }],
};

Deno.test("each chunk is one data event; [DONE] ends the stream; no event lines", () => {
  const events = chatCompletionEvents(new ChatCompletionChunks({ ...META, includeUsage: false }));
  const text = events.next(hello) + events.end();
  const lines = text.split("\n\n").filter(Boolean);
  assert.equal(lines.length, 3);
  assert.ok(lines.every((line) => line.startsWith("data: ")));
  assert.equal(JSON.parse(lines[0].slice(6)).choices[0].delta.content, "Hi");
  assert.equal(JSON.parse(lines[1].slice(6)).choices[0].finish_reason, "stop");
  assert.equal(lines[2], "data: [DONE]");
});

Deno.test("a failure is one error event in OpenAI's envelope, without [DONE]", () => {
  const events = chatCompletionEvents(new ChatCompletionChunks({ ...META, includeUsage: false }));
  const failure = new GatewayError(
    429,
    "Quota exceeded.",
    "rate_limit_error",
    null,
    "rate_limit_exceeded",
  );
  assert.equal(
    events.fail(failure),
    'data: {"error":{"message":"Quota exceeded.","type":"rate_limit_error","param":null,' +
      '"code":"rate_limit_exceeded"}}\n\n',
  );
});

/** An OpenAI client whose every request is answered with `events` as Gemini would send them. */
function clientFor(events: (GenerateContentResponse | GeminiErrorBody)[]) {
  const fetch = (_input: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    const sse = events.map((event) => sseEvent(event)).join("");
    const chunks = new ChatCompletionChunks({
      ...META,
      includeUsage: !!body.stream_options?.include_usage,
    });
    return streamResponse(
      Promise.resolve(new Response(sse).body!),
      chatCompletionEvents(chunks),
      { contentType: SSE_CONTENT_TYPE, keepAlive: SSE_KEEP_ALIVE },
      { keepAliveMs: 10_000, idleTimeoutMs: 60_000, maxEventBytes: 1 << 20 },
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

  const failing = [events[0], {
    error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" },
  }];
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
