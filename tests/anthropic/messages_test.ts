import assert from "node:assert/strict";
import { toMessageTurns } from "../../src/anthropic/messages.ts";
import { encodeToolCallId } from "../../src/core/tool_call_id.ts";
import { RemoteFiles } from "../../src/core/remote_files.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const PDF = btoa("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
const SIGNATURE = "c2lnbmF0dXJl";

const turns = (system: unknown, messages: unknown) =>
  toMessageTurns(system, messages, new RemoteFiles());

Deno.test("system strings and blocks, and role: system messages, become system parts in order", () => {
  const result = turns(
    [{ type: "text", text: "First.", cache_control: { type: "ephemeral" } }, {
      type: "text",
      text: "",
    }],
    [
      { role: "user", content: "Hi" },
      { role: "system", content: [{ type: "text", text: "Second." }], output_config: {} },
    ],
  );
  assert.deepEqual(result.system, [{ text: "First." }, { text: "Second." }]);
  assert.deepEqual(result.turns, [{ role: "user", parts: [{ text: "Hi" }] }]);
  assert.deepEqual(turns("Plain.", [{ role: "user", content: "x" }]).system, [{ text: "Plain." }]);
});

Deno.test("images and documents: base64, url, text and content sources", () => {
  const files = new RemoteFiles();
  const { turns } = toMessageTurns(undefined, [{
    role: "user",
    content: [
      { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } },
      { type: "image", source: { type: "url", url: `data:image/png;base64,${PNG}` } },
      { type: "document", source: { type: "base64", media_type: "application/pdf", data: PDF } },
      {
        type: "document",
        source: { type: "text", media_type: "text/plain", data: "Notes" },
        title: "T",
      },
      {
        type: "document",
        source: {
          type: "content",
          content: [{ type: "text", text: "A" }, { type: "text", text: "B" }],
        },
      },
      {
        type: "document",
        source: {
          type: "content",
          content: [
            { type: "text", text: "Figure:" },
            { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } },
          ],
        },
      },
      { type: "document", source: { type: "content", content: "Plain" } },
    ],
  }], files);
  assert.deepEqual(turns[0].parts, [
    { inlineData: { mimeType: "image/png", data: PNG } },
    { inlineData: { mimeType: "image/png", data: PNG } },
    { inlineData: { mimeType: "application/pdf", data: PDF } },
    { text: "T\n\nNotes" },
    { text: "A\nB" },
    { text: "Figure:" },
    { inlineData: { mimeType: "image/png", data: PNG } },
    { text: "Plain" },
  ]);
});

Deno.test("tool_use → functionCall with the id's signature; tool_result → functionResponse", () => {
  const id = encodeToolCallId(SIGNATURE, "toolu_");
  const result = turns(undefined, [
    { role: "user", content: "Go" },
    {
      role: "assistant",
      content: [
        { type: "text", text: "Calling." },
        { type: "tool_use", id, name: "a", input: { x: 1 } },
        { type: "tool_use", id: "toolu_2", name: "b", input: {} },
      ],
    },
    {
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: "toolu_2",
          content: [{ type: "text", text: '{"ok":true}' }],
        },
        { type: "tool_result", tool_use_id: id, content: "done" },
        { type: "text", text: "Thanks" },
      ],
    },
  ]);
  assert.deepEqual(result.turns[1].parts, [
    { text: "Calling." },
    { functionCall: { name: "a", args: { x: 1 } }, thoughtSignature: SIGNATURE },
    { functionCall: { name: "b", args: {} } },
  ]);
  assert.deepEqual(result.turns[2].parts, [
    { functionResponse: { name: "a", response: { result: "done" } } },
    { functionResponse: { name: "b", response: { ok: true } } },
    { text: "Thanks" },
  ]);
});

Deno.test("a thinking block's signature rides on the part after it; thinking text is dropped", () => {
  const { turns: [, model] } = turns(undefined, [
    { role: "user", content: "Go" },
    {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "Let me think", signature: SIGNATURE },
        { type: "text", text: "Answer" },
        { type: "redacted_thinking", data: "opaque" },
        { type: "thinking", thinking: "More", signature: "bW9yZQ==" },
      ],
    },
  ]);
  assert.deepEqual(model.parts, [
    { text: "Answer", thoughtSignature: SIGNATURE },
    { text: "", thoughtSignature: "bW9yZQ==" },
  ]);
});

Deno.test("tool results: is_error, blocks without a Gemini counterpart as JSON text", () => {
  const { turns: [, , user] } = turns(undefined, [
    { role: "user", content: "Go" },
    { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "search", input: {} }] },
    {
      role: "user",
      content: [{
        type: "tool_result",
        tool_use_id: "t1",
        content: [{ type: "tool_reference", tool_name: "Read" }],
      }],
    },
  ]);
  assert.deepEqual(user.parts, [{
    functionResponse: {
      name: "search",
      response: { type: "tool_reference", tool_name: "Read" },
    },
  }]);
  const { turns: [, , failed] } = turns(undefined, [
    { role: "user", content: "Go" },
    { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "f", input: {} }] },
    {
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "t1", is_error: true, content: "boom" }],
    },
  ]);
  assert.deepEqual(failed.parts, [{
    functionResponse: { name: "f", response: { error: "boom" } },
  }]);
});

Deno.test("mistakes are 400s naming the field", () => {
  assertInvalid(() => turns(undefined, []), "messages");
  assertInvalid(() => turns(undefined, [{ role: "tool", content: "x" }]), "messages[0].role");
  assertInvalid(
    () => turns(undefined, [{ role: "user", content: [{ type: "video" }] }]),
    "messages[0].content[0].type",
  );
  assertInvalid(
    () =>
      turns(undefined, [{ role: "user", content: [{ type: "tool_result", tool_use_id: "nope" }] }]),
    "messages[0].content[0].tool_use_id",
    /no earlier assistant message/,
  );
  assertInvalid(
    () => turns(undefined, [{ role: "user", content: [{ type: "thinking", thinking: "x" }] }]),
    "messages[0].content[0].type",
  );
  assertInvalid(
    () =>
      turns(undefined, [{
        role: "user",
        content: [{
          type: "image",
          source: { type: "base64", media_type: "image/png", data: "%%%" },
        }],
      }]),
    "messages[0].content[0].source.data",
  );
  assertInvalid(
    () => turns([{ type: "image" }], [{ role: "user", content: "x" }]),
    "system[0].type",
  );
  assertInvalid(() => turns(undefined, [{ role: "user", content: 5 }]), "messages[0].content");
  assertInvalid(
    () =>
      turns(undefined, [{
        role: "user",
        content: [{
          type: "document",
          source: { type: "content", content: [{ type: "tool_use", id: "x" }] },
        }],
      }]),
    "messages[0].content[0].source.content[0].type",
  );
});
