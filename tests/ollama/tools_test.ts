import assert from "node:assert/strict";
import { toTools } from "../../src/ollama/tools.ts";

const parameters = { type: "object", properties: { city: { type: "string" } } };

Deno.test("function tools become function declarations", () => {
  assert.deepEqual(
    toTools([{ type: "function", function: { name: "f", description: "F.", parameters } }], "m"),
    [{
      functionDeclarations: [{ name: "f", description: "F.", parametersJsonSchema: parameters }],
    }],
  );
  assert.deepEqual(toTools([{ function: { name: "g" } }], "gemini-3.8-flash"), [{
    functionDeclarations: [{ name: "g" }],
  }]);
});

Deno.test("no tools or an empty list is none", () => {
  assert.equal(toTools(undefined, "gemini-3.8-flash"), undefined);
  assert.equal(toTools([], "gemini-3.8-flash"), undefined);
});

Deno.test("bad tools are 400s naming the field", () => {
  assert.throws(() => toTools({}, "m"), /'tools'/);
  assert.throws(() => toTools([{ type: "web" }], "m"), /tools\[0\]\.type/);
  assert.throws(() => toTools([{ type: "function" }], "m"), /tools\[0\]\.function/);
  assert.throws(() => toTools([{ function: { name: "a b" } }], "m"), /tools\[0\]\.function\.name/);
});
