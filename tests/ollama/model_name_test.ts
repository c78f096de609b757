import assert from "node:assert/strict";
import { FOREIGN_CHAT_MODELS, ModelAliases } from "../../src/core/model_name.ts";
import { resolveOllamaModel } from "../../src/ollama/model_name.ts";

const aliases = new ModelAliases([], true, () => {});
const resolve = (value: unknown) =>
  resolveOllamaModel(value, "gemini-3.8-flash", FOREIGN_CHAT_MODELS, aliases);

Deno.test("a tagged or untagged name is the same model; the answer echoes the name given", () => {
  assert.deepEqual(resolve("gemini-3.8-flash:latest"), {
    model: "gemini-3.8-flash",
    name: "gemini-3.8-flash:latest",
  });
  assert.deepEqual(resolve("gemini-3.8-flash"), {
    model: "gemini-3.8-flash",
    name: "gemini-3.8-flash",
  });
});

Deno.test("a retired or foreign name answers as the model that answers it", () => {
  assert.deepEqual(resolve("gemini-1.5-flash:latest"), {
    model: "gemini-3.6-flash",
    requested: "gemini-1.5-flash",
    name: "gemini-3.6-flash",
  });
  assert.equal(resolve("gpt-4o").name, "gemini-3.8-flash");
  assert.deepEqual(resolve(undefined), { model: "gemini-3.8-flash", name: "gemini-3.8-flash" });
});

Deno.test("a name that is not one is a 400", () => {
  assert.throws(() => resolve(7), /model/);
  assert.throws(() => resolve("bad name"), /model/);
});
