import assert from "node:assert/strict";
import { RemoteFiles } from "../../../src/core/remote_files.ts";
import { encodeToolCallId, SKIP_THOUGHT_SIGNATURE } from "../../../src/core/tool_call_id.ts";
import { toResponseInput } from "../../../src/openai/responses/input.ts";
import { seal } from "../../../src/openai/responses/sealed.ts";
import { assertInvalid } from "../../helpers/assert_invalid.ts";

const MODEL = "gemini-3.8-flash";
const convert = (input: unknown, instructions?: string, model = MODEL) =>
  toResponseInput(instructions, input, model, new RemoteFiles());
const SIGNATURE = btoa("a signature");

Deno.test("a string input with instructions", () => {
  assert.deepEqual(convert("Hi", "Be brief."), {
    contents: [{ role: "user", parts: [{ text: "Hi" }] }],
    systemInstruction: { parts: [{ text: "Be brief." }] },
    compaction: false,
  });
});

Deno.test("messages: developer and system text to the system instruction, roles to turns", () => {
  const result = convert([
    { type: "message", role: "developer", content: [{ type: "input_text", text: "Dev." }] },
    { role: "system", content: "Sys." },
    {
      role: "user",
      content: [{ type: "input_text", text: "Q1" }, { type: "input_text", text: "Q2" }],
    },
    {
      role: "assistant",
      content: [{ type: "output_text", text: "A" }, { type: "refusal", refusal: "No." }],
    },
    { role: "user", content: "" },
  ], "Inst.");
  assert.deepEqual(result.systemInstruction, {
    parts: [{ text: "Inst." }, { text: "Dev." }, { text: "Sys." }],
  });
  assert.deepEqual(result.contents, [
    { role: "user", parts: [{ text: "Q1" }, { text: "Q2" }] },
    { role: "model", parts: [{ text: "A" }, { text: "No." }] },
  ]);
});

Deno.test("calls and outputs: signatures from the call id, or from the reasoning item before", () => {
  const signedId = encodeToolCallId(SIGNATURE);
  const result = convert([
    { role: "user", content: "Go" },
    {
      type: "reasoning",
      id: "rs_1",
      summary: [],
      encrypted_content: seal({ signature: "cmVhc29u" }),
    },
    { type: "function_call", call_id: "plain", name: "a", arguments: '{"x":1}' },
    { type: "function_call", call_id: signedId, name: "b", namespace: "ns", arguments: "" },
    { type: "function_call_output", call_id: "plain", output: "[1,2]" },
    {
      type: "function_call_output",
      call_id: signedId,
      output: [{ type: "input_text", text: '{"ok":true}' }],
    },
    { type: "custom_tool_call", call_id: "c1", name: "patch", input: "*** Begin" },
    { type: "custom_tool_call_output", call_id: "c1", output: "Done" },
  ]);
  assert.deepEqual(result.contents, [
    { role: "user", parts: [{ text: "Go" }] },
    {
      role: "model",
      parts: [
        { functionCall: { name: "a", args: { x: 1 } }, thoughtSignature: "cmVhc29u" },
        { functionCall: { name: "ns.b", args: {} }, thoughtSignature: SIGNATURE },
      ],
    },
    {
      role: "user",
      parts: [
        { functionResponse: { name: "a", response: { result: [1, 2] } } },
        { functionResponse: { name: "ns.b", response: { ok: true } } },
      ],
    },
    {
      role: "model",
      parts: [{
        functionCall: { name: "patch", args: { input: "*** Begin" } },
        thoughtSignature: SKIP_THOUGHT_SIGNATURE,
      }],
    },
    {
      role: "user",
      parts: [{ functionResponse: { name: "patch", response: { result: "Done" } } }],
    },
  ]);
});

Deno.test("a reasoning signature signs an assistant message; another server's is ignored", () => {
  const result = convert([
    { role: "user", content: "Hi" },
    { type: "reasoning", summary: [], encrypted_content: seal({ signature: SIGNATURE }) },
    { role: "assistant", content: "Hello" },
    { role: "user", content: "Again" },
    { type: "reasoning", summary: [], encrypted_content: "gAAAAB-openai" },
    { role: "assistant", content: "Hello again" },
  ]);
  assert.deepEqual(result.contents[1].parts, [{ text: "Hello", thoughtSignature: SIGNATURE }]);
  assert.deepEqual(result.contents[3].parts, [{ text: "Hello again" }]);
});

Deno.test("an image in a tool output goes along with the response", () => {
  const png =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  const result = convert(
    [
      { type: "function_call", call_id: "c", name: "shot", arguments: "{}" },
      {
        type: "function_call_output",
        call_id: "c",
        output: [{ type: "input_image", image_url: `data:image/png;base64,${png}` }],
      },
    ],
    undefined,
    "gemini-2.0-flash",
  );
  assert.deepEqual(result.contents.at(-1), {
    role: "user",
    parts: [
      { functionResponse: { name: "shot", response: { result: "" } } },
      { inlineData: { mimeType: "image/png", data: png } },
    ],
  });
});

Deno.test("compaction: the trigger is flagged, a sealed summary replaces the history", () => {
  const result = convert([
    { type: "compaction", id: "cmp_1", encrypted_content: seal({ summary: "We fixed it." }) },
    { type: "compaction", id: "cmp_2", encrypted_content: "gAAAAB-openai" },
    { role: "user", content: "Next?" },
    { type: "compaction_trigger" },
  ]);
  assert.equal(result.compaction, true);
  assert.deepEqual(result.contents, [{
    role: "user",
    parts: [{ text: "Summary of the conversation so far:\n\nWe fixed it." }, { text: "Next?" }],
  }]);
});

Deno.test("unknown item types are skipped", () => {
  const result = convert([
    { type: "item_reference", id: "msg_1" },
    { type: "web_search_call", id: "ws_1", status: "completed" },
    { type: "additional_tools", tools: [] },
    { role: "user", content: "Hi" },
  ]);
  assert.deepEqual(result.contents, [{ role: "user", parts: [{ text: "Hi" }] }]);
});

Deno.test("input mistakes are 400s naming the field", () => {
  const run = (input: unknown, instructions?: unknown) => () =>
    toResponseInput(instructions, input, MODEL, new RemoteFiles());
  assertInvalid(run(undefined), "input");
  assertInvalid(run({}), "input");
  assertInvalid(run("hi", 3), "instructions");
  assertInvalid(run([3]), "input[0]");
  assertInvalid(run([{ role: "tool", content: "x" }]), "input[0].role");
  assertInvalid(run([{ role: "user", content: 3 }]), "input[0].content");
  assertInvalid(
    run([{ role: "user", content: [{ type: "input_audio" }] }]),
    "input[0].content[0].type",
  );
  assertInvalid(
    run([{
      role: "developer",
      content: [{ type: "input_image", image_url: "https://x.example/a.png" }],
    }]),
    "input[0].content",
  );
  assertInvalid(
    run([{ type: "function_call", call_id: "c", name: "f", arguments: "[" }]),
    "input[0].arguments",
  );
  assertInvalid(run([{ type: "function_call", name: "f" }]), "input[0].call_id");
  assertInvalid(
    run([{ type: "function_call_output", call_id: "x", output: "" }]),
    "input[0].call_id",
  );
  assertInvalid(
    run([{ role: "user", content: [{ type: "input_image", image_url: "ftp://x" }] }]),
    "input[0].content[0].image_url",
  );
  assertInvalid(
    run([{ role: "user", content: [{ type: "input_file", file_data: "@@@" }] }]),
    "input[0].content[0].file_data",
  );
  assertInvalid(run([]), "input");
});

Deno.test("history comes first; errors in the input keep their own indices", () => {
  const history = [
    { type: "message", role: "user", content: [{ type: "input_text", text: "Before" }] },
    { type: "function_call", call_id: "c", name: "f", arguments: "{}" },
  ];
  const result = toResponseInput(
    undefined,
    [
      { type: "function_call_output", call_id: "c", output: "ok" },
    ],
    MODEL,
    new RemoteFiles(),
    history,
  );
  assert.equal(result.contents.length, 3);
  assert.deepEqual(
    toResponseInput(undefined, undefined, MODEL, new RemoteFiles(), history).contents.length,
    2,
  );
  assertInvalid(
    () => toResponseInput(undefined, [{ role: "bot" }], MODEL, new RemoteFiles(), history),
    "input[0].role",
  );
});
