import assert from "node:assert/strict";
import { toFunctionDeclaration } from "../../src/core/function_declaration.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const params = { name: "tools[0].name", parameters: "tools[0].input_schema" };
const schema = {
  type: "object",
  properties: { city: { $ref: "#/$defs/city" } },
  $defs: { city: { type: "string" } },
};

Deno.test("a JSON Schema model gets parametersJsonSchema with references inlined", () => {
  const declaration = toFunctionDeclaration(
    { name: "weather", description: "Weather", parameters: schema },
    params,
    "gemini-3.5-flash",
  );
  assert.deepEqual(declaration, {
    name: "weather",
    description: "Weather",
    parametersJsonSchema: { type: "object", properties: { city: { type: "string" } } },
  });
});

Deno.test("a legacy model gets the proto parameters", () => {
  const declaration = toFunctionDeclaration({ name: "w", parameters: schema }, params, "gemma-3");
  assert.equal(declaration.parametersJsonSchema, undefined);
  assert.equal(declaration.parameters?.type, "OBJECT");
});

Deno.test("an empty schema and an empty description are left out", () => {
  assert.deepEqual(
    toFunctionDeclaration({ name: "w", description: "", parameters: {} }, params, "gemini-3"),
    { name: "w" },
  );
});

Deno.test("a name Gemini refuses is a 400 naming the name's field", () => {
  assertInvalid(
    () => toFunctionDeclaration({ name: "9 lives" }, params, "gemini-3"),
    "tools[0].name",
    /not a valid function name/,
  );
});
