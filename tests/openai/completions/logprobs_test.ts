import assert from "node:assert/strict";
import { toCompletionLogprobs } from "../../../src/openai/completions/logprobs.ts";

Deno.test("toCompletionLogprobs: tokens, offsets from the echo, top alternatives by token", () => {
  assert.equal(toCompletionLogprobs(undefined), null);
  assert.deepEqual(
    toCompletionLogprobs({
      chosenCandidates: [{ token: "Hi", logProbability: -0.5 }, { token: " there" }],
      topCandidates: [
        {
          candidates: [{ token: "Hi", logProbability: -0.5 }, { token: "Yo", logProbability: -2 }],
        },
        { candidates: [{ token: " there" }] },
      ],
    }, 3),
    {
      tokens: ["Hi", " there"],
      token_logprobs: [-0.5, 0],
      text_offset: [3, 5],
      top_logprobs: [{ Hi: -0.5, Yo: -2 }, { " there": 0 }],
    },
  );
});
