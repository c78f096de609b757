import assert from "node:assert/strict";
import { toStopReason, toUsage } from "../../src/anthropic/usage.ts";

Deno.test("usage: cached prompt tokens are read from the cache, thoughts are output", () => {
  assert.deepEqual(
    toUsage({
      promptTokenCount: 100,
      cachedContentTokenCount: 60,
      toolUsePromptTokenCount: 5,
      candidatesTokenCount: 20,
      thoughtsTokenCount: 30,
    }),
    {
      input_tokens: 45,
      output_tokens: 50,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 60,
      output_tokens_details: { thinking_tokens: 30 },
    },
  );
  assert.deepEqual(toUsage(undefined), {
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens_details: { thinking_tokens: 0 },
  });
});

Deno.test("stop reasons: tool_use, max_tokens, refusal, end_turn", () => {
  assert.equal(toStopReason("STOP", true), "tool_use");
  assert.equal(toStopReason("MAX_TOKENS", false), "max_tokens");
  assert.equal(toStopReason("SAFETY", false), "refusal");
  assert.equal(toStopReason("PROHIBITED_CONTENT", false), "refusal");
  assert.equal(toStopReason("STOP", false), "end_turn");
  assert.equal(toStopReason("MALFORMED_FUNCTION_CALL", false), "end_turn");
  assert.equal(toStopReason(undefined, false), "end_turn");
});
