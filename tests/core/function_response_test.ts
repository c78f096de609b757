import assert from "node:assert/strict";
import { toFunctionResponse } from "../../src/core/function_response.ts";

Deno.test("a JSON object is the response as is", () => {
  assert.deepEqual(toFunctionResponse('{"temp":21}'), { temp: 21 });
});

Deno.test("other JSON and plain text are wrapped as result", () => {
  assert.deepEqual(toFunctionResponse("[1,2]"), { result: [1, 2] });
  assert.deepEqual(toFunctionResponse("sunny"), { result: "sunny" });
});

Deno.test("JSON with a $ref key is sent as text", () => {
  const text = '{"a":{"$ref":"#/x"}}';
  assert.deepEqual(toFunctionResponse(text), { result: text });
});

Deno.test("JSON nested too deep is sent as text", () => {
  const text = "[".repeat(5000) + "]".repeat(5000);
  assert.deepEqual(toFunctionResponse(text), { result: text });
});
