import assert from "node:assert/strict";
import { GatewayError } from "../../../src/core/errors.ts";
import { CompletionChunks, completionEvents } from "../../../src/openai/completions/stream.ts";

const meta = { id: "cmpl-1", created: 1, model: "m", includeUsage: false };

Deno.test("CompletionChunks: text as it comes, echo first, one finish per choice", () => {
  const chunks = new CompletionChunks({ ...meta, echo: ["P:"] });
  const first = chunks.next({ candidates: [{ index: 0, content: { parts: [{ text: "a" }] } }] });
  assert.deepEqual(first.map((chunk) => chunk.choices[0].text), ["P:a"]);
  const last = chunks.next({
    candidates: [{ index: 0, content: { parts: [{ text: "b" }] }, finishReason: "STOP" }],
  });
  assert.deepEqual(last[0].choices[0], {
    text: "b",
    index: 0,
    logprobs: null,
    finish_reason: "stop",
  });
  assert.deepEqual(
    chunks.next({ candidates: [{ index: 0, content: { parts: [{ text: "c" }] } }] }),
    [],
  );
  assert.deepEqual(chunks.end(), []);
});

Deno.test("CompletionChunks: an unfinished stream is finished; usage last when asked for", () => {
  const chunks = new CompletionChunks({ ...meta, includeUsage: true });
  chunks.next({
    candidates: [{ content: { parts: [{ text: "a" }] } }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 2 },
  });
  const end = chunks.end();
  assert.equal(end[0].choices[0].finish_reason, "stop");
  assert.deepEqual(end[1].choices, []);
  assert.equal(end[1].usage?.total_tokens, 3);
  assert.equal(end[0].usage, undefined);
});

Deno.test("CompletionChunks: a blocked prompt is one content_filter choice", () => {
  const chunks = new CompletionChunks(meta);
  const [chunk] = chunks.next({ promptFeedback: { blockReason: "OTHER" } });
  assert.equal(chunk.choices[0].finish_reason, "content_filter");
});

Deno.test("completionEvents: data events, [DONE], errors in OpenAI's envelope", () => {
  const events = completionEvents(new CompletionChunks(meta));
  assert.match(events.next({ candidates: [{ content: { parts: [{ text: "a" }] } }] }), /^data: \{/);
  assert.match(events.end(), /data: \[DONE\]\n\n$/);
  assert.equal(
    events.fail(new GatewayError(502, "boom", "api_error")),
    'data: {"error":{"message":"boom","type":"api_error","param":null,"code":null}}\n\n',
  );
});
