import assert from "node:assert/strict";
import { startGateway } from "../helpers/harness.ts";

Deno.test("unknown paths under /api are 404s in Ollama's shape", async () => {
  await using gw = await startGateway();
  for (const path of ["/api", "/api/", "/api/status", "/api/experimental/web_search"]) {
    const response = await gw.request(path);
    assert.equal(response.status, 404, path);
    assert.deepEqual(Object.keys(await response.json()), ["error"]);
  }
});

Deno.test("a wrong method is a 405 in Ollama's shape, with Allow", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/api/chat");
  assert.equal(response.status, 405);
  assert.equal(response.headers.get("allow"), "POST, OPTIONS");
  assert.match((await response.json()).error, /POST/);
});

Deno.test("HEAD /api/version and /api/tags answer like GET, without a body", async () => {
  await using gw = await startGateway();
  for (const path of ["/api/version", "/api/tags"]) {
    const response = await gw.request(path, { method: "HEAD" });
    assert.equal(response.status, 200, path);
    assert.equal(await response.text(), "");
  }
});

Deno.test("without server keys, a client without a key gets Ollama's 401", async () => {
  await using gw = await startGateway();
  const response = await fetch(`${gw.url}/api/tags`);
  assert.equal(response.status, 401);
  const body = await response.json();
  assert.deepEqual(Object.keys(body), ["error"]);
  assert.equal(gw.fake.requests.length, 0);
});
