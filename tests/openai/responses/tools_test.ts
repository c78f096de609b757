import assert from "node:assert/strict";
import { toResponseTools } from "../../../src/openai/responses/tools.ts";
import { assertInvalid } from "../../helpers/assert_invalid.ts";

const fn = (name: string, extra: Record<string, unknown> = {}) => ({
  type: "function",
  name,
  parameters: { type: "object", properties: { a: { type: "string" } } },
  ...extra,
});

Deno.test("function, namespace and custom tools become one list of declarations", () => {
  const { tools, names } = toResponseTools({
    tools: [
      fn("run", { description: "Runs." }),
      {
        type: "namespace",
        name: "agents",
        description: "",
        tools: [fn("spawn"), { type: "custom", name: "note" }],
      },
      { type: "custom", name: "apply_patch", description: "Patches." },
    ],
  }, "gemini-3.8-flash");
  const declarations = tools![0].functionDeclarations!;
  assert.deepEqual(declarations.map((declaration) => declaration.name), [
    "run",
    "agents.spawn",
    "agents.note",
    "apply_patch",
  ]);
  assert.equal(declarations[0].description, "Runs.");
  assert.deepEqual(declarations[3].parametersJsonSchema, {
    type: "object",
    properties: { input: { type: "string", description: "The tool's input, as free-form text." } },
    required: ["input"],
  });
  assert.deepEqual(names.get("agents.spawn"), {
    name: "spawn",
    namespace: "agents",
    custom: false,
  });
  assert.deepEqual(names.get("agents.note"), { name: "note", namespace: "agents", custom: true });
  assert.deepEqual(names.get("apply_patch"), { name: "apply_patch", custom: true });
});

Deno.test("legacy models get the proto schema", () => {
  const { tools } = toResponseTools({ tools: [fn("run")] }, "gemini-2.0-flash");
  assert.deepEqual(tools![0].functionDeclarations![0].parameters, {
    type: "OBJECT",
    properties: { a: { type: "STRING" } },
  });
});

Deno.test("web_search is Google Search alone, left out next to functions; hosted tools skipped", () => {
  assert.deepEqual(
    toResponseTools({ tools: [{ type: "web_search" }] }, "gemini-3.8-flash").tools,
    [{ googleSearch: {} }],
  );
  assert.deepEqual(
    toResponseTools({ tools: [{ type: "web_search_preview" }, { type: "file_search" }] }, "m")
      .tools,
    [{ googleSearch: {} }],
  );
  const mixed = toResponseTools({ tools: [fn("run"), { type: "web_search" }] }, "gemini-3.8-flash");
  assert.equal(mixed.tools!.length, 1);
  assert.equal(mixed.tools![0].googleSearch, undefined);
  const hosted = toResponseTools({
    tools: [{ type: "image_generation" }, { type: "mcp", server_label: "x" }, {
      type: "local_shell",
    }],
  }, "m");
  assert.equal(hosted.tools, undefined);
});

Deno.test("tool_choice: modes, a named function or custom tool, allowed tools, hosted types", () => {
  const tools = [
    fn("run"),
    fn("stop"),
    { type: "namespace", name: "ns", tools: [fn("go")] },
    { type: "custom", name: "patch" },
  ];
  const config = (tool_choice: unknown) =>
    toResponseTools({ tools, tool_choice }, "gemini-3.8-flash").toolConfig?.functionCallingConfig;
  assert.deepEqual(config("none"), { mode: "NONE" });
  assert.deepEqual(config("auto"), { mode: "AUTO" });
  assert.deepEqual(config("required"), { mode: "ANY" });
  assert.deepEqual(config({ type: "function", name: "stop" }), {
    mode: "ANY",
    allowedFunctionNames: ["stop"],
  });
  assert.deepEqual(config({ type: "function", name: "go", namespace: "ns" }), {
    mode: "ANY",
    allowedFunctionNames: ["ns.go"],
  });
  assert.deepEqual(config({ type: "custom", name: "patch" }), {
    mode: "ANY",
    allowedFunctionNames: ["patch"],
  });
  assert.deepEqual(
    config({
      type: "allowed_tools",
      mode: "required",
      tools: [{ type: "function", name: "run" }, { type: "web_search" }],
    }),
    { mode: "ANY", allowedFunctionNames: ["run"] },
  );
  assert.deepEqual(config({ type: "web_search_preview" }), { mode: "AUTO" });
  assert.equal(config(undefined), undefined);
  assert.equal(toResponseTools({ tool_choice: "auto" }, "m").toolConfig, undefined);
});

Deno.test("tool mistakes are 400s naming the field", () => {
  const run = (body: Record<string, unknown>) => () => toResponseTools(body, "gemini-3.8-flash");
  assertInvalid(run({ tools: "x" }), "tools");
  assertInvalid(run({ tools: [{ name: "x" }] }), "tools[0].type");
  assertInvalid(run({ tools: [{ type: "function" }] }), "tools[0].name");
  assertInvalid(run({ tools: [fn("a b")] }), "tools[0].name");
  assertInvalid(run({ tools: [fn("a"), fn("a")] }), "tools[1].name", /declared twice/);
  assertInvalid(
    run({ tools: [{ type: "function", name: "a", parameters: [] }] }),
    "tools[0].parameters",
  );
  assertInvalid(
    run({ tools: [{ type: "namespace", name: "n", tools: [{ type: "web_search" }] }] }),
    "tools[0].tools[0].type",
  );
  assertInvalid(run({ tools: [fn("a")], tool_choice: "always" }), "tool_choice");
  assertInvalid(run({ tools: [fn("a")], tool_choice: 3 }), "tool_choice");
  assertInvalid(
    run({ tools: [fn("a")], tool_choice: { type: "function", name: "b" } }),
    "tool_choice",
  );
  assertInvalid(run({ tool_choice: "required" }), "tool_choice");
  assertInvalid(
    run({ tools: [fn("a")], tool_choice: { type: "allowed_tools", mode: "none", tools: [] } }),
    "tool_choice.mode",
  );
});
