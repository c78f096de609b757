import assert from "node:assert/strict";
import { startGateway } from "../helpers/harness.ts";

Deno.test("push, create, copy, delete and blobs are refused with a reason", async () => {
  await using gw = await startGateway();
  const cases: [string, string, RegExp][] = [
    ["POST", "/api/push", /no registry/],
    ["POST", "/api/create", /cannot be created.*MODEL_ALIASES/],
    ["POST", "/api/blobs/sha256:abc", /cannot be created/],
    ["POST", "/api/copy", /cannot be copied.*MODEL_ALIASES/],
    ["DELETE", "/api/delete", /cannot be deleted/],
  ];
  for (const [method, path, message] of cases) {
    const response = await gw.request(path, {
      method,
      body: JSON.stringify({ model: "gemini-3.8-flash" }),
    });
    assert.equal(response.status, 400, path);
    const body = await response.json();
    assert.deepEqual(Object.keys(body), ["error"]);
    assert.match(body.error, message);
  }
  assert.equal(gw.fake.requests.length, 0);
});
