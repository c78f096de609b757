import assert from "node:assert/strict";
import { loadConfig } from "../../../src/config.ts";
import {
  closeResponseStore,
  credentialScope,
  ResponseStore,
  responseStore,
  type StoredResponse,
} from "../../../src/openai/responses/store.ts";
import type { Response } from "../../../src/openai/responses/types.ts";

function record(id: string, text = "hi"): StoredResponse {
  return {
    response: { id, object: "response", output_text: text } as Response,
    input: [{ type: "message", id: "msg_1", role: "user", content: [] }],
    context: [],
  };
}

Deno.test("save, get and delete, within one scope only", async () => {
  const store = new ResponseStore(":memory:", 60);
  try {
    assert.equal(await store.available(), true);
    await store.save("a", record("resp_1"));
    assert.deepEqual(await store.get("a", "resp_1"), record("resp_1"));
    assert.equal(await store.get("b", "resp_1"), undefined);
    assert.equal(await store.delete("b", "resp_1"), false);
    assert.equal(await store.delete("a", "resp_1"), true);
    assert.equal(await store.get("a", "resp_1"), undefined);
    assert.equal(await store.delete("a", "resp_1"), false);
  } finally {
    await store.close();
  }
});

Deno.test("a value beyond KV's 64 KiB is split and read back whole; a read waits for a save", async () => {
  const store = new ResponseStore(":memory:", 60);
  try {
    const big = record("resp_big", "é".repeat(400_000));
    const saving = store.save("a", big);
    assert.deepEqual(await store.get("a", "resp_big"), big);
    await saving;
  } finally {
    await store.close();
  }
});

Deno.test("a store that cannot be opened is unavailable and keeps nothing", async () => {
  const errors = console.error;
  console.error = () => {};
  try {
    const store = new ResponseStore("/nonexistent-dir/for/kv/test.sqlite", 60);
    assert.equal(await store.available(), false);
    await store.save("a", record("resp_1"));
    assert.equal(await store.get("a", "resp_1"), undefined);
    assert.equal(await store.delete("a", "resp_1"), false);
    await store.close();
  } finally {
    console.error = errors;
  }
});

Deno.test("scopes: one per credential, never the credential itself", async () => {
  const request = (authorization?: string) =>
    new Request("http://gw/v1/responses", { headers: authorization ? { authorization } : {} });
  const a = await credentialScope(request("Bearer key-a"));
  const b = await credentialScope(request("Bearer key-b"));
  assert.notEqual(a, b);
  assert.equal(a, await credentialScope(request("Bearer key-a")));
  assert.ok(!a.includes("key-a"));
  assert.match(await credentialScope(request()), /^[A-Za-z0-9_-]{43}$/);
});

Deno.test("the configured store: one per configuration, none when storage is off", async () => {
  const config = loadConfig((name) => ({ RESPONSES_KV_PATH: ":memory:" })[name]);
  const store = responseStore(config);
  assert.ok(store);
  assert.equal(responseStore(config), store);
  await closeResponseStore(config);
  assert.notEqual(responseStore(config), store);
  await closeResponseStore(config);
  assert.equal(
    responseStore(loadConfig((name) => ({ RESPONSES_STORE: "false" })[name])),
    undefined,
  );
});
