import assert from "node:assert/strict";
import { toJsonOutput } from "../../src/core/response_schema.ts";

Deno.test("without a schema: JSON mode only", () => {
  assert.deepEqual(toJsonOutput(undefined, "format", "gemini-3"), {
    responseMimeType: "application/json",
  });
});

Deno.test("a JSON Schema model gets responseJsonSchema; a legacy one the proto schema", () => {
  const schema = { type: "object", properties: { n: { type: "integer" } } };
  assert.deepEqual(toJsonOutput(schema, "format", "gemini-3"), {
    responseMimeType: "application/json",
    responseJsonSchema: schema,
  });
  const legacy = toJsonOutput(schema, "format", "gemini-2.0-flash");
  assert.equal(legacy.responseSchema?.type, "OBJECT");
  assert.equal(legacy.responseJsonSchema, undefined);
});
