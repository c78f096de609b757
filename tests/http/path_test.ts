import assert from "node:assert/strict";
import { pathnameOf, routedPath } from "../../src/http/path.ts";

Deno.test("paths are routed however clients spell them", () => {
  assert.equal(routedPath("/v1/models"), "/models");
  assert.equal(routedPath("//v1//models/"), "/models");
  assert.equal(routedPath("/models"), "/models");
  assert.equal(routedPath("/v1"), "/");
  assert.equal(routedPath("/"), "/");
  assert.equal(routedPath("//ws/google.ai.x"), "/ws/google.ai.x");
  assert.equal(routedPath("/v1/ws"), "/ws");
  assert.equal(routedPath("/v1beta/models"), "/v1beta/models");
});

Deno.test("a request's pathname is what URL parsing gives, plain or not", () => {
  for (
    const url of [
      "http://127.0.0.1:8000/v1/chat/completions",
      "http://host/v1/models?x=/y#z",
      "http://host/a#b?c",
      "http://host",
      "http://host/",
      "http://host:1/v1/models/gemini-2.5-flash",
      "http://host/v1/../models/./x",
      "http://host/%7Ex/%2F/é",
      "https://user:pw@host/a%2e%2E/b",
    ]
  ) assert.equal(pathnameOf(url), new URL(url).pathname, url);
});
