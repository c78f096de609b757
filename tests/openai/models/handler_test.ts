import assert from "node:assert/strict";
import { NotFoundError } from "npm:openai@7.57.0";
import { MODELS } from "../../../src/fake/models.ts";
import { startGateway } from "../../helpers/harness.ts";
import { assertSchema } from "../../helpers/openapi.ts";

Deno.test("the openai SDK lists every model, ids without models/", async () => {
  await using gateway = await startGateway();
  const ids: string[] = [];
  for await (const model of gateway.openai.models.list()) {
    assertSchema("Model", model);
    assert.equal(model.owned_by, "google");
    ids.push(model.id);
  }
  assert.deepEqual(ids, MODELS.map((model) => model.name.replace("models/", "")));
  assert.ok(ids.includes("gemini-3.8-flash"));
});

Deno.test("the list follows Gemini's pages to the end", async () => {
  await using gateway = await startGateway();
  gateway.fake.reply(
    { json: { models: [{ name: "models/a" }], nextPageToken: "page-2" } },
    { json: { models: [{ name: "models/b" }] } },
  );
  const response = await gateway.request("/v1/models");
  const body = await response.json();
  assertSchema("ListModelsResponse", body);
  assert.deepEqual(body.data.map((model: { id: string }) => model.id), ["a", "b"]);
  assert.equal(gateway.fake.requests[1].query.get("pageToken"), "page-2");
});

Deno.test("the openai SDK retrieves one model, with or without models/", async () => {
  await using gateway = await startGateway();
  const model = await gateway.openai.models.retrieve("gemini-3.8-flash");
  assertSchema("Model", model);
  assert.equal(model.id, "gemini-3.8-flash");
  const prefixed = await gateway.request("/v1/models/models/gemini-3.6-flash");
  assert.equal((await prefixed.json()).id, "gemini-3.6-flash");
});

Deno.test("an unknown model is a 404 in OpenAI's envelope", async () => {
  await using gateway = await startGateway();
  await assert.rejects(
    gateway.openai.models.retrieve("no-such-model"),
    (error) => error instanceof NotFoundError && error.status === 404,
  );
  const response = await gateway.request("/v1/models/no-such-model");
  const body = await response.json();
  assertSchema("ErrorResponse", body);
  assert.match(body.error.message, /no-such-model/);
});

Deno.test("the openai SDK retrieves a models/-prefixed id (sent percent-encoded)", async () => {
  await using gateway = await startGateway();
  const model = await gateway.openai.models.retrieve("models/gemini-3.8-flash");
  assert.equal(model.id, "gemini-3.8-flash");
  assert.equal(gateway.fake.requests[0].path, "/v1beta/models/gemini-3.8-flash");
});

Deno.test("retrieving a retired or foreign model gets the one that answers for it", async () => {
  await using gateway = await startGateway();
  const retired = await gateway.request("/v1/models/gemini-2.5-pro");
  assert.equal((await retired.json()).id, "gemini-3.8-flash");
  assert.equal(
    retired.headers.get("x-gateway-model-substituted"),
    "gemini-2.5-pro -> gemini-3.8-flash",
  );
  const foreign = await gateway.request("/v1/models/gpt-4o");
  assert.equal((await foreign.json()).id, "gemini-flash-latest");
  const long = await gateway.request(`/v1/models/${"x".repeat(5_000)}`);
  assert.equal(long.status, 400);
  assert.ok((await long.text()).length < 500);
});

Deno.test("HIDE_RETIRED_MODELS leaves out the models an alias answers for", async () => {
  const ids = async (env: Record<string, string>) => {
    await using gateway = await startGateway(env);
    const body = await (await gateway.request("/v1/models")).json();
    return body.data.map((model: { id: string }) => model.id) as string[];
  };
  const all = await ids({});
  assert.ok(all.includes("gemini-2.0-flash") && all.includes("gemini-3.8-flash"));
  const current = await ids({ HIDE_RETIRED_MODELS: "true" });
  assert.ok(!current.includes("gemini-2.0-flash") && !current.includes("gemini-2.5-pro"));
  assert.ok(current.includes("gemini-3.8-flash") && current.includes("gemini-2.5-flash-lite"));
});
