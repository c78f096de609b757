import assert from "node:assert/strict";
import { candidateText, sumUsage, toCompletion } from "../../../src/openai/completions/response.ts";

const meta = { id: "cmpl-1", created: 1, model: "gemini-3.6-flash" };

Deno.test("candidateText: text parts without thoughts", () => {
  assert.equal(
    candidateText({
      content: { parts: [{ text: "think", thought: true }, { text: "a" }, { text: "b" }] },
    }),
    "ab",
  );
});

Deno.test("toCompletion: choices per prompt, finish reasons, summed usage", () => {
  const completion = toCompletion(
    [
      {
        candidates: [
          { index: 1, content: { parts: [{ text: "y" }] }, finishReason: "MAX_TOKENS" },
          { index: 0, content: { parts: [{ text: "x" }] }, finishReason: "STOP" },
        ],
        usageMetadata: { promptTokenCount: 2, candidatesTokenCount: 2, totalTokenCount: 4 },
      },
      {
        promptFeedback: { blockReason: "SAFETY" },
        usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 },
      },
    ],
    2,
    { ...meta, echo: ["P", "Q"] },
  );
  assert.deepEqual(
    completion.choices.map(({ index, text, finish_reason }) => [index, text, finish_reason]),
    [
      [0, "Px", "stop"],
      [1, "Py", "length"],
      [2, "QThe prompt was blocked by Gemini (reason: SAFETY).", "content_filter"],
    ],
  );
  assert.equal(completion.usage?.prompt_tokens, 5);
  assert.equal(completion.usage?.total_tokens, 7);
});

Deno.test("sumUsage: adds the counts present", () => {
  assert.deepEqual(
    sumUsage([{ promptTokenCount: 1 }, undefined, { promptTokenCount: 2, thoughtsTokenCount: 4 }]),
    {
      promptTokenCount: 3,
      thoughtsTokenCount: 4,
    },
  );
});
