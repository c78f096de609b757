import assert from "node:assert/strict";
import { toLogprobs } from "../../../src/openai/chat/logprobs.ts";

Deno.test("no logprobsResult is null", () => {
  assert.equal(toLogprobs(undefined), null);
});

Deno.test("chosen tokens with their top alternatives, bytes in UTF-8", () => {
  const result = toLogprobs({
    chosenCandidates: [
      { token: "Hi", tokenId: 1, logProbability: -0.25 },
      { token: "°", tokenId: 2 },
    ],
    topCandidates: [
      {
        candidates: [
          { token: "Hi", logProbability: -0.25 },
          { token: "Hello", logProbability: -1.5 },
        ],
      },
    ],
  });
  assert.deepEqual(result, {
    content: [
      {
        token: "Hi",
        logprob: -0.25,
        bytes: [72, 105],
        top_logprobs: [
          { token: "Hi", logprob: -0.25, bytes: [72, 105] },
          { token: "Hello", logprob: -1.5, bytes: [72, 101, 108, 108, 111] },
        ],
      },
      { token: "°", logprob: 0, bytes: [0xc2, 0xb0], top_logprobs: [] },
    ],
    refusal: null,
  });
});

Deno.test("an empty result has no tokens", () => {
  assert.deepEqual(toLogprobs({}), { content: [], refusal: null });
});
