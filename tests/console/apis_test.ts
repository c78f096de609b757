import assert from "node:assert/strict";
import { APIS } from "../../src/console/apis.ts";
import { startGateway } from "../helpers/harness.ts";

Deno.test("every API listed has a unique id, a base path and routes", () => {
  assert.equal(new Set(APIS.map((api) => api.id)).size, APIS.length);
  for (const api of APIS) {
    assert.match(api.base, /^\//, api.id);
    assert.ok(api.endpoints.length > 0, api.id);
    for (const endpoint of api.endpoints) assert.match(endpoint, /^(GET|POST|DELETE) \//);
  }
});

Deno.test("every route an API lists exists on the gateway", async () => {
  // With server keys and tokens, so that the key pool's route exists too.
  await using gateway = await startGateway({
    GEMINI_API_KEYS: "server-key",
    ACCESS_TOKENS: "token",
  });
  for (const endpoint of APIS.flatMap((api) => api.endpoints)) {
    const [method, template] = endpoint.split(" ");
    const path = template.replace(/\{\w+\}/g, "gemini-flash-latest");
    const response = await gateway.request(path, { method });
    const text = await response.text();
    assert.ok(!text.includes("unknown_route"), `${endpoint}: ${response.status} ${text}`);
    assert.notEqual(response.status, 405, endpoint);
  }
});
