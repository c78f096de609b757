import assert from "node:assert/strict";
import type { Model } from "../../src/gemini/types.ts";
import {
  capabilitiesOf,
  detailsOf,
  digestOf,
  isListed,
  toListModel,
  toProcessModel,
  toShowResponse,
} from "../../src/ollama/models.ts";

const flash: Model = {
  name: "models/gemini-3.8-flash",
  version: "3.8",
  displayName: "Gemini 3.8 Flash",
  inputTokenLimit: 1048576,
  supportedGenerationMethods: ["generateContent", "countTokens"],
  temperature: 1,
  topP: 0.95,
  topK: 64,
  thinking: true,
};
const embedding: Model = {
  name: "models/gemini-embedding-001",
  inputTokenLimit: 2048,
  supportedGenerationMethods: ["embedContent"],
};
const methods = (name: string, supportedGenerationMethods: string[]): Model => ({
  name: `models/${name}`,
  supportedGenerationMethods,
});

Deno.test("capabilities come from the methods and the name", () => {
  assert.deepEqual(capabilitiesOf(flash), ["completion", "tools", "vision", "thinking"]);
  assert.deepEqual(capabilitiesOf(embedding), ["embedding"]);
  assert.deepEqual(capabilitiesOf(methods("gemini-3.8-flash-tts", ["generateContent"])), []);
  assert.deepEqual(capabilitiesOf(methods("gemini-3.8-flash-image", ["generateContent"])), [
    "completion",
    "vision",
  ]);
  assert.deepEqual(capabilitiesOf(methods("gemma-3-27b-it", ["generateContent"])), [
    "completion",
    "vision",
  ]);
  assert.deepEqual(capabilitiesOf(methods("imagen-4.0-generate-001", ["predict"])), []);
});

Deno.test("only models that generate or embed are listed", () => {
  assert.ok(isListed(flash) && isListed(embedding));
  assert.ok(!isListed(methods("veo-3.1-generate-preview", ["predictLongRunning"])));
  assert.ok(!isListed(methods("gemini-3.8-live", ["bidiGenerateContent"])));
  assert.ok(!isListed(methods("gemini-3.1-flash-tts-preview", ["generateContent"])));
  assert.ok(!isListed(methods("gemini-2.5-flash-native-audio-latest", ["generateContent"])));
});

Deno.test("a listed model is <id>:latest with the details Zed reads", async () => {
  const listed = await toListModel(flash);
  assert.equal(listed.name, "gemini-3.8-flash:latest");
  assert.equal(listed.model, "gemini-3.8-flash", "Copilot sends it to /v1/chat/completions");
  assert.equal(listed.modified_at, "1970-01-01T00:00:00.000Z");
  assert.equal(listed.size, 0);
  assert.match(listed.digest, /^[0-9a-f]{64}$/);
  assert.equal(listed.digest, await digestOf(flash));
  assert.deepEqual(listed.details, {
    parent_model: "",
    format: "gemini",
    family: "gemini",
    families: ["gemini"],
    parameter_size: "",
    quantization_level: "",
    context_length: 1048576,
  });
  assert.equal(detailsOf(embedding).embedding_length, 3072);
  assert.equal(detailsOf(methods("text-embedding-004", ["embedContent"])).embedding_length, 768);
  assert.equal(detailsOf(methods("gemma-3-27b-it", ["generateContent"])).family, "gemma");
});

Deno.test("a running model is loaded for the default keep-alive", async () => {
  const running = await toProcessModel(flash);
  assert.equal(running.context_length, 1048576);
  assert.ok(Date.parse(running.expires_at) > Date.now());
});

Deno.test("show has model_info by architecture, parameters and a template without .Suffix", () => {
  const shown = toShowResponse(flash);
  assert.deepEqual(shown.model_info, {
    "general.architecture": "gemini",
    "general.basename": "Gemini 3.8 Flash",
    "gemini.context_length": 1048576,
  });
  assert.equal(shown.parameters, "num_ctx 1048576\ntemperature 1\ntop_k 64\ntop_p 0.95");
  assert.match(shown.modelfile, /^FROM gemini-3\.8-flash$/m);
  assert.ok(shown.template.includes(".Messages") && !shown.template.includes(".Suffix"));
  const embedder = toShowResponse(embedding);
  assert.equal(embedder.model_info["gemini.embedding_length"], 3072);
  assert.equal(embedder.template, "");
});
