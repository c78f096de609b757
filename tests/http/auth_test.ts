import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { apiKeyOf, presentedKey } from "../../src/http/auth.ts";

Deno.test("takes the key from Authorization, x-goog-api-key or ?key=", () => {
  const url = "http://gateway/v1/models";
  assert.equal(apiKeyOf(new Request(url, { headers: { authorization: "Bearer k1" } })), "k1");
  assert.equal(apiKeyOf(new Request(url, { headers: { "x-goog-api-key": "k2" } })), "k2");
  assert.equal(apiKeyOf(new Request(`${url}?key=k3`)), "k3");
  assert.equal(apiKeyOf(new Request(url, { headers: { authorization: "k4" } })), "k4");
  assert.equal(apiKeyOf(new Request(url, { headers: { "api-key": "k5" } })), "k5");
  assert.equal(apiKeyOf(new Request(url, { headers: { "x-api-key": "k6" } })), "k6");
});

Deno.test("presentedKey is undefined without a credential", () => {
  assert.equal(presentedKey(new Request("http://gateway/v1/models")), undefined);
  assert.equal(presentedKey(new Request("http://gateway/v1/models?key=")), undefined);
});

Deno.test("no key is a 401", () => {
  assert.throws(
    () =>
      apiKeyOf(new Request("http://gateway/v1/models", { headers: { authorization: "Bearer " } })),
    (error) => error instanceof GatewayError && error.status === 401,
  );
});

Deno.test("a key that is not header-safe, or too long, is a 401 that does not quote it", () => {
  const url = "http://gateway/v1/models";
  for (
    const key of ["abc\u0000", "abc\r\nx-evil: 1", "kéy-ünicode", "two words", "k".repeat(513)]
  ) {
    assert.throws(
      () => apiKeyOf(new Request(`${url}?key=${encodeURIComponent(key)}`)),
      (error) =>
        error instanceof GatewayError && error.status === 401 &&
        error.code === "invalid_api_key" && !error.message.includes(key.slice(0, 3)),
    );
  }
  assert.throws(
    () => apiKeyOf(new Request(url, { headers: { authorization: "Bearer two words" } })),
    (error) => error instanceof GatewayError && error.status === 401,
  );
  assert.equal(apiKeyOf(new Request(`${url}?key=${"k".repeat(512)}`)), "k".repeat(512));
});
