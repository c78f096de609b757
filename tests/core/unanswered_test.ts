import assert from "node:assert/strict";
import { unansweredText } from "../../src/core/unanswered.ts";

Deno.test("an answer Gemini gave up on says why; normal, length and policy stops say nothing", () => {
  assert.equal(
    unansweredText("MALFORMED_FUNCTION_CALL", "Malformed function call: print(x)"),
    "Gemini ended the turn without an answer (reason: MALFORMED_FUNCTION_CALL). Malformed function call: print(x)",
  );
  assert.equal(
    unansweredText("OTHER", undefined),
    "Gemini ended the turn without an answer (reason: OTHER).",
  );
  for (const reason of [undefined, "STOP", "MAX_TOKENS", "SAFETY", "PROHIBITED_CONTENT"]) {
    assert.equal(unansweredText(reason, "x"), undefined, reason);
  }
});
