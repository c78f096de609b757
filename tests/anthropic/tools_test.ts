import assert from "node:assert/strict";
import { toToolSettings } from "../../src/anthropic/tools.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const tool = (name: string) => ({
  name,
  description: `The ${name} tool.`,
  input_schema: { type: "object", properties: { q: { type: "string" } }, required: ["q"] },
  cache_control: { type: "ephemeral" },
});

Deno.test("custom tools become function declarations, JSON Schema or proto by model", () => {
  const json = toToolSettings({ tools: [tool("search")] }, "gemini-3.6-flash");
  assert.deepEqual(json, {
    tools: [{
      functionDeclarations: [{
        name: "search",
        description: "The search tool.",
        parametersJsonSchema: {
          type: "object",
          properties: { q: { type: "string" } },
          required: ["q"],
        },
      }],
    }],
    singleToolUse: false,
  });
  const proto = toToolSettings({ tools: [tool("search")] }, "gemini-2.0-flash");
  assert.deepEqual(proto.tools?.[0].functionDeclarations?.[0].parameters, {
    type: "OBJECT",
    properties: { q: { type: "STRING" } },
    required: ["q"],
  });
});

Deno.test("server tools map to Gemini's built-ins", () => {
  const settings = toToolSettings({
    tools: [
      { type: "web_search_20250305", name: "web_search" },
      { type: "web_fetch_20250910", name: "web_fetch" },
      { type: "code_execution_20250825", name: "code_execution" },
    ],
  }, "gemini-3.6-flash");
  assert.deepEqual(settings.tools, [{ googleSearch: {} }, { urlContext: {} }, {
    codeExecution: {},
  }]);
});

Deno.test("tool_choice: auto, any, tool, none and disable_parallel_tool_use", () => {
  const tools = [tool("a"), tool("b")];
  const config = (choice: unknown) =>
    toToolSettings({ tools, tool_choice: choice }, "gemini-3.6-flash");
  assert.equal(config({ type: "auto" }).toolConfig, undefined);
  assert.deepEqual(config({ type: "any" }).toolConfig, { functionCallingConfig: { mode: "ANY" } });
  assert.deepEqual(config({ type: "tool", name: "b" }).toolConfig, {
    functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["b"] },
  });
  assert.deepEqual(config({ type: "none" }).toolConfig, {
    functionCallingConfig: { mode: "NONE" },
  });
  assert.equal(config({ type: "auto", disable_parallel_tool_use: true }).singleToolUse, true);
});

Deno.test("mistakes are 400s naming the field", () => {
  const model = "gemini-3.6-flash";
  assertInvalid(() => toToolSettings({ tools: [tool("a"), tool("a")] }, model), "tools[1].name");
  assertInvalid(
    () => toToolSettings({ tools: [tool("no spaces allowed")] }, model),
    "tools[0].name",
  );
  assertInvalid(() => toToolSettings({ tools: [{ name: "x" }] }, model), "tools[0].input_schema");
  assertInvalid(
    () => toToolSettings({ tools: [{ type: "bash_20250124", name: "bash" }] }, model),
    "tools[0].type",
  );
  assertInvalid(
    () => toToolSettings({ tools: [tool("a")], tool_choice: { type: "tool", name: "zzz" } }, model),
    "tool_choice.name",
  );
  assertInvalid(() => toToolSettings({ tool_choice: { type: "any" } }, model), "tool_choice");
  assertInvalid(
    () => toToolSettings({ tools: [tool("a")], tool_choice: { type: "sometimes" } }, model),
    "tool_choice.type",
  );
});
