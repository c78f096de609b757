import assert from "node:assert/strict";
import { fromGeminiError, GatewayError } from "../../src/core/errors.ts";
import { openaiErrorBody, openaiErrorResponse } from "../../src/openai/errors.ts";
import { readFixture } from "../helpers/fixtures.ts";
import { assertSchema } from "../helpers/openapi.ts";

const cases: [string, number, number, string | null][] = [
  ["29_error_400_API_KEY_INVALID.json", 400, 401, "invalid_api_key"],
  ["30_error_403_no_api_key.json", 403, 403, "permission_denied"],
  ["33_error_404_model_not_found_generateContent.json", 404, 404, "model_not_found"],
  ["22_error_429_RESOURCE_EXHAUSTED_quota_retryinfo.json", 429, 429, "rate_limit_exceeded"],
  ["35_error_500_INTERNAL.json", 500, 502, "internal"],
  ["36_error_503_UNAVAILABLE.json", 503, 503, "unavailable"],
  ["31_error_400_unknown_field_v1_systemInstruction.json", 400, 400, "invalid_argument"],
];

for (const [fixture, upstream, status, code] of cases) {
  Deno.test(`Gemini ${upstream} (${fixture}) → ${status}`, async () => {
    const text = await readFixture(fixture);
    const error = fromGeminiError(upstream, text);
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    assert.equal(error.message, JSON.parse(text).error.message);
    assertSchema("ErrorResponse", openaiErrorBody(error));
  });
}

Deno.test("429 carries Retry-After from RetryInfo.retryDelay", async () => {
  const error = fromGeminiError(
    429,
    await readFixture("22_error_429_RESOURCE_EXHAUSTED_quota_retryinfo.json"),
  );
  assert.equal(error.headers["retry-after"], "26");
  const fractional = JSON.stringify({
    error: {
      code: 429,
      message: "slow down",
      status: "RESOURCE_EXHAUSTED",
      details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "20.7s" }],
    },
  });
  assert.equal(fromGeminiError(429, fractional).headers["retry-after"], "21");
  assert.equal(
    openaiErrorResponse(fromGeminiError(429, fractional)).headers.get("retry-after"),
    "21",
  );
});

Deno.test("details without @type do not break the mapping", () => {
  const body = JSON.stringify({
    error: { code: 429, message: "slow down", status: "RESOURCE_EXHAUSTED", details: [{}] },
  });
  const error = fromGeminiError(429, body);
  assert.equal(error.status, 429);
  assert.equal(error.headers["retry-after"], undefined);
});

Deno.test("error arrays from JSON-array streams are unwrapped", () => {
  const error = fromGeminiError(
    404,
    '[{\n  "error": {\n    "code": 404,\n    "message": "gone",\n    "status": "NOT_FOUND"\n  }\n}\n]',
  );
  assert.equal(error.message, "gone");
  assert.equal(error.status, 404);
});

Deno.test("a body of another format is never passed through", () => {
  const error = fromGeminiError(502, "<html><body>Bad Gateway</body></html>");
  assert.ok(error instanceof GatewayError);
  assert.equal(error.status, 502);
  assert.ok(!error.message.includes("<html>"));
  assert.equal(fromGeminiError(504, "").status, 504);
});

Deno.test("a Gemini error carries what it says about the key", async () => {
  const quota = fromGeminiError(
    429,
    await readFixture("22_error_429_RESOURCE_EXHAUSTED_quota_retryinfo.json"),
  );
  assert.deepEqual(quota.failure, { kind: "quota", period: "minute", retryDelayMs: 26_000 });
  const invalid = fromGeminiError(400, await readFixture("29_error_400_API_KEY_INVALID.json"));
  assert.deepEqual(invalid.failure, { kind: "key", reason: "API_KEY_INVALID" });
  assert.deepEqual(fromGeminiError(502, "not json").failure, { kind: "other" });
});
