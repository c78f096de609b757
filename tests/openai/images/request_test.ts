import assert from "node:assert/strict";
import { ModelAliases } from "../../../src/core/model_name.ts";
import { toImagePlan } from "../../../src/openai/images/request.ts";

const options = {
  defaultModel: "gemini-3.1-flash-image",
  modelAliases: new ModelAliases([], true, () => {}),
  safetyThreshold: "BLOCK_NONE",
};

Deno.test("toImagePlan: fields as JSON or as form text; the answer format by model", () => {
  const json = toImagePlan({ model: "gpt-image-1", prompt: "p", n: 2 }, options);
  assert.equal(json.model, "gemini-3.1-flash-image");
  assert.equal(json.requested, "gpt-image-1");
  assert.equal(json.n, 2);
  assert.equal(json.responseFormat, "b64_json");
  assert.deepEqual(json.request.generationConfig, { responseModalities: ["TEXT", "IMAGE"] });
  assert.ok(json.request.safetySettings!.length > 0);
  const form = toImagePlan({ model: "dall-e-2", prompt: "p", n: "3", stream: "false" }, options);
  assert.equal(form.n, 3);
  assert.equal(form.responseFormat, "url");
  assert.equal(
    toImagePlan({ model: "gemini-3-pro-image", prompt: "p", response_format: "url" }, options)
      .model,
    "gemini-3-pro-image",
  );
  assert.equal(
    toImagePlan({ model: "gemini-2.5-flash-image", prompt: "p" }, options).model,
    "gemini-3.1-flash-image",
  );
});

Deno.test("toImagePlan: form numbers must be numbers", () => {
  assert.throws(() => toImagePlan({ prompt: "p", n: "two" }, options), { param: "n" });
  assert.throws(() => toImagePlan({ prompt: "p", stream: "maybe" }, options), { param: "stream" });
});
