import assert from "node:assert/strict";
import { toFinishReason } from "../../src/core/finish_reason.ts";

Deno.test("STOP and unknown or absent reasons are stop", () => {
  for (
    const reason of ["STOP", "OTHER", "FINISH_REASON_UNSPECIFIED", "NO_IMAGE", "NEW", undefined]
  ) {
    assert.equal(toFinishReason(reason, false), "stop");
  }
});

Deno.test("MAX_TOKENS is length", () => {
  assert.equal(toFinishReason("MAX_TOKENS", false), "length");
});

Deno.test("policy stops are content_filter", () => {
  const filtered = [
    "SAFETY",
    "RECITATION",
    "LANGUAGE",
    "BLOCKLIST",
    "PROHIBITED_CONTENT",
    "SPII",
    "IMAGE_SAFETY",
    "IMAGE_PROHIBITED_CONTENT",
    "IMAGE_RECITATION",
  ];
  for (const reason of filtered) assert.equal(toFinishReason(reason, false), "content_filter");
});

Deno.test("a turn with tool calls is tool_calls whatever Gemini said", () => {
  for (const reason of ["STOP", "MAX_TOKENS", "SAFETY", undefined]) {
    assert.equal(toFinishReason(reason, true), "tool_calls");
  }
});

Deno.test("a malformed call produced no call, so it is stop", () => {
  for (const reason of ["MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS"]) {
    assert.equal(toFinishReason(reason, false), "stop");
  }
});
