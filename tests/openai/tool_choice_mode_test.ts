import assert from "node:assert/strict";
import { toolChoiceMode } from "../../src/openai/tool_choice_mode.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

Deno.test("none, auto and required map to Gemini's modes; anything else is a 400", () => {
  assert.equal(toolChoiceMode("none", "tool_choice"), "NONE");
  assert.equal(toolChoiceMode("auto", "tool_choice"), "AUTO");
  assert.equal(toolChoiceMode("required", "tool_choice"), "ANY");
  assertInvalid(() => toolChoiceMode("always", "tool_choice"), "tool_choice", /expected none/);
});
