import assert from "node:assert/strict";
import {
  canonicalError,
  compactJson,
  errorBody,
  JSON_ARRAY_END,
  jsonArray,
  jsonArrayElement,
  modelNotFoundError,
  numberText,
  prettyJson,
  sseEvent,
} from "../../src/fake/wire.ts";
import { readFixture } from "../helpers/fixtures.ts";

const SSE_FIXTURES = [
  "01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse",
  "02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse",
  "02b_sse_raw_after_functionResponse_gemini-3-pro.sse",
  "03_sse_raw_thinking_includeThoughts_gemini-2.5-pro.sse",
  "04_sse_raw_text_serviceTier_gemini-2.5-flash_2026.sse",
  "05_sse_raw_googleSearch_groundingMetadata_gemini-2.5-pro.sse",
  "37_sse_midstream_error_EXAMPLE_reconstructed.sse",
];

for (const name of SSE_FIXTURES) {
  Deno.test(`sseEvent reproduces ${name} byte for byte`, async () => {
    const recorded = await readFixture(name);
    const events = recorded.split("\r\n\r\n").filter(Boolean);
    assert.ok(events.length >= 2);
    const replayed = events.map((event) => sseEvent(JSON.parse(event.slice("data: ".length))));
    assert.equal(replayed.join(""), recorded);
  });
}

const PRETTY_FIXTURES = [
  "09_models_list_page1_v1beta.json",
  "10_batchEmbedContents_gemini-embedding-2.json",
  "11_batchEmbedContents_gemini-embedding-001.json",
  "38_generateContent_raw_urlContext_gemini-2.5-flash.json",
  "39_countTokens_raw.json",
];

for (const name of PRETTY_FIXTURES) {
  Deno.test(`prettyJson reproduces ${name} byte for byte`, async () => {
    const recorded = await readFixture(name);
    assert.equal(prettyJson(JSON.parse(recorded)), recorded);
  });
}

const ARRAY_FIXTURES = [
  "06_stream_jsonarray_thoughts_thoughtSignature_gemini-flash-latest.json-stream",
  "07_stream_jsonarray_functionCall_gemini-2.5-flash.0.json-stream",
  "07_stream_jsonarray_functionCall_gemini-2.5-flash.1.json-stream",
  "07_stream_jsonarray_functionCall_gemini-2.5-flash.2.json-stream",
  "08_stream_jsonarray_gemini3_functionCall_signature.0.json-stream",
  "08_stream_jsonarray_gemini3_functionCall_signature.1.json-stream",
];

for (const name of ARRAY_FIXTURES) {
  Deno.test(`jsonArray reproduces ${name} byte for byte`, async () => {
    const recorded = await readFixture(name);
    const chunks: unknown[] = JSON.parse(recorded);
    assert.equal(jsonArray(chunks), recorded);
    assert.equal(chunks.map(jsonArrayElement).join("") + JSON_ARRAY_END, recorded);
  });
}

Deno.test("compactJson puts a space after colons only, and leaves string contents alone", () => {
  const value = { a: "x, y: z", b: [1, { c: null }], d: {}, e: [], f: true, skipped: undefined };
  assert.equal(
    compactJson(value),
    '{"a": "x, y: z","b": [1,{"c": null}],"d": {},"e": [],"f": true}',
  );
});

Deno.test("compactJson escapes < and > inside strings and keeps other characters raw", () => {
  assert.equal(
    compactJson({ "<k>": "<a href='x?b=1'>69°F</a>" }),
    String.raw`{"\u003ck\u003e": "\u003ca href='x?b=1'\u003e69°F\u003c/a\u003e"}`,
  );
  assert.equal(compactJson('quote " and \\ and \n'), JSON.stringify('quote " and \\ and \n'));
});

Deno.test("canonicalError reproduces the real error bodies", async () => {
  const cases: [number, string][] = [
    [400, "29_error_400_API_KEY_INVALID.json"],
    [403, "30_error_403_no_api_key.json"],
    [404, "33_error_404_model_not_found_generateContent.json"],
    [429, "22_error_429_RESOURCE_EXHAUSTED_quota_retryinfo.json"],
    [500, "35_error_500_INTERNAL.json"],
    [503, "36_error_503_UNAVAILABLE.json"],
  ];
  for (const [status, name] of cases) {
    assert.equal(prettyJson(canonicalError(status)), await readFixture(name), name);
  }
});

Deno.test("canonicalError names other statuses canonically", () => {
  assert.deepEqual(canonicalError(504).error.status, "DEADLINE_EXCEEDED");
  assert.deepEqual(canonicalError(418).error, {
    code: 418,
    message: "The service answered with HTTP 418.",
    status: "UNKNOWN",
  });
});

Deno.test("errorBody leaves out empty details, and modelNotFoundError names the method", () => {
  assert.deepEqual(errorBody(404, "gone", []), {
    error: { code: 404, message: "gone", status: "NOT_FOUND" },
  });
  assert.match(
    modelNotFoundError("x", "v1", "embedContent").error.message,
    /^models\/x is not found for API version v1, or is not supported for embedContent\./,
  );
});

Deno.test("numberText prints small magnitudes in Google's exponent form", () => {
  assert.equal(numberText(6.110433e-05), "6.110433e-05");
  assert.equal(numberText(-1.5e-7), "-1.5e-07");
  assert.equal(numberText(0.0005280468), "0.0005280468");
  assert.equal(numberText(0), "0");
  assert.equal(numberText(1), "1");
  assert.equal(compactJson({ v: [9.960691e-05] }), '{"v": [9.960691e-05]}');
});
