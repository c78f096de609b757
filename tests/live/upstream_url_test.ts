import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";
import { liveUpstream } from "../../src/live/upstream_url.ts";

const BASE = "https://generativelanguage.googleapis.com";
const SERVICE = "/ws/google.ai.generativelanguage";
const BETA = `${SERVICE}.v1beta.GenerativeService.BidiGenerateContent`;
const CONSTRAINED = `${SERVICE}.v1alpha.GenerativeService.BidiGenerateContentConstrained`;

function upstream(path: string, headers: HeadersInit = {}, base = BASE) {
  return liveUpstream(new Request(`http://gateway.test${path}`, { headers }), base);
}

function assertError(path: string, status: number, headers: HeadersInit = {}) {
  assert.throws(
    () => upstream(path, headers),
    (error) => error instanceof GatewayError && error.status === status,
  );
}

Deno.test("/ws maps to v1beta BidiGenerateContent over wss, the key in the query", () => {
  const { url, headers, secret } = upstream("/ws?key=k1");
  assert.equal(url.href, `wss://generativelanguage.googleapis.com${BETA}`);
  assert.deepEqual(headers, { "x-goog-api-key": "k1" });
  assert.equal(secret, "k1");
  assert.equal(upstream("/ws/?key=k1").url.pathname, BETA);
});

Deno.test("method paths pass as they are; repeated slashes are collapsed", () => {
  for (const version of ["v1", "v1alpha", "v1beta"]) {
    for (const method of ["BidiGenerateContent", "BidiGenerateContentConstrained"]) {
      const path = `${SERVICE}.${version}.GenerativeService.${method}`;
      assert.equal(upstream(`/${path}?key=k`).url.pathname, path);
    }
  }
  assert.equal(upstream(`//${BETA.slice(1).replace("/", "//")}?key=k`).url.pathname, BETA);
});

Deno.test("an http base URL becomes ws://, keeping a path prefix", () => {
  assert.equal(
    upstream("/ws?key=k", {}, "http://127.0.0.1:9/gemini/").url.href,
    `ws://127.0.0.1:9/gemini${BETA}`,
  );
});

Deno.test("the key may come from x-goog-api-key or Authorization: Bearer", () => {
  assert.deepEqual(upstream("/ws", { "x-goog-api-key": "k2" }).headers, { "x-goog-api-key": "k2" });
  assert.deepEqual(upstream("/ws", { authorization: "Bearer k3" }).headers, {
    "x-goog-api-key": "k3",
  });
});

Deno.test("ephemeral tokens travel as Authorization: Token and /ws picks the Constrained method", () => {
  const fromQuery = upstream("/ws?access_token=auth_tokens/t1");
  assert.equal(fromQuery.url.pathname, CONSTRAINED);
  assert.deepEqual(fromQuery.headers, { authorization: "Token auth_tokens/t1" });
  assert.equal(fromQuery.url.search, "");
  const fromHeader = upstream(CONSTRAINED, { authorization: "Token auth_tokens/t2" });
  assert.deepEqual(fromHeader.headers, { authorization: "Token auth_tokens/t2" });
  assert.equal(fromHeader.secret, "auth_tokens/t2");
  assert.equal(upstream("/ws?key=auth_tokens/t3").url.pathname, CONSTRAINED);
});

Deno.test("other query parameters are forwarded; only one credential is", () => {
  const { url, headers } = upstream("/ws?alt=x&key=k", { "x-goog-api-key": "other" });
  assert.equal(url.search, "?alt=x");
  assert.deepEqual(headers, { "x-goog-api-key": "other" });
});

Deno.test("paths that are not Live methods are 400; no credential is 401", () => {
  for (const path of ["/wsx", "/ws/other", `${SERVICE}.v2.GenerativeService.BidiGenerateContent`]) {
    assertError(`${path}?key=k`, 400);
  }
  assertError("/ws", 401);
  assertError("/ws?key=", 401);
  assertError("/ws", 401, { authorization: "Basic abc" });
});
