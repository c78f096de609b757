import assert from "node:assert/strict";
import { toOutputFormat } from "../../src/ollama/format.ts";

Deno.test("format json is JSON mode; a schema is sent as JSON Schema", () => {
  assert.deepEqual(toOutputFormat("json", "gemini-3.8-flash"), {
    responseMimeType: "application/json",
  });
  const schema = { type: "object", properties: { a: { type: "string" } } };
  assert.deepEqual(toOutputFormat(schema, "gemini-3.8-flash"), {
    responseMimeType: "application/json",
    responseJsonSchema: schema,
  });
});

Deno.test("models without JSON Schema support get the proto schema", () => {
  const config = toOutputFormat({ type: "object", properties: {} }, "gemma-3-27b-it");
  assert.ok(config.responseSchema);
  assert.equal(config.responseJsonSchema, undefined);
});

Deno.test("no format or an empty one is plain text; anything else is a 400", () => {
  assert.deepEqual(toOutputFormat(undefined, "gemini-3.8-flash"), {});
  assert.deepEqual(toOutputFormat("", "gemini-3.8-flash"), {});
  assert.throws(() => toOutputFormat("yaml", "gemini-3.8-flash"), /'format'/);
  assert.throws(() => toOutputFormat(3, "gemini-3.8-flash"), /'format'/);
});
