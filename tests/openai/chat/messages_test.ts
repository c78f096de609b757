import assert from "node:assert/strict";
import { toContents } from "../../../src/openai/chat/messages.ts";
import { RemoteFiles } from "../../../src/core/remote_files.ts";
import { encodeToolCallId, SKIP_THOUGHT_SIGNATURE } from "../../../src/core/tool_call_id.ts";
import { assertInvalid } from "../../helpers/assert_invalid.ts";

const SIGNATURE =
  "EpwICpkIAXLI2nxlU6gsWZaZHRYkX1orzuM8vSUFwaAt1JRxEC2hJzPAcAu3PWaKz7X+PIyTTqF+ZIQ=";

function convert(messages: unknown, model = "gemini-2.5-flash") {
  return toContents(messages, model, new RemoteFiles());
}

function call(id: string, name: string, args = "{}", extra?: unknown) {
  return {
    id,
    type: "function",
    function: { name, arguments: args },
    ...(extra !== undefined && { extra_content: extra }),
  };
}

Deno.test("user and assistant messages become user and model turns", () => {
  assert.deepEqual(
    convert([
      { role: "user", content: "Hi", name: "ann" },
      { role: "assistant", content: "Hello!", reasoning_content: "thinking…" },
      { role: "user", content: [{ type: "text", text: "Bye" }] },
    ]),
    {
      contents: [
        { role: "user", parts: [{ text: "Hi" }] },
        { role: "model", parts: [{ text: "Hello!" }] },
        { role: "user", parts: [{ text: "Bye" }] },
      ],
    },
  );
});

Deno.test("system and developer messages all go to systemInstruction, in order", () => {
  assert.deepEqual(
    convert([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "developer", content: [{ type: "text", text: "Use French." }] },
      { role: "system", content: "" },
    ]),
    {
      contents: [{ role: "user", parts: [{ text: "Hi" }] }],
      systemInstruction: { parts: [{ text: "Be brief." }, { text: "Use French." }] },
    },
  );
});

Deno.test("a conversation of system messages only is sent as a user turn", () => {
  assert.deepEqual(
    convert([{ role: "system", content: "Say hi." }, { role: "developer", content: "Politely." }]),
    { contents: [{ role: "user", parts: [{ text: "Say hi." }, { text: "Politely." }] }] },
  );
});

Deno.test("consecutive turns of one role are merged, empty ones skipped", () => {
  assert.deepEqual(
    convert([
      { role: "user", content: "a" },
      { role: "user", content: "" },
      { role: "user", content: "b" },
      { role: "assistant", content: null },
      { role: "assistant", content: "c" },
      { role: "assistant", content: [{ type: "refusal", refusal: "d" }] },
    ]).contents,
    [
      { role: "user", parts: [{ text: "a" }, { text: "b" }] },
      { role: "model", parts: [{ text: "c" }, { text: "d" }] },
    ],
  );
});

Deno.test("assistant tool calls become functionCall parts without ids", () => {
  const { contents } = convert([
    { role: "user", content: "Weather?" },
    {
      role: "assistant",
      content: "Let me check.",
      tool_calls: [
        call("call_1", "get_weather", '{"city":"Paris"}'),
        call("call_2", "get_time", ""),
        call("call_3", "noop", "null"),
      ],
    },
  ]);
  assert.deepEqual(contents[1], {
    role: "model",
    parts: [
      { text: "Let me check." },
      { functionCall: { name: "get_weather", args: { city: "Paris" } } },
      { functionCall: { name: "get_time", args: {} } },
      { functionCall: { name: "noop", args: {} } },
    ],
  });
});

Deno.test("the thought signature comes from extra_content, else from the tool call id", () => {
  const { contents } = convert([
    { role: "user", content: "x" },
    {
      role: "assistant",
      tool_calls: [
        call("call_a", "f", "{}", { google: { thought_signature: SIGNATURE } }),
        call(encodeToolCallId(SIGNATURE), "g"),
        call("call_plain", "h"),
      ],
    },
  ]);
  assert.deepEqual(contents[1].parts, [
    { functionCall: { name: "f", args: {} }, thoughtSignature: SIGNATURE },
    { functionCall: { name: "g", args: {} }, thoughtSignature: SIGNATURE },
    { functionCall: { name: "h", args: {} } },
  ]);
});

Deno.test("extra_content wins over the signature carried by the id", () => {
  const { contents } = convert([
    { role: "user", content: "x" },
    {
      role: "assistant",
      tool_calls: [
        call(encodeToolCallId("AAAA"), "f", "{}", { google: { thought_signature: "BBBB" } }),
      ],
    },
  ]);
  assert.equal(contents[1].parts?.[0].thoughtSignature, "BBBB");
});

Deno.test("Gemini 3 gets the skip placeholder on the first unsigned call of a turn only", () => {
  const messages = [
    { role: "user", content: "x" },
    { role: "assistant", tool_calls: [call("call_1", "f"), call("call_2", "g")] },
    { role: "tool", tool_call_id: "call_1", content: "1" },
    { role: "tool", tool_call_id: "call_2", content: "2" },
    { role: "assistant", tool_calls: [call(encodeToolCallId("AAAA"), "f")] },
  ];
  const gemini3 = convert(messages, "gemini-3-pro-preview").contents;
  assert.deepEqual(gemini3[1].parts, [
    { functionCall: { name: "f", args: {} }, thoughtSignature: SKIP_THOUGHT_SIGNATURE },
    { functionCall: { name: "g", args: {} } },
  ]);
  assert.equal(gemini3[3].parts?.[0].thoughtSignature, "AAAA");
  const gemini25 = convert(messages, "gemini-2.5-flash").contents;
  assert.equal(gemini25[1].parts?.[0].thoughtSignature, undefined);
});

Deno.test("the placeholder goes on the first call even after text", () => {
  const { contents } = convert([
    { role: "user", content: "x" },
    { role: "assistant", content: "Calling.", tool_calls: [call("call_1", "f")] },
  ], "gemini-3-flash-preview");
  assert.deepEqual(contents[1].parts, [
    { text: "Calling." },
    { functionCall: { name: "f", args: {} }, thoughtSignature: SKIP_THOUGHT_SIGNATURE },
  ]);
});

Deno.test("the -latest aliases and newer models get the placeholder; 2.5 and older do not", () => {
  const messages = [
    { role: "user", content: "x" },
    { role: "assistant", tool_calls: [call("call_1", "f")] },
  ];
  const signature = (model: string) =>
    convert(messages, model).contents[1].parts?.[0].thoughtSignature;
  for (
    const model of [
      "gemini-flash-latest",
      "gemini-pro-latest",
      "gemini-flash-lite-latest",
      "gemini-4-flash",
      "gemini-omni-pro",
    ]
  ) {
    assert.equal(signature(model), SKIP_THOUGHT_SIGNATURE, model);
  }
  for (const model of ["gemini-2.5-pro", "gemini-2.0-flash", "gemma-3-27b-it"]) {
    assert.equal(signature(model), undefined, model);
  }
});

Deno.test("arguments sent as an object are taken as the args", () => {
  const { contents } = convert([
    { role: "user", content: "x" },
    {
      role: "assistant",
      tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: { a: 1 } } }],
    },
  ]);
  assert.deepEqual(contents[1].parts, [{ functionCall: { name: "f", args: { a: 1 } } }]);
});

Deno.test("Gemma gets the system text at the start of the first user turn", () => {
  const messages = [
    { role: "system", content: "Be brief." },
    { role: "user", content: "Hi" },
    { role: "developer", content: "Use French." },
    { role: "assistant", content: "Salut" },
    { role: "user", content: "Bye" },
  ];
  assert.deepEqual(convert(messages, "gemma-3-27b-it"), {
    contents: [
      { role: "user", parts: [{ text: "Be brief.\n\nUse French.\n\n" }, { text: "Hi" }] },
      { role: "model", parts: [{ text: "Salut" }] },
      { role: "user", parts: [{ text: "Bye" }] },
    ],
  });
  assert.deepEqual(
    convert(
      [{ role: "system", content: "S" }, { role: "assistant", content: "A" }],
      "gemma-3-4b-it",
    ),
    {
      contents: [
        { role: "user", parts: [{ text: "S\n\n" }] },
        { role: "model", parts: [{ text: "A" }] },
      ],
    },
  );
  assert.ok(convert(messages, "gemini-2.0-flash").systemInstruction);
});

Deno.test("tool messages become functionResponse parts named after their call", () => {
  const { contents } = convert([
    { role: "user", content: "x" },
    { role: "assistant", tool_calls: [call("call_1", "lookup")] },
    { role: "tool", tool_call_id: "call_1", content: '{"temp": 21}' },
    { role: "user", content: "Thanks" },
  ]);
  assert.deepEqual(contents.slice(2), [{
    role: "user",
    parts: [
      { functionResponse: { name: "lookup", response: { temp: 21 } } },
      { text: "Thanks" },
    ],
  }]);
});

Deno.test("tool results that are not JSON objects are wrapped in result", () => {
  const result = (content: unknown) =>
    convert([
      { role: "user", content: "x" },
      { role: "assistant", tool_calls: [call("c", "f")] },
      { role: "tool", tool_call_id: "c", content },
    ]).contents[2].parts?.[0].functionResponse?.response;
  assert.deepEqual(result("sunny"), { result: "sunny" });
  assert.deepEqual(result("42"), { result: 42 });
  assert.deepEqual(result("[1,2]"), { result: [1, 2] });
  assert.deepEqual(result("null"), { result: null });
  assert.deepEqual(result(""), { result: "" });
  assert.deepEqual(result([{ type: "text", text: '{"a":' }, { type: "text", text: "1}" }]), {
    a: 1,
  });
  assert.deepEqual(result([{ type: "text", text: "part one" }, { type: "text", text: "two" }]), {
    result: "part one\ntwo",
  });
});

Deno.test("tool results with a $ref key anywhere are sent as text", () => {
  const result = (content: string) =>
    convert([
      { role: "user", content: "x" },
      { role: "assistant", tool_calls: [call("c", "f")] },
      { role: "tool", tool_call_id: "c", content },
    ]).contents[2].parts?.[0].functionResponse?.response;
  const schema = '{"schema": {"items": {"$ref": "#/$defs/A"}}}';
  assert.deepEqual(result(schema), { result: schema });
  assert.deepEqual(result('[{"$ref": "x"}]'), { result: '[{"$ref": "x"}]' });
  assert.deepEqual(result('{"ref": "#/a", "text": "$ref"}'), { ref: "#/a", text: "$ref" });
});

Deno.test("answers to parallel calls are grouped in one turn in call order", () => {
  const { contents } = convert([
    { role: "user", content: "x" },
    { role: "assistant", tool_calls: [call("c1", "a"), call("c2", "b"), call("c3", "c")] },
    { role: "tool", tool_call_id: "c3", content: "3" },
    { role: "tool", tool_call_id: "c1", content: "1" },
    { role: "tool", tool_call_id: "c2", content: "2" },
  ]);
  assert.equal(contents.length, 3);
  assert.deepEqual(contents[2], {
    role: "user",
    parts: [
      { functionResponse: { name: "a", response: { result: 1 } } },
      { functionResponse: { name: "b", response: { result: 2 } } },
      { functionResponse: { name: "c", response: { result: 3 } } },
    ],
  });
});

Deno.test("a multi-step tool conversation keeps its turns apart", () => {
  const { contents } = convert([
    { role: "user", content: "x" },
    { role: "assistant", tool_calls: [call("c1", "a")] },
    { role: "tool", tool_call_id: "c1", content: "1" },
    { role: "assistant", tool_calls: [call("c2", "b")] },
    { role: "tool", tool_call_id: "c2", content: "2" },
    { role: "assistant", content: "done" },
  ]);
  assert.deepEqual(contents.map((content) => content.role), [
    "user",
    "model",
    "user",
    "model",
    "user",
    "model",
  ]);
  assert.equal(contents[4].parts?.[0].functionResponse?.name, "b");
});

Deno.test("legacy function_call and function messages are accepted", () => {
  const { contents } = convert([
    { role: "user", content: "x" },
    { role: "assistant", content: null, function_call: { name: "f", arguments: '{"a":1}' } },
    { role: "function", name: "f", content: "ok" },
  ]);
  assert.deepEqual(contents.slice(1), [
    { role: "model", parts: [{ functionCall: { name: "f", args: { a: 1 } } }] },
    { role: "user", parts: [{ functionResponse: { name: "f", response: { result: "ok" } } }] },
  ]);
});

Deno.test("user content parts are converted", () => {
  const { contents } = convert([{
    role: "user",
    content: [
      { type: "text", text: "What is this?" },
      { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
    ],
  }]);
  assert.deepEqual(contents[0].parts, [
    { text: "What is this?" },
    { inlineData: { mimeType: "image/png", data: "AAAA" } },
  ]);
});

Deno.test("remote images are recorded for fetching", async () => {
  const files = new RemoteFiles();
  const { contents } = toContents(
    [{
      role: "user",
      content: [{ type: "image_url", image_url: { url: "https://example.com/x.png" } }],
    }],
    "gemini-2.5-flash",
    files,
  );
  await files.fetchAll(() => Promise.resolve({ mimeType: "image/png", data: "QQ==" }));
  assert.deepEqual(contents[0].parts, [{ inlineData: { mimeType: "image/png", data: "QQ==" } }]);
});

Deno.test("messages must be a non-empty array of objects", () => {
  assertInvalid(() => convert(undefined), "messages", /Missing/);
  assertInvalid(() => convert("hi"), "messages", /array/);
  assertInvalid(() => convert([]), "messages", /at least one/);
  assertInvalid(() => convert(["hi"]), "messages[0]", /object/);
  assertInvalid(
    () => convert([{ role: "user", content: "" }]),
    "messages",
    /no message has any content/,
  );
});

Deno.test("unknown or missing roles are 400s naming the role", () => {
  assertInvalid(
    () => convert([{ role: "user", content: "a" }, { role: "robot", content: "b" }]),
    "messages[1].role",
    /unknown role 'robot'/,
  );
  assertInvalid(() => convert([{ content: "a" }]), "messages[0].role", /Missing/);
  assertInvalid(() => convert([{ role: 1, content: "a" }]), "messages[0].role");
});

Deno.test("malformed contents are 400s naming them", () => {
  assertInvalid(() => convert([{ role: "user" }]), "messages[0].content", /Missing/);
  assertInvalid(() => convert([{ role: "user", content: 5 }]), "messages[0].content");
  assertInvalid(
    () => convert([{ role: "system", content: [{ type: "image_url", image_url: { url: "x" } }] }]),
    "messages[0].content[0].type",
  );
  assertInvalid(() => convert([{ role: "system" }]), "messages[0].content", /Missing/);
});

Deno.test("malformed tool calls are 400s naming them", () => {
  const assistant = (toolCalls: unknown) => [
    { role: "user", content: "x" },
    { role: "assistant", tool_calls: toolCalls },
  ];
  assertInvalid(() => convert(assistant({})), "messages[1].tool_calls");
  assertInvalid(() => convert(assistant([{ type: "function" }])), "messages[1].tool_calls[0].id");
  assertInvalid(
    () => convert(assistant([{ id: "c", type: "custom", function: { name: "f" } }])),
    "messages[1].tool_calls[0].type",
  );
  assertInvalid(
    () => convert(assistant([{ id: "c", type: "function", function: { arguments: "{}" } }])),
    "messages[1].tool_calls[0].function.name",
  );
  assertInvalid(
    () => convert(assistant([call("c", "f"), call("d", "g", "{oops")])),
    "messages[1].tool_calls[1].function.arguments",
    /not valid JSON/,
  );
  assertInvalid(
    () => convert(assistant([call("c", "f", "[1]")])),
    "messages[1].tool_calls[0].function.arguments",
    /JSON object/,
  );
  assertInvalid(
    () => convert(assistant([call("c", "f", "{}", { google: { thought_signature: 5 } })])),
    "messages[1].tool_calls[0].extra_content.google.thought_signature",
  );
  assertInvalid(
    () => convert([{ role: "user", content: "x" }, { role: "assistant", function_call: "f" }]),
    "messages[1].function_call",
  );
});

Deno.test("a tool message answering no earlier call is a 400 naming tool_call_id", () => {
  assertInvalid(
    () =>
      convert([
        { role: "user", content: "x" },
        { role: "assistant", tool_calls: [call("c1", "f")] },
        { role: "tool", tool_call_id: "c1", content: "ok" },
        { role: "user", content: "y" },
        { role: "assistant", content: "z" },
        { role: "tool", tool_call_id: "c9", content: "?" },
      ]),
    "messages[5].tool_call_id",
    /c9/,
  );
  assertInvalid(
    () => convert([{ role: "user", content: "x" }, { role: "tool", content: "ok" }]),
    "messages[1].tool_call_id",
    /Missing/,
  );
  assertInvalid(
    () => convert([{ role: "user", content: "x" }, { role: "function", content: "ok" }]),
    "messages[1].name",
  );
});

Deno.test("a tool result nested thousands of levels deep is sent as text", () => {
  const content = `${"[".repeat(8_000)}1${"]".repeat(8_000)}`;
  const { contents } = convert([
    { role: "user", content: "Hi" },
    { role: "assistant", tool_calls: [call("call_1", "f")] },
    { role: "tool", tool_call_id: "call_1", content },
  ]);
  assert.deepEqual(contents[2].parts![0].functionResponse!.response, { result: content });
});

Deno.test("tool call arguments nested deeper than 100 levels are a 400", () => {
  const args = `${'{"a":'.repeat(150)}1${"}".repeat(150)}`;
  assertInvalid(
    () => convert([{ role: "assistant", tool_calls: [call("call_1", "f", args)] }]),
    "messages[0].tool_calls[0].function.arguments",
    /nest deeper than 100 levels/,
  );
});

Deno.test("errors quote at most an excerpt of a long bad value", () => {
  const role = "r".repeat(100_000);
  assertInvalid(() => convert([{ role, content: "Hi" }]), "messages[0].role", /^.{0,300}$/s);
});
