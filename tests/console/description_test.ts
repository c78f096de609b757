import assert from "node:assert/strict";
import { APIS } from "../../src/console/apis.ts";
import { describeService } from "../../src/console/description.ts";
import { GATEWAY_VERSION } from "../../src/version.ts";

Deno.test("the description lists the APIs, their routes, the version and booleans for keys", () => {
  const description = describeService(APIS, { serverKeys: true, accessTokens: false });
  assert.equal(description.version, GATEWAY_VERSION);
  assert.deepEqual(description.apis.map((api) => api.id), APIS.map((api) => api.id));
  assert.ok(description.endpoints.includes("POST /v1/chat/completions"));
  assert.equal(description.serverKeys, true);
  assert.equal(description.accessTokens, false);
  assert.match(description.description, /OpenAI-compatible/);
});
