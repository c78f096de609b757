import assert from "node:assert/strict";
import { GatewayError, invalidRequest } from "../../src/core/errors.ts";
import {
  anthropicErrorBody,
  anthropicErrorResponse,
  anthropicErrorType,
  anthropicMessage,
} from "../../src/anthropic/errors.ts";

Deno.test("each status has Anthropic's error type", () => {
  const types = [400, 401, 403, 404, 405, 413, 429, 500, 502, 503, 504].map(anthropicErrorType);
  assert.deepEqual(types, [
    "invalid_request_error",
    "authentication_error",
    "permission_error",
    "not_found_error",
    "invalid_request_error",
    "request_too_large",
    "rate_limit_error",
    "api_error",
    "api_error",
    "overloaded_error",
    "timeout_error",
  ]);
});

Deno.test("the envelope is {type: error, error: {type, message}}", () => {
  assert.deepEqual(anthropicErrorBody(invalidRequest("Missing max_tokens.", "max_tokens")), {
    type: "error",
    error: { type: "invalid_request_error", message: "Missing max_tokens." },
  });
});

Deno.test("Gemini's context overflow is worded as Anthropic's 'prompt is too long'", () => {
  assert.equal(
    anthropicMessage(
      "The input token count (1234567) exceeds the maximum number of tokens allowed (1048576).",
    ),
    "prompt is too long: 1234567 tokens > 1048576 maximum",
  );
  assert.equal(anthropicMessage("Something else."), "Something else.");
});

Deno.test("503 is answered as 529 overloaded; headers such as retry-after are kept", async () => {
  const overloaded = anthropicErrorResponse(new GatewayError(503, "busy", "api_error"));
  assert.equal(overloaded.status, 529);
  assert.equal((await overloaded.json()).error.type, "overloaded_error");
  const limited = anthropicErrorResponse(
    new GatewayError(429, "slow down", "rate_limit_error", null, null, { "retry-after": "7" }),
  );
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "7");
  await limited.body?.cancel();
});

Deno.test("an unexpected failure is a 500 api_error without details", async () => {
  const original = console.error;
  console.error = () => {};
  try {
    const response = anthropicErrorResponse(new Error("secret internals"));
    assert.equal(response.status, 500);
    const body = await response.json();
    assert.equal(body.error.type, "api_error");
    assert.doesNotMatch(body.error.message, /secret/);
  } finally {
    console.error = original;
  }
});
