import assert from "node:assert/strict";
import { MediaBudget } from "../../src/core/media_budget.ts";
import { RemoteFiles } from "../../src/core/remote_files.ts";
import { encodeToolCallId } from "../../src/core/tool_call_id.ts";
import { readMessages } from "../../src/ollama/messages.ts";

const PNG = "iVBORw0KGgoAAAANSUhEUg==";
const files = () => new RemoteFiles(new MediaBudget());

Deno.test("system messages are system parts; user images follow the text", () => {
  assert.deepEqual(
    readMessages([
      { role: "system", content: "Be brief." },
      { role: "USER", content: "Look", images: [PNG, `data:image/png;base64,${PNG}`] },
      { role: "system", content: "" },
    ], files()),
    {
      system: [{ text: "Be brief." }],
      turns: [{
        role: "user",
        parts: [
          { text: "Look" },
          { inlineData: { mimeType: "image/png", data: PNG } },
          { inlineData: { mimeType: "image/png", data: PNG } },
        ],
      }],
    },
  );
});

Deno.test("assistant tool calls carry the signature of their id back to Gemini", () => {
  const signature = "c2lnbmF0dXJl";
  const { turns } = readMessages([
    { role: "user", content: "Weather?" },
    {
      role: "assistant",
      content: "",
      thinking: "Let me check.",
      tool_calls: [
        { id: encodeToolCallId(signature), function: { name: "a", arguments: { x: 1 } } },
        { function: { name: "b", arguments: '{"y":2}' } },
      ],
    },
    { role: "tool", content: '{"ok":true}', tool_call_id: "nope", tool_name: "b" },
    { role: "tool", content: "plain", tool_call_id: "call_unknown_but_one_is_open" },
  ], files());
  assert.deepEqual(turns.slice(1), [
    {
      role: "model",
      parts: [
        { functionCall: { name: "a", args: { x: 1 } }, thoughtSignature: signature },
        { functionCall: { name: "b", args: { y: 2 } } },
      ],
    },
    { role: "user", parts: [{ functionResponse: { name: "b", response: { ok: true } } }] },
    { role: "user", parts: [{ functionResponse: { name: "a", response: { result: "plain" } } }] },
  ]);
});

Deno.test("a tool result without name or id answers the next open call", () => {
  const { turns } = readMessages([
    { role: "user", content: "Both" },
    {
      role: "assistant",
      content: "",
      tool_calls: [
        { function: { name: "a", arguments: {} } },
        { function: { name: "b", arguments: {} } },
      ],
    },
    { role: "tool", content: "1" },
    { role: "tool", content: "2" },
  ], files());
  assert.deepEqual(turns.slice(2).map((turn) => turn.parts[0].functionResponse?.name), ["a", "b"]);
});

Deno.test("a tool result by tool_call_id answers that call, in any order", () => {
  const { turns } = readMessages([
    { role: "user", content: "Both" },
    {
      role: "assistant",
      content: "",
      tool_calls: [
        { id: "call_1", function: { name: "a", arguments: {} } },
        { id: "call_2", function: { name: "b", arguments: {} } },
      ],
    },
    { role: "tool", content: "2", tool_call_id: "call_2" },
    { role: "tool", content: "1", tool_call_id: "call_1" },
  ], files());
  assert.deepEqual(turns.slice(2).map((turn) => turn.parts[0].functionResponse?.name), ["b", "a"]);
});

Deno.test("a tool result that answers nothing, or a bad message, is a 400", () => {
  assert.throws(
    () => readMessages([{ role: "tool", content: "x" }], files()),
    /messages\[0\]\.tool_name/,
  );
  assert.throws(
    () => readMessages([{ role: "tool", content: "x", tool_call_id: "c" }], files()),
    /no earlier assistant tool call is left unanswered/,
  );
  assert.throws(() => readMessages([{ role: "wizard", content: "x" }], files()), /unknown role/);
  assert.throws(() => readMessages([{ role: "user", content: 1 }], files()), /content/);
  assert.throws(
    () => readMessages([{ role: "user", content: "x", images: ["%%%"] }], files()),
    /messages\[0\]\.images\[0\]/,
  );
  assert.throws(
    () => readMessages([{ role: "user", content: "", images: ["AAAA"] }], files()),
    /messages\[0\]\.images\[0\]/,
  );
  assert.throws(
    () =>
      readMessages([{
        role: "assistant",
        content: "",
        tool_calls: [{ function: { name: "a", arguments: "[1]" } }],
      }], files()),
    /tool_calls\[0\]\.function\.arguments/,
  );
});

Deno.test("images count against the media budget", () => {
  const budget = new RemoteFiles(new MediaBudget({ maxMediaBytes: 1e6, maxMediaParts: 1 }));
  assert.throws(
    () => readMessages([{ role: "user", content: "", images: [PNG, PNG] }], budget),
    /Too many media parts/,
  );
});
