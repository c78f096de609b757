import assert from "node:assert/strict";
import { SUBSTITUTION_HEADER } from "../../src/core/model_name.ts";
import { startGateway } from "../helpers/harness.ts";

Deno.test("/api/tags lists every page of Gemini's models; HIDE_RETIRED_MODELS hides some", async () => {
  await using gw = await startGateway();
  const names = (await (await gw.request("/api/tags")).json()).models.map((
    model: { name: string },
  ) => model.name);
  assert.ok(names.includes("gemini-3.8-flash:latest"), "a model from the last page");
  assert.ok(names.includes("gemini-2.5-flash:latest"));
  assert.ok(!names.some((name: string) => /-tts|native-audio/.test(name)), "no speech models");
  await using hidden = await startGateway({ HIDE_RETIRED_MODELS: "true" });
  const current = (await (await hidden.request("/api/tags")).json()).models.map((
    model: { name: string },
  ) => model.name);
  assert.ok(!current.includes("gemini-2.5-flash:latest"));
  assert.ok(current.includes("gemini-3.8-flash:latest"));
});

Deno.test("/api/show takes model or name; a retired one shows its replacement", async () => {
  await using gw = await startGateway();
  const show = (body: unknown) =>
    gw.request("/api/show", { method: "POST", body: JSON.stringify(body) });
  const byName = await show({ name: "gemini-3.8-flash:latest" });
  assert.equal(byName.status, 200);
  assert.ok((await byName.json()).capabilities.includes("tools"));
  const retired = await show({ model: "gemini-1.5-flash" });
  assert.equal(retired.headers.get(SUBSTITUTION_HEADER), "gemini-1.5-flash -> gemini-3.6-flash");
  assert.match((await retired.json()).modelfile, /FROM gemini-3\.6-flash/);
  const missing = await show({});
  assert.equal(missing.status, 400);
  assert.match((await missing.json()).error, /'model'/);
  const unknown = await show({ model: "llava:13b" });
  assert.equal(unknown.status, 404);
  assert.deepEqual(await unknown.json(), { error: "model 'llava:13b' not found" });
});

Deno.test("/api/pull with stream false is one success object", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/api/pull", {
    method: "POST",
    body: JSON.stringify({ name: "gemini-3.8-flash", stream: false }),
  });
  assert.deepEqual(await response.json(), { status: "success" });
});

Deno.test("/api/ps lists the models as loaded", async () => {
  await using gw = await startGateway();
  const { models } = await (await gw.request("/api/ps")).json();
  const flash = models.find((model: { name: string }) => model.name === "gemini-3.8-flash:latest");
  assert.ok(flash);
  assert.equal(flash.size_vram, 0);
  assert.ok(flash.context_length > 0);
});

Deno.test("VS Code Copilot's discovery, then its chat on /v1/chat/completions", async () => {
  await using gw = await startGateway({ GEMINI_API_KEYS: "server-key" });
  const get = (path: string, init?: RequestInit) => fetch(`${gw.url}${path}`, init);
  const { version } = await (await get("/api/version")).json();
  assert.ok(version.split(".").map(Number)[1] >= 6);
  const { models } = await (await get("/api/tags")).json();
  const listed = models.find((model: { name: string }) => model.name === "gemini-3.8-flash:latest");
  const info = await (await get("/api/show", {
    method: "POST",
    body: JSON.stringify({ model: listed.model }),
  })).json();
  const architecture = info.model_info["general.architecture"];
  assert.equal(info.model_info[`${architecture}.context_length`], 1048576);
  assert.ok(info.capabilities.includes("tools") && info.capabilities.includes("vision"));
  const chat = await get("/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: listed.model, messages: [{ role: "user", content: "Hi" }] }),
  });
  assert.equal(chat.status, 200);
  assert.equal((await chat.json()).model, "gemini-3.8-flash");
});
