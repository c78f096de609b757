import assert from "node:assert/strict";
import { ModelAliases } from "../../../src/core/model_name.ts";
import {
  CONTINUE_INSTRUCTION,
  toCompletionRequest,
} from "../../../src/openai/completions/request.ts";

const options = {
  defaultModel: "gemini-3.6-flash",
  modelAliases: new ModelAliases([], true, () => {}),
  safetyThreshold: "BLOCK_NONE",
};

Deno.test("toCompletionRequest: one request per prompt, parameters in generationConfig", () => {
  const completion = toCompletionRequest({
    model: "text-davinci-003",
    prompt: ["a", "b"],
    n: 2,
    max_tokens: 7,
    top_p: 0.5,
    seed: 3,
    stop: "END",
    logprobs: 0,
    presence_penalty: 1,
  }, options);
  assert.equal(completion.model, "gemini-3.6-flash");
  assert.equal(completion.requested, "text-davinci-003");
  assert.deepEqual(completion.prompts, ["a", "b"]);
  assert.equal(completion.requests.length, 2);
  const [first] = completion.requests;
  assert.deepEqual(first.contents, [{ role: "user", parts: [{ text: "a" }] }]);
  assert.deepEqual(first.systemInstruction, { parts: [{ text: CONTINUE_INSTRUCTION }] });
  assert.deepEqual(first.generationConfig, {
    maxOutputTokens: 7,
    topP: 0.5,
    seed: 3,
    stopSequences: ["END"],
    candidateCount: 2,
    responseLogprobs: true,
    thinkingConfig: { thinkingLevel: "MINIMAL" },
  });
  assert.ok(first.safetySettings!.length > 0);
});

Deno.test("toCompletionRequest: stream options only count when streaming", () => {
  const body = { prompt: "a", stream_options: { include_usage: true } };
  assert.equal(toCompletionRequest(body, options).includeUsage, false);
  assert.equal(toCompletionRequest({ ...body, stream: true }, options).includeUsage, true);
});

Deno.test("toCompletionRequest: refusals name the parameter", () => {
  const refused: [Record<string, unknown>, string][] = [
    [{ prompt: 3 }, "prompt"],
    [{ prompt: [] }, "prompt"],
    [{ prompt: [[1, 2]] }, "prompt[0]"],
    [{ prompt: "a", n: 0 }, "n"],
    [{ prompt: "a", n: 200 }, "n"],
    [{ prompt: "a", suffix: 1 }, "suffix"],
    [{ prompt: "a", stop: 5 }, "stop"],
    [{ prompt: "a", echo: "yes" }, "echo"],
  ];
  for (const [body, param] of refused) {
    assert.throws(() => toCompletionRequest(body, options), { param }, JSON.stringify(body));
  }
});

Deno.test("toCompletionRequest: the least thinking each model allows, none for models without", () => {
  const thinking = (model: string) =>
    toCompletionRequest({ model, prompt: "a" }, options).requests[0].generationConfig
      ?.thinkingConfig;
  assert.deepEqual(thinking("gemini-3.6-flash"), { thinkingLevel: "MINIMAL" });
  assert.deepEqual(thinking("gemini-3.8-flash"), { thinkingLevel: "LOW" });
  assert.deepEqual(thinking("gemini-2.5-flash-lite"), { thinkingBudget: 0 });
  assert.equal(thinking("gemma-3-27b-it"), undefined);
});
