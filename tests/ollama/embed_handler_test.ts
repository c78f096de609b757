import assert from "node:assert/strict";
import { SUBSTITUTION_HEADER } from "../../src/core/model_name.ts";
import { startGateway } from "../helpers/harness.ts";

Deno.test("/api/embed answers with Ollama's fields and timings", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/api/embed", {
    method: "POST",
    body: JSON.stringify({ input: "hello", truncate: true, keep_alive: "5m", options: {} }),
  });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.model, "gemini-embedding-001");
  assert.equal(body.embeddings.length, 1);
  assert.ok(body.prompt_eval_count > 0);
  assert.ok(Number.isInteger(body.total_duration) && Number.isInteger(body.load_duration));
  assert.equal(gw.fake.requests[0].path, "/v1beta/models/gemini-embedding-001:batchEmbedContents");
});

Deno.test("an empty input embeds nothing; an unknown model is a 404; aliases are said", async () => {
  await using gw = await startGateway({ MODEL_ALIASES: "nomic-embed-text=gemini-embedding-001" });
  const post = (body: unknown) =>
    gw.request("/api/embed", { method: "POST", body: JSON.stringify(body) });
  const empty = await (await post({ model: "gemini-embedding-001", input: [] })).json();
  assert.deepEqual(empty.embeddings, []);
  assert.equal(gw.fake.requests.length, 0);
  const unknown = await post({ model: "mxbai-embed-large", input: "x" });
  assert.equal(unknown.status, 404);
  assert.deepEqual(await unknown.json(), { error: "model 'mxbai-embed-large' not found" });
  const aliased = await post({ model: "nomic-embed-text:latest", input: "x" });
  assert.equal(aliased.status, 200);
  assert.equal(
    aliased.headers.get(SUBSTITUTION_HEADER),
    "nomic-embed-text -> gemini-embedding-001",
  );
  assert.equal((await aliased.json()).model, "gemini-embedding-001");
});

Deno.test("a model that does not embed is a 400 saying so", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/api/embed", {
    method: "POST",
    body: JSON.stringify({ model: "gemini-3.8-flash:latest", input: "x" }),
  });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    error: '"gemini-3.8-flash:latest" does not support embeddings',
  });
});

Deno.test("a retired embedding model is answered by its replacement, which the answer names", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/api/embed", {
    method: "POST",
    body: JSON.stringify({ model: "text-embedding-004:latest", input: "x" }),
  });
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get(SUBSTITUTION_HEADER),
    "text-embedding-004 -> gemini-embedding-001",
  );
  assert.equal((await response.json()).model, "gemini-embedding-001");
  assert.equal(gw.fake.requests[0].path, "/v1beta/models/gemini-embedding-001:batchEmbedContents");
});
