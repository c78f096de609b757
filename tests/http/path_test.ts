import assert from "node:assert/strict";
import { routedPath } from "../../src/http/path.ts";

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
