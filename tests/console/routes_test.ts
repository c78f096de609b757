import assert from "node:assert/strict";
import { CONSOLE_CSP, OLLAMA_IS_RUNNING } from "../../src/console/routes.ts";
import { GATEWAY_VERSION } from "../../src/version.ts";
import { startGateway } from "../helpers/harness.ts";

const HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

Deno.test("GET / serves browsers the console page with a CSP that allows no inline script", async () => {
  await using gateway = await startGateway();
  const response = await fetch(`${gateway.url}/`, { headers: { accept: HTML } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type")!, /^text\/html/);
  assert.equal(response.headers.get("content-security-policy"), CONSOLE_CSP);
  assert.match(CONSOLE_CSP, /script-src 'self'(;|$)/);
  assert.ok(!CONSOLE_CSP.includes("unsafe"));
  assert.equal(response.headers.get("vary"), "Accept");
  assert.ok(response.headers.get("etag"));
  assert.match(await response.text(), /<script type="module" src="\/console\/app.js">/);
  assert.equal(gateway.fake.requests.length, 0);
});

Deno.test("GET / answers JSON clients with the description: version, APIs, booleans", async () => {
  await using gateway = await startGateway({
    GEMINI_API_KEYS: "server-secret-key",
    ACCESS_TOKENS: "secret-token",
  });
  const response = await fetch(`${gateway.url}/`, { headers: { accept: "application/json" } });
  assert.equal(response.status, 200);
  const text = await response.text();
  assert.ok(!text.includes("secret"), text);
  const body = JSON.parse(text);
  assert.equal(body.version, GATEWAY_VERSION);
  assert.equal(body.serverKeys, true);
  assert.equal(body.accessTokens, true);
  assert.ok(body.apis.some((api: { id: string }) => api.id === "openai"));
  assert.equal(response.headers.get("cache-control"), "no-store");
});

Deno.test("GET / says 'Ollama is running' to clients without Accept or with */*", async () => {
  await using gateway = await startGateway();
  for (const accept of ["*/*", "", "text/plain"]) {
    const response = await fetch(`${gateway.url}/`, { headers: { accept } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type")!, /^text\/plain/);
    assert.equal(await response.text(), OLLAMA_IS_RUNNING);
  }
  // No Accept header at all (fetch always sends one).
  const conn = await Deno.connect({
    hostname: "127.0.0.1",
    port: Number(new URL(gateway.url).port),
  });
  await conn.write(
    new TextEncoder().encode("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
  );
  const raw = new TextDecoder().decode(await new Response(conn.readable).arrayBuffer());
  assert.match(raw, /^HTTP\/1\.1 200/);
  assert.ok(raw.endsWith(OLLAMA_IS_RUNNING), raw);
});

Deno.test("HEAD / is a 200 without a body, whatever the Accept", async () => {
  await using gateway = await startGateway();
  for (const accept of [HTML, "application/json", "*/*"]) {
    const response = await fetch(`${gateway.url}/`, { method: "HEAD", headers: { accept } });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), "");
  }
});

Deno.test("the console's files are served with ETags, and a held version is a 304", async () => {
  await using gateway = await startGateway();
  const response = await fetch(`${gateway.url}/console/app.js`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type")!, /^text\/javascript/);
  assert.equal(response.headers.get("cache-control"), "no-cache");
  const etag = response.headers.get("etag")!;
  await response.body?.cancel();
  const again = await fetch(`${gateway.url}/console/app.js`, {
    headers: { "if-none-match": etag },
  });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), "");
  const page = await fetch(`${gateway.url}/`, { headers: { accept: HTML, "if-none-match": etag } });
  assert.equal(page.status, 200);
  await page.body?.cancel();
});

Deno.test("an unknown console file is a 404 in OpenAI's shape", async () => {
  await using gateway = await startGateway();
  const response = await fetch(`${gateway.url}/console/missing.js`);
  assert.equal(response.status, 404);
  assert.equal((await response.json()).error.code, "unknown_route");
  const post = await fetch(`${gateway.url}/`, { method: "POST" });
  assert.equal(post.status, 405);
  await post.body?.cancel();
});
