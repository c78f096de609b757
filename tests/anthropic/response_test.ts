import assert from "node:assert/strict";
import { messageId, toMessage } from "../../src/anthropic/response.ts";

const meta = { id: "msg_1", model: "gemini-3.6-flash", singleToolUse: false, thinking: true };

Deno.test("a response becomes a message with blocks, stop reason and usage", () => {
  const message = toMessage({
    candidates: [{
      content: { role: "model", parts: [{ text: "Hi", thoughtSignature: "c2ln" }] },
      finishReason: "STOP",
    }],
    usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 2, thoughtsTokenCount: 3 },
  }, meta);
  assert.deepEqual(message, {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "gemini-3.6-flash",
    content: [
      { type: "thinking", thinking: "", signature: "c2ln" },
      { type: "text", text: "Hi" },
    ],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: {
      input_tokens: 10,
      output_tokens: 5,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens_details: { thinking_tokens: 3 },
    },
  });
});

Deno.test("without thinking asked for, a signed answer is text only (content[0].text)", () => {
  const message = toMessage({
    candidates: [{
      content: { role: "model", parts: [{ text: "Hi", thoughtSignature: "c2ln" }] },
      finishReason: "STOP",
    }],
  }, { ...meta, thinking: false });
  assert.deepEqual(message.content, [{ type: "text", text: "Hi" }]);
});

Deno.test("calls stop with tool_use; MAX_TOKENS with max_tokens; SAFETY with refusal", () => {
  const stop = (parts: object[], finishReason: string) =>
    toMessage({ candidates: [{ content: { parts }, finishReason }] }, meta).stop_reason;
  assert.equal(stop([{ functionCall: { name: "f", args: {} } }], "STOP"), "tool_use");
  assert.equal(stop([{ text: "cut" }], "MAX_TOKENS"), "max_tokens");
  assert.equal(stop([], "SAFETY"), "refusal");
});

Deno.test("a blocked prompt is a text block saying so, stopped by refusal", () => {
  const message = toMessage({ promptFeedback: { blockReason: "PROHIBITED_CONTENT" } }, meta);
  assert.equal(message.stop_reason, "refusal");
  assert.deepEqual(message.content, [{
    type: "text",
    text: "The prompt was blocked by Gemini (reason: PROHIBITED_CONTENT).",
  }]);
});

Deno.test("an empty answer Gemini gave up on says why, after any thinking", () => {
  const message = toMessage({
    candidates: [{
      content: { parts: [{ text: "Let me call it.", thought: true }] },
      finishReason: "MALFORMED_FUNCTION_CALL",
      finishMessage: "Malformed function call: print(x)",
    }],
  }, meta);
  assert.equal(message.stop_reason, "end_turn");
  assert.deepEqual(message.content, [
    { type: "thinking", thinking: "Let me call it.", signature: "" },
    {
      type: "text",
      text:
        "Gemini ended the turn without an answer (reason: MALFORMED_FUNCTION_CALL). Malformed function call: print(x)",
    },
  ]);
  // An empty answer that simply stopped stays empty.
  const empty = toMessage({ candidates: [{ finishReason: "STOP" }] }, meta);
  assert.deepEqual(empty.content, []);
});

Deno.test("disable_parallel_tool_use keeps the first call only", () => {
  const message = toMessage({
    candidates: [{
      content: { parts: [{ functionCall: { name: "a" } }, { functionCall: { name: "b" } }] },
      finishReason: "STOP",
    }],
  }, { ...meta, singleToolUse: true });
  assert.deepEqual(message.content.map((block) => block.type === "tool_use" && block.name), ["a"]);
});

Deno.test("message ids are msg_ and unique", () => {
  assert.match(messageId(), /^msg_[0-9a-f]{24}$/);
  assert.notEqual(messageId(), messageId());
});
