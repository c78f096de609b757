import assert from "node:assert/strict";
import { blockedPromptText } from "../../src/core/prompt_feedback.ts";

Deno.test("a blocked prompt is explained with its reason and message", () => {
  assert.equal(blockedPromptText(undefined), undefined);
  assert.equal(blockedPromptText({}), undefined);
  assert.equal(
    blockedPromptText({ blockReason: "SAFETY", blockReasonMessage: "Too spicy." }),
    "The prompt was blocked by Gemini (reason: SAFETY). Too spicy.",
  );
});
