import assert from "node:assert/strict";
import { ContentBlocks, foldBlocks } from "../../src/anthropic/blocks.ts";
import { decodeToolCallId } from "../../src/core/tool_call_id.ts";

const SIGNATURE = "c2lnbmF0dXJlLW9mLXRoZS10aG91Z2h0cw==";

/** The blocks of `chunks`, for a client that turned thinking on. */
function fold(...chunks: Parameters<ContentBlocks["add"]>[0][]) {
  const blocks = new ContentBlocks({ thinking: true });
  for (const parts of chunks) blocks.add(parts);
  blocks.close();
  return foldBlocks(blocks.take());
}

Deno.test("thoughts, text and calls become thinking, text and tool_use blocks", () => {
  const blocks = fold(
    [{ text: "Hmm. ", thought: true }, { text: "Let me see.", thought: true }],
    [{ text: "The answer" }, { text: " is:" }],
    [{ functionCall: { name: "f", args: { a: 1 } }, thoughtSignature: SIGNATURE }],
  );
  assert.equal(blocks.length, 3);
  assert.deepEqual(blocks[0], { type: "thinking", thinking: "Hmm. Let me see.", signature: "" });
  assert.deepEqual(blocks[1], { type: "text", text: "The answer is:" });
  assert.ok(blocks[2].type === "tool_use");
  assert.match(blocks[2].id, /^toolu_/);
  assert.equal(decodeToolCallId(blocks[2].id), SIGNATURE);
  assert.deepEqual(blocks[2].input, { a: 1 });
});

Deno.test("a signature closes the open thinking block, or comes first as an empty one", () => {
  assert.deepEqual(
    fold([{ text: "Thoughts", thought: true }, { text: "Hi", thoughtSignature: SIGNATURE }]),
    [
      { type: "thinking", thinking: "Thoughts", signature: SIGNATURE },
      { type: "text", text: "Hi" },
    ],
  );
  assert.deepEqual(fold([{ text: "Hi", thoughtSignature: SIGNATURE }]), [
    { type: "thinking", thinking: "", signature: SIGNATURE },
    { type: "text", text: "Hi" },
  ]);
});

Deno.test("without thinking turned on, signatures on answer parts are left out", () => {
  const blocks = new ContentBlocks();
  blocks.add([{ text: "Hi", thoughtSignature: SIGNATURE }]);
  blocks.add([{ functionCall: { name: "f", args: {} }, thoughtSignature: SIGNATURE }]);
  blocks.close();
  const [text, call] = foldBlocks(blocks.take());
  assert.deepEqual(text, { type: "text", text: "Hi" });
  // A call's signature still rides in its id, which Gemini 3 needs back.
  assert.ok(call.type === "tool_use" && decodeToolCallId(call.id) === SIGNATURE);
});

Deno.test("a signature after the answer text is left out, so the text ends the message", () => {
  assert.deepEqual(fold([{ text: "Hi" }], [{ text: "", thoughtSignature: SIGNATURE }]), [
    { type: "text", text: "Hi" },
  ]);
});

Deno.test("each call is a block of its own; one only when parallel calls are off", () => {
  const parts = [
    { functionCall: { name: "a", args: {} } },
    { functionCall: { name: "b" } },
  ];
  assert.deepEqual(fold(parts).map((block) => block.type === "tool_use" && block.name), ["a", "b"]);
  const single = new ContentBlocks({ singleToolUse: true });
  single.add(parts);
  single.close();
  assert.equal(single.hasToolUse, true);
  assert.deepEqual(foldBlocks(single.take()).map((block) => block.type), ["tool_use"]);
});

Deno.test("code, its output and images are Markdown text on lines of their own", () => {
  const [block] = fold([
    { text: "Running:" },
    { executableCode: { language: "PYTHON", code: "print(1)" } },
    { codeExecutionResult: { outcome: "OUTCOME_OK", output: "1\n" } },
  ]);
  assert.deepEqual(block, {
    type: "text",
    text: "Running:\n```python\nprint(1)\n```\n```output\n1\n```\n",
  });
});

Deno.test("the stream events: start, deltas and stop per block, input as input_json_delta", () => {
  const blocks = new ContentBlocks();
  blocks.add([{ text: "Hi" }, { functionCall: { name: "f", args: { x: "y" } } }]);
  const events = blocks.take();
  assert.deepEqual(events.map((event) => event.type), [
    "content_block_start",
    "content_block_delta",
    "content_block_stop",
    "content_block_start",
    "content_block_delta",
    "content_block_stop",
  ]);
  assert.deepEqual(events[0], {
    type: "content_block_start",
    index: 0,
    content_block: { type: "text", text: "" },
  });
  assert.deepEqual(events[4], {
    type: "content_block_delta",
    index: 1,
    delta: { type: "input_json_delta", partial_json: '{"x":"y"}' },
  });
  assert.equal(blocks.isEmpty, false);
});
