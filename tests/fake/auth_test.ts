import assert from "node:assert/strict";
import { checkKey, keyRefusal, requestKey } from "../../src/fake/auth.ts";
import { startFakeGemini } from "../../src/fake/server.ts";

const MODEL = "gemini-2.5-flash";

Deno.test("checkKey: none, invalid, and everything else", () => {
  assert.equal(checkKey(null), "missing");
  assert.equal(checkKey("invalid-x"), "invalid");
  assert.equal(checkKey("quota-minute-x"), "ok");
});

Deno.test("requestKey reads the places the real API reads", () => {
  const url = "http://fake/v1beta/models";
  assert.equal(requestKey(new Request(url, { headers: { "x-goog-api-key": "a" } })), "a");
  assert.equal(requestKey(new Request(`${url}?key=b`)), "b");
  assert.equal(requestKey(new Request(url, { headers: { authorization: "Token c" } })), "c");
  assert.equal(requestKey(new Request(url)), null);
});

Deno.test("keyRefusal: the error each key prefix gets", () => {
  assert.equal(keyRefusal(null, MODEL)?.error.code, 403);
  assert.equal(keyRefusal("invalid-1", MODEL)?.error.details?.[0].reason, "API_KEY_INVALID");
  const leaked = keyRefusal("leaked-1", undefined)?.error;
  assert.equal(leaked?.code, 403);
  assert.equal(leaked?.status, "PERMISSION_DENIED");
  const location = keyRefusal("location-1", MODEL)?.error;
  assert.equal(location?.code, 400);
  assert.equal(location?.status, "FAILED_PRECONDITION");
  assert.equal(location?.message, "User location is not supported for the API use.");
  assert.equal(keyRefusal("good-key", MODEL), undefined);
});

Deno.test("keyRefusal: quota keys answer the real 429 for generation, not for model listing", () => {
  const minute = keyRefusal("quota-minute-a", MODEL)?.error;
  assert.equal(minute?.code, 429);
  assert.equal(minute?.status, "RESOURCE_EXHAUSTED");
  const [failure, help, retry] = minute?.details ?? [];
  assert.equal(failure["@type"], "type.googleapis.com/google.rpc.QuotaFailure");
  assert.deepEqual(failure.violations, [{
    quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests",
    quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
    quotaDimensions: { location: "global", model: MODEL },
    quotaValue: "10",
  }]);
  assert.equal(help["@type"], "type.googleapis.com/google.rpc.Help");
  assert.deepEqual(retry, {
    "@type": "type.googleapis.com/google.rpc.RetryInfo",
    retryDelay: "26s",
  });
  assert.equal(keyRefusal("quota-minute-3s-a", MODEL)?.error.details?.[2].retryDelay, "3s");
  assert.equal(keyRefusal("quota-minute-none-a", MODEL)?.error.details?.length, 2);
  const day = keyRefusal("quota-day-a", MODEL)?.error.details?.[0].violations as {
    quotaId: string;
  }[];
  assert.equal(day[0].quotaId, "GenerateRequestsPerDayPerProjectPerModel-FreeTier");
  assert.equal(keyRefusal("quota-day-a", undefined), undefined);
});

Deno.test("the fake answers a quota key's call with its 429, and lists models for it", async () => {
  const fake = startFakeGemini();
  try {
    const headers = { "x-goog-api-key": "quota-day-k", "content-type": "application/json" };
    const call = await fetch(`${fake.url}/v1beta/models/${MODEL}:generateContent`, {
      method: "POST",
      headers,
      body: JSON.stringify({ contents: [{ parts: [{ text: "hi" }] }] }),
    });
    assert.equal(call.status, 429);
    assert.match(await call.text(), /PerDayPerProjectPerModel/);
    const list = await fetch(`${fake.url}/v1beta/models`, { headers });
    assert.equal(list.status, 200);
    await list.body?.cancel();
  } finally {
    await fake.close();
  }
});
