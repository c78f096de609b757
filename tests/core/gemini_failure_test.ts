import assert from "node:assert/strict";
import { classifyGeminiError, errorReasons, retryDelayMs } from "../../src/core/gemini_failure.ts";
import type { GeminiErrorBody } from "../../src/gemini/types.ts";
import { readFixture } from "../helpers/fixtures.ts";

type Fields = GeminiErrorBody["error"];

const fixture = async (name: string): Promise<Fields> => JSON.parse(await readFixture(name)).error;

const quota = (quotaIds: string[], retryDelay?: string): Fields => ({
  code: 429,
  message: "You exceeded your current quota",
  status: "RESOURCE_EXHAUSTED",
  details: [
    {
      "@type": "type.googleapis.com/google.rpc.QuotaFailure",
      violations: quotaIds.map((quotaId) => ({ quotaId })),
    },
    ...(retryDelay ? [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay }] : []),
  ],
});

Deno.test("the captured 429 is a per-minute quota with its retry delay", async () => {
  const error = await fixture("22_error_429_RESOURCE_EXHAUSTED_quota_retryinfo.json");
  assert.deepEqual(classifyGeminiError(429, error), {
    kind: "quota",
    period: "minute",
    retryDelayMs: 26_000,
  });
});

Deno.test("a per-day quotaId makes the 429 a per-day quota, even beside per-minute ones", () => {
  const day = quota([
    "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
    "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
  ], "47s");
  assert.deepEqual(classifyGeminiError(429, day), {
    kind: "quota",
    period: "day",
    retryDelayMs: 47_000,
  });
});

Deno.test("a bare 429 is a per-minute quota without a delay", () => {
  assert.deepEqual(classifyGeminiError(429, undefined), {
    kind: "quota",
    period: "minute",
    retryDelayMs: undefined,
  });
  assert.equal(retryDelayMs(quota([], "20.70617005s")), 20_706.17005);
});

Deno.test("keys Gemini refuses", async () => {
  const invalid = await fixture("29_error_400_API_KEY_INVALID.json");
  assert.deepEqual(errorReasons(invalid), ["API_KEY_INVALID"]);
  assert.deepEqual(classifyGeminiError(400, invalid), { kind: "key", reason: "API_KEY_INVALID" });
  const leaked = {
    code: 403,
    message: "Your API key was reported as leaked. Please use another API key.",
    status: "PERMISSION_DENIED",
  };
  assert.deepEqual(classifyGeminiError(403, leaked), { kind: "key", reason: "PERMISSION_DENIED" });
  const disabled = {
    code: 403,
    message: "Generative Language API has not been used in project 1 before or it is disabled.",
    status: "PERMISSION_DENIED",
    details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "SERVICE_DISABLED" }],
  };
  assert.deepEqual(classifyGeminiError(403, disabled), { kind: "key", reason: "SERVICE_DISABLED" });
});

Deno.test("errors that are not the key's", () => {
  const location = {
    code: 400,
    message: "User location is not supported for the API use.",
    status: "FAILED_PRECONDITION",
  };
  assert.deepEqual(classifyGeminiError(400, location), { kind: "other" });
  const file = {
    code: 403,
    message: "You do not have permission to access the File abc or it may not exist.",
    status: "PERMISSION_DENIED",
  };
  assert.deepEqual(classifyGeminiError(403, file), { kind: "other" });
  assert.deepEqual(classifyGeminiError(404, undefined), { kind: "other" });
  assert.deepEqual(classifyGeminiError(504, undefined), { kind: "other" });
});

Deno.test("500 and 503 may go better elsewhere", () => {
  assert.deepEqual(classifyGeminiError(500, undefined), { kind: "unavailable" });
  assert.deepEqual(classifyGeminiError(503, undefined), { kind: "unavailable" });
});
