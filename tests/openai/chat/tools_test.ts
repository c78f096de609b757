import assert from "node:assert/strict";
import { toTools } from "../../../src/openai/chat/tools.ts";
import { assertInvalid } from "../../helpers/assert_invalid.ts";

const MODEL = "gemini-2.5-flash";

const WEATHER = {
  type: "function",
  function: {
    name: "get_weather",
    description: "The weather in a city.",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
    strict: true,
  },
};

const TIME = { type: "function", function: { name: "get_time" } };

function convert(body: Record<string, unknown>, model = MODEL) {
  return toTools(body, model);
}

Deno.test("no tools make no tools and no toolConfig", () => {
  assert.deepEqual(convert({}), {});
  assert.deepEqual(convert({ tools: null, tool_choice: null }), {});
});

Deno.test("function tools become one functionDeclarations tool with JSON Schema parameters", () => {
  assert.deepEqual(convert({ tools: [WEATHER, TIME] }), {
    tools: [{
      functionDeclarations: [
        {
          name: "get_weather",
          description: "The weather in a city.",
          parametersJsonSchema: WEATHER.function.parameters,
        },
        { name: "get_time" },
      ],
    }],
  });
});

Deno.test("parametersJsonSchema has its references inlined", () => {
  const parameters = {
    type: "object",
    properties: { option: { $ref: "#/$defs/Option", title: "Option" } },
    $defs: { Option: { type: "string", enum: ["a", "b"] } },
  };
  assert.deepEqual(
    convert({ tools: [{ type: "function", function: { name: "ask", parameters } }] }),
    {
      tools: [{
        functionDeclarations: [{
          name: "ask",
          parametersJsonSchema: {
            type: "object",
            properties: { option: { type: "string", enum: ["a", "b"], title: "Option" } },
          },
        }],
      }],
    },
  );
  assertInvalid(
    () =>
      convert({
        tools: [{ type: "function", function: { name: "f", parameters: { $ref: "#/nowhere" } } }],
      }),
    "tools[0].function.parameters",
    /points to no schema/,
  );
});

Deno.test("empty parameters are left out", () => {
  assert.deepEqual(
    convert({
      tools: [{ type: "function", function: { name: "f", parameters: {}, description: "" } }],
    }),
    { tools: [{ functionDeclarations: [{ name: "f" }] }] },
  );
});

Deno.test("older models get parameters converted to the proto schema", () => {
  assert.deepEqual(convert({ tools: [WEATHER] }, "gemini-2.0-flash"), {
    tools: [{
      functionDeclarations: [{
        name: "get_weather",
        description: "The weather in a city.",
        parameters: {
          type: "OBJECT",
          properties: { city: { type: "STRING" } },
          required: ["city"],
        },
      }],
    }],
  });
});

Deno.test("a parameters schema the proto cannot express is a 400 naming it", () => {
  const recursive = {
    type: "function",
    function: {
      name: "tree",
      parameters: { $ref: "#/$defs/N", $defs: { N: { properties: { c: { $ref: "#/$defs/N" } } } } },
    },
  };
  assertInvalid(
    () => convert({ tools: [WEATHER, recursive] }, "gemini-2.0-flash"),
    "tools[1].function.parameters",
    /recursive/,
  );
});

Deno.test("legacy functions are accepted beside tools", () => {
  assert.deepEqual(convert({ functions: [{ name: "legacy", parameters: { type: "object" } }] }), {
    tools: [{
      functionDeclarations: [{ name: "legacy", parametersJsonSchema: { type: "object" } }],
    }],
  });
});

Deno.test("googleSearch as a function or a tool type becomes the search tool", () => {
  const expected = { tools: [{ googleSearch: {} }] };
  assert.deepEqual(
    convert({ tools: [{ type: "function", function: { name: "googleSearch" } }] }),
    expected,
  );
  assert.deepEqual(
    convert({ tools: [{ type: "function", function: { name: "google_search" } }] }),
    expected,
  );
  assert.deepEqual(convert({ tools: [{ type: "google_search" }] }), expected);
  assert.deepEqual(
    convert({ tools: [{ type: "googleSearch" }, { type: "google_search" }] }),
    expected,
  );
  assert.deepEqual(convert({ web_search_options: {} }), expected);
});

Deno.test("code execution and URL context are built-in tools too", () => {
  assert.deepEqual(convert({ tools: [{ type: "code_execution" }, { type: "urlContext" }] }), {
    tools: [{ codeExecution: {} }, { urlContext: {} }],
  });
});

Deno.test("the Gemini options url_context and code_execution add built-in tools", () => {
  assert.deepEqual(
    toTools({ tools: [TIME] }, MODEL, {
      urlContext: { value: true, param: "google.url_context" },
      codeExecution: { value: {}, param: "extra_body.google.codeExecution" },
    }),
    {
      tools: [{ functionDeclarations: [{ name: "get_time" }] }, { urlContext: {} }, {
        codeExecution: {},
      }],
    },
  );
  assert.deepEqual(
    toTools({}, MODEL, { urlContext: { value: false, param: "google.url_context" } }),
    {},
  );
  assertInvalid(
    () => toTools({}, MODEL, { urlContext: { value: "yes", param: "google.url_context" } }),
    "google.url_context",
  );
});

Deno.test("tool_choice none, auto and required become NONE, AUTO and ANY", () => {
  for (const [choice, mode] of [["none", "NONE"], ["auto", "AUTO"], ["required", "ANY"]]) {
    assert.deepEqual(convert({ tools: [TIME], tool_choice: choice }).toolConfig, {
      functionCallingConfig: { mode },
    });
  }
});

Deno.test("a named tool_choice becomes ANY limited to that function", () => {
  assert.deepEqual(
    convert({
      tools: [WEATHER, TIME],
      tool_choice: { type: "function", function: { name: "get_time" } },
    })
      .toolConfig,
    { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_time"] } },
  );
});

Deno.test("legacy function_call is read when tool_choice is absent", () => {
  assert.deepEqual(
    convert({ functions: [TIME.function], function_call: { name: "get_time" } }).toolConfig,
    {
      functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_time"] },
    },
  );
  assert.deepEqual(convert({ functions: [TIME.function], function_call: "none" }).toolConfig, {
    functionCallingConfig: { mode: "NONE" },
  });
  assert.deepEqual(
    convert({ tools: [TIME], tool_choice: "auto", function_call: "none" }).toolConfig,
    { functionCallingConfig: { mode: "AUTO" } },
  );
});

Deno.test("tool_choice without function tools is dropped, or a 400 when it requires one", () => {
  assert.deepEqual(convert({ tool_choice: "auto" }), {});
  assert.deepEqual(convert({ tools: [{ type: "google_search" }], tool_choice: "none" }), {
    tools: [{ googleSearch: {} }],
  });
  assertInvalid(() => convert({ tool_choice: "required" }), "tool_choice", /function tool/);
});

Deno.test("bad tool_choice values are 400s naming tool_choice", () => {
  assertInvalid(
    () => convert({ tools: [TIME], tool_choice: { type: "function", function: { name: "nope" } } }),
    "tool_choice",
    /nope/,
  );
  assertInvalid(() => convert({ tools: [TIME], tool_choice: "always" }), "tool_choice");
  assertInvalid(() => convert({ tools: [TIME], tool_choice: 1 }), "tool_choice");
  assertInvalid(
    () => convert({ tools: [TIME], tool_choice: { type: "custom", custom: {} } }),
    "tool_choice.type",
  );
  assertInvalid(
    () => convert({ tools: [TIME], tool_choice: { type: "function" } }),
    "tool_choice.function",
  );
  assertInvalid(
    () => convert({ functions: [TIME.function], function_call: { name: "x" } }),
    "function_call",
  );
});

Deno.test("unknown tool types are 400s naming the type", () => {
  assertInvalid(
    () => convert({ tools: [TIME, { type: "file_search" }] }),
    "tools[1].type",
    /file_search/,
  );
});

Deno.test("duplicate function names are 400s naming the second", () => {
  assertInvalid(() => convert({ tools: [TIME, TIME] }), "tools[1].function.name", /twice/);
  assertInvalid(
    () => convert({ tools: [TIME], functions: [{ name: "get_time" }] }),
    "functions[0].name",
  );
});

Deno.test("malformed function tools are 400s naming the field", () => {
  assertInvalid(() => convert({ tools: {} }), "tools");
  assertInvalid(() => convert({ tools: ["f"] }), "tools[0]");
  assertInvalid(() => convert({ tools: [{ type: "function" }] }), "tools[0].function", /Missing/);
  assertInvalid(
    () => convert({ tools: [{ type: "function", function: {} }] }),
    "tools[0].function.name",
  );
  assertInvalid(
    () => convert({ tools: [{ type: "function", function: { name: "has space" } }] }),
    "tools[0].function.name",
    /not a valid function name/,
  );
  assertInvalid(
    () => convert({ tools: [{ type: "function", function: { name: "f", parameters: "{}" } }] }),
    "tools[0].function.parameters",
  );
  assertInvalid(
    () => convert({ tools: [{ type: "function", function: { name: "f", description: 1 } }] }),
    "tools[0].function.description",
  );
  assertInvalid(() => convert({ web_search_options: true }), "web_search_options");
});
