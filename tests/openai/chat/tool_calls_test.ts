import assert from "node:assert/strict";
import { decodeToolCallId } from "../../../src/core/tool_call_id.ts";
import { toToolCall } from "../../../src/openai/chat/tool_calls.ts";
import { sseEvents } from "./replay.ts";

Deno.test("a call without arguments has arguments {}", () => {
  const call = toToolCall({ name: "get_time" });
  assert.equal(call.type, "function");
  assert.deepEqual(call.function, { name: "get_time", arguments: "{}" });
  assert.match(call.id, /^call_[A-Za-z0-9]+$/);
  assert.equal(call.extra_content, undefined);
});

Deno.test("arguments are a JSON string of Gemini's args", () => {
  const call = toToolCall({ name: "multiply", args: { x: 5, y: 3, nested: { a: [1, "b"] } } });
  assert.deepEqual(JSON.parse(call.function.arguments), { x: 5, y: 3, nested: { a: [1, "b"] } });
});

Deno.test("every call gets its own id", () => {
  const ids = new Set(Array.from({ length: 20 }, () => toToolCall({ name: "f" }).id));
  assert.equal(ids.size, 20);
});

Deno.test("the thought signature rides in the id and in extra_content (fixture 02a)", async () => {
  const [first] = await sseEvents("02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse");
  const part = first.candidates![0].content!.parts![0];
  const call = toToolCall(part.functionCall!, part.thoughtSignature);
  assert.equal(call.function.name, "get_country");
  assert.equal(decodeToolCallId(call.id), part.thoughtSignature);
  assert.deepEqual(call.extra_content, { google: { thought_signature: part.thoughtSignature } });
});
