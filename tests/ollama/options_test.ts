import assert from "node:assert/strict";
import { toGenerationConfig } from "../../src/ollama/options.ts";

Deno.test("options map to generationConfig; runner options are ignored", () => {
  assert.deepEqual(
    toGenerationConfig({
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      num_predict: 256,
      stop: ["END", ""],
      seed: 7,
      num_ctx: 8192,
      repeat_penalty: 1.1,
      min_p: 0.05,
      num_gpu: 1,
    }, "gemini-3.8-flash"),
    {
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      maxOutputTokens: 256,
      stopSequences: ["END"],
      seed: 7,
    },
  );
  assert.deepEqual(toGenerationConfig(undefined, "gemini-3.8-flash"), {});
});

Deno.test("num_predict of -1 or -2, and top_k 0, mean no limit", () => {
  assert.deepEqual(toGenerationConfig({ num_predict: -1, top_k: 0 }, "gemini-3.8-flash"), {});
  assert.deepEqual(toGenerationConfig({ num_predict: -2 }, "gemini-3.8-flash"), {});
});

Deno.test("more stop sequences than Gemini takes are cut to its 5", () => {
  assert.deepEqual(
    toGenerationConfig({ stop: ["a", "", "b", "c", "d", "e", "f"] }, "gemini-3.8-flash"),
    { stopSequences: ["a", "b", "c", "d", "e"] },
  );
});

Deno.test("a stop string is one sequence; penalties reach legacy models only", () => {
  assert.deepEqual(toGenerationConfig({ stop: "x" }, "gemini-3.8-flash"), { stopSequences: ["x"] });
  const penalties = { presence_penalty: 0.5, frequency_penalty: -0.5 };
  assert.deepEqual(toGenerationConfig(penalties, "gemini-3.8-flash"), {});
  assert.deepEqual(toGenerationConfig(penalties, "gemma-3-27b-it"), {
    presencePenalty: 0.5,
    frequencyPenalty: -0.5,
  });
});

Deno.test("bad options are 400s naming them", () => {
  const model = "gemini-3.8-flash";
  assert.throws(() => toGenerationConfig([], model), /'options'/);
  assert.throws(() => toGenerationConfig({ temperature: "hot" }, model), /options\.temperature/);
  assert.throws(() => toGenerationConfig({ temperature: 3 }, model), /options\.temperature/);
  assert.throws(() => toGenerationConfig({ top_k: 1.5 }, model), /options\.top_k/);
  assert.throws(() => toGenerationConfig({ seed: 2 ** 40 }, model), /options\.seed/);
  assert.throws(() => toGenerationConfig({ stop: [1] }, model), /options\.stop\[0\]/);
});
