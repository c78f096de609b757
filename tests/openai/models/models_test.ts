import assert from "node:assert/strict";
import { toModelList, toOpenAIModel } from "../../../src/openai/models/models.ts";
import { readFixture } from "../../helpers/fixtures.ts";
import { assertSchema } from "../../helpers/openapi.ts";

Deno.test("a real models.list page becomes a valid OpenAI list", async () => {
  const page = JSON.parse(await readFixture("09_models_list_page1_v1beta.json"));
  const list = toModelList(page.models);
  assertSchema("ListModelsResponse", list);
  assert.equal(list.data.length, page.models.length);
  assert.ok(list.data.every((model) => !model.id.startsWith("models/")));
});

Deno.test("one model keeps its id without the prefix", () => {
  const model = toOpenAIModel({ name: "models/gemini-2.5-flash" });
  assertSchema("Model", model);
  assert.deepEqual(model, {
    id: "gemini-2.5-flash",
    object: "model",
    created: 0,
    owned_by: "google",
  });
});
