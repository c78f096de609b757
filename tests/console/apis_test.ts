import assert from "node:assert/strict";
import { anthropicRoutes } from "../../src/anthropic/routes.ts";
import { APIS } from "../../src/console/apis.ts";
import { ollamaRoutes } from "../../src/ollama/routes.ts";
import { openaiRoutes } from "../../src/openai/routes.ts";
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

/** Routes the console does not list, and why. */
const UNLISTED = new Set([
  "GET /v1/responses", // the refused WebSocket upgrade Codex tries first
  // Ollama's model-management routes only say why the gateway cannot, and its catch-alls:
  "POST /api/push",
  "POST /api/create",
  "GET /api/blobs/{digest}",
  "POST /api/blobs/{digest}",
  "POST /api/copy",
  "DELETE /api/delete",
  "GET /api",
  "POST /api",
  "DELETE /api",
  "GET /api/{path}",
  "POST /api/{path}",
  "DELETE /api/{path}",
]);

Deno.test("every client API route is listed, so that the console shows it", () => {
  const listed = new Set(APIS.flatMap((api) => api.endpoints));
  const routes = [
    ...[...openaiRoutes, ...anthropicRoutes].map((route) => ({ ...route, prefix: "/v1" })),
    ...ollamaRoutes.map((route) => ({ ...route, prefix: "" })),
  ];
  const missing = routes.flatMap(({ path, methods, prefix }) =>
    Object.keys(methods).map((method) => `${method} ${prefix}${path.replace(/:(\w+)/g, "{$1}")}`)
  ).filter((endpoint) => !listed.has(endpoint) && !UNLISTED.has(endpoint));
  // A parameter at the end stands for the actions under it (`/responses/{id}/cancel`).
  assert.deepEqual(
    missing.filter((endpoint) =>
      ![...listed].some((known) => known.startsWith(`${endpoint}/`) && endpoint.endsWith("}"))
    ),
    [],
  );
});
