import assert from "node:assert/strict";
import { toUsage } from "../../../src/openai/chat/usage.ts";
import { cassetteBodies, sseEvents } from "./replay.ts";

Deno.test("missing usage is all zeros", () => {
  assert.deepEqual(toUsage(undefined), {
    prompt_tokens: 0,
    completion_tokens: 0,
    total_tokens: 0,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  });
});

Deno.test("thoughts count as completion and reasoning tokens; cached tokens are reported", () => {
  assert.deepEqual(
    toUsage({
      promptTokenCount: 100,
      cachedContentTokenCount: 60,
      candidatesTokenCount: 10,
      thoughtsTokenCount: 5,
      totalTokenCount: 115,
    }),
    {
      prompt_tokens: 100,
      completion_tokens: 15,
      total_tokens: 115,
      prompt_tokens_details: { cached_tokens: 60 },
      completion_tokens_details: { reasoning_tokens: 5 },
    },
  );
});

Deno.test("tool-use prompt tokens count as prompt; the total matches Gemini's (fixture 25)", async () => {
  const [first] = await cassetteBodies("25_pyd_generateContent_googleSearch_grounding.yaml");
  const usage = toUsage(first.usageMetadata);
  assert.equal(usage.prompt_tokens, 17 + 119);
  assert.equal(usage.completion_tokens, 201 + 213);
  assert.equal(usage.total_tokens, first.usageMetadata?.totalTokenCount);
});

Deno.test("the total always equals Gemini's totalTokenCount in the captures", async () => {
  const files = [
    "01_sse_raw_text_3chunks_gemini-2.0-flash-exp.sse",
    "02a_sse_raw_functionCall_thoughtSignature_gemini-3-pro.sse",
    "03_sse_raw_thinking_includeThoughts_gemini-2.5-pro.sse",
    "04_sse_raw_text_serviceTier_gemini-2.5-flash_2026.sse",
    "05_sse_raw_googleSearch_groundingMetadata_gemini-2.5-pro.sse",
  ];
  for (const file of files) {
    for (const event of await sseEvents(file)) {
      const usage = toUsage(event.usageMetadata);
      assert.equal(usage.total_tokens, event.usageMetadata?.totalTokenCount, file);
      assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
    }
  }
});
