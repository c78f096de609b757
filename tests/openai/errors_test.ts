import assert from "node:assert/strict";
import { invalidRequest } from "../../src/core/errors.ts";
import { openaiErrorResponse } from "../../src/openai/errors.ts";
import { assertSchema } from "../helpers/openapi.ts";

Deno.test("openaiErrorResponse answers the OpenAI envelope with all four keys", async () => {
  const response = openaiErrorResponse(
    invalidRequest("temperature must be a number", "temperature"),
  );
  assert.equal(response.status, 400);
  const body = await response.json();
  assertSchema("ErrorResponse", body);
  assert.deepEqual(body, {
    error: {
      message: "temperature must be a number",
      type: "invalid_request_error",
      param: "temperature",
      code: null,
    },
  });
});

Deno.test("openaiErrorResponse hides unexpected failures behind a 500 without a stack", async () => {
  const log = console.error;
  console.error = () => {};
  try {
    const response = openaiErrorResponse(new TypeError("secret internals"));
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.ok(!text.includes("secret internals"));
    assertSchema("ErrorResponse", JSON.parse(text));
  } finally {
    console.error = log;
  }
});
