import assert from "node:assert/strict";
import { MessageEvents, PING_EVENT } from "../../src/anthropic/stream.ts";
import { GatewayError } from "../../src/core/errors.ts";

const meta = { id: "msg_1", model: "gemini-3.6-flash", singleToolUse: false };

/** The events of an SSE text, as `[event name, data]`. */
function parse(text: string): [string, Record<string, unknown>][] {
  return text.split("\n\n").filter(Boolean).map((event) => {
    const [name, data] = event.split("\n");
    assert.ok(name.startsWith("event: ") && data.startsWith("data: "), event);
    const parsed = JSON.parse(data.slice("data: ".length));
    assert.equal(parsed.type, name.slice("event: ".length));
    return [name.slice("event: ".length), parsed];
  });
}

Deno.test("message_start, block events, message_delta with usage, message_stop", () => {
  const events = new MessageEvents(meta);
  const first = parse(events.next({
    candidates: [{ content: { parts: [{ text: "Thinking", thought: true }] } }],
    usageMetadata: { promptTokenCount: 7, thoughtsTokenCount: 2 },
  }));
  assert.deepEqual(first.map(([name]) => name), [
    "message_start",
    "content_block_start",
    "content_block_delta",
  ]);
  assert.deepEqual(first[0][1].message, {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "gemini-3.6-flash",
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: {
      input_tokens: 7,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens_details: { thinking_tokens: 0 },
    },
  });
  const second = parse(events.next({
    candidates: [{
      content: {
        parts: [{ functionCall: { name: "f", args: { a: 1 } }, thoughtSignature: "c2ln" }],
      },
      finishReason: "STOP",
    }],
    usageMetadata: { promptTokenCount: 7, thoughtsTokenCount: 2, candidatesTokenCount: 4 },
  }));
  assert.deepEqual(second.map(([name]) => name), [
    "content_block_stop",
    "content_block_start",
    "content_block_delta",
    "content_block_stop",
  ]);
  assert.deepEqual(second[2][1].delta, { type: "input_json_delta", partial_json: '{"a":1}' });
  const end = parse(events.end());
  assert.deepEqual(end, [
    ["message_delta", {
      type: "message_delta",
      delta: { stop_reason: "tool_use", stop_sequence: null },
      usage: {
        input_tokens: 7,
        output_tokens: 6,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens_details: { thinking_tokens: 2 },
      },
    }],
    ["message_stop", { type: "message_stop" }],
  ]);
});

Deno.test("a blocked prompt streams a text block and stops with refusal", () => {
  const events = new MessageEvents(meta);
  const text = events.next({ promptFeedback: { blockReason: "SAFETY" } }) + events.end();
  const parsed = parse(text);
  const delta = parsed.find(([name]) => name === "message_delta")?.[1].delta;
  assert.deepEqual(delta, { stop_reason: "refusal", stop_sequence: null });
  const blockDelta = parsed.find(([name]) => name === "content_block_delta")?.[1].delta;
  assert.deepEqual(blockDelta, {
    type: "text_delta",
    text: "The prompt was blocked by Gemini (reason: SAFETY).",
  });
});

Deno.test("an empty answer Gemini gave up on streams a text block saying why", () => {
  const events = new MessageEvents(meta);
  const text = events.next({
    candidates: [{ finishReason: "UNEXPECTED_TOOL_CALL", finishMessage: "No such tool." }],
  }) + events.end();
  const parsed = parse(text);
  assert.deepEqual(parsed.map(([name]) => name), [
    "message_start",
    "content_block_start",
    "content_block_delta",
    "content_block_stop",
    "message_delta",
    "message_stop",
  ]);
  assert.deepEqual(parsed[2][1].delta, {
    type: "text_delta",
    text: "Gemini ended the turn without an answer (reason: UNEXPECTED_TOOL_CALL). No such tool.",
  });
  assert.deepEqual(parsed[4][1].delta, { stop_reason: "end_turn", stop_sequence: null });
});

Deno.test("failures are error events in Anthropic's envelope; pings keep the line open", () => {
  const events = new MessageEvents(meta);
  assert.equal(
    events.fail(new GatewayError(503, "The model is overloaded.", "api_error")),
    'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"The model is overloaded."}}\n\n',
  );
  assert.equal(PING_EVENT, 'event: ping\ndata: {"type":"ping"}\n\n');
});
