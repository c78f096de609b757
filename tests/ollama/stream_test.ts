import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import type { GenerateContentResponse } from "../../src/gemini/types.ts";
import { Clock } from "../../src/ollama/metrics.ts";
import { NDJSON_FORMAT, ndjsonLine, ollamaStream } from "../../src/ollama/stream.ts";

const chunk = (parts: object[], finishReason?: string): GenerateContentResponse => ({
  candidates: [{
    index: 0,
    content: { role: "model", parts },
    ...finishReason && { finishReason },
  }],
  usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 6, thoughtsTokenCount: 2 },
});

Deno.test("each Gemini response is one line; empty ones write nothing; the end is done", () => {
  const stream = ollamaStream("chat", "m:latest", new Clock());
  const first = JSON.parse(stream.next(chunk([{ text: "Think", thought: true }])));
  assert.deepEqual(first.message, { role: "assistant", content: "", thinking: "Think" });
  assert.equal(first.done, false);
  assert.equal(stream.next(chunk([])), "");
  const text = stream.next(chunk([{ text: "Hi" }], "MAX_TOKENS"));
  assert.ok(text.endsWith("}\n") && text.split("\n").length === 2);
  const last = JSON.parse(stream.end());
  assert.equal(last.done, true);
  assert.equal(last.done_reason, "length");
  assert.equal(last.prompt_eval_count, 4);
  assert.equal(last.eval_count, 8);
});

Deno.test("generate streams write response; a failure is a last error line", () => {
  const stream = ollamaStream("generate", "m", new Clock());
  assert.equal(JSON.parse(stream.next(chunk([{ text: "a" }]))).response, "a");
  assert.equal(
    stream.fail(new GatewayError(503, "Overloaded.", "api_error")),
    '{"error":"Overloaded."}\n',
  );
});

Deno.test("the NDJSON format has no keep-alive", () => {
  assert.deepEqual(NDJSON_FORMAT, { contentType: "application/x-ndjson" });
  assert.equal(ndjsonLine({ a: 1 }), '{"a":1}\n');
});
