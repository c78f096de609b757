import assert from "node:assert/strict";
import { excerpt, MAX_EXCERPT_LENGTH } from "../../src/core/excerpt.ts";

Deno.test("excerpt keeps short text and cuts long text", () => {
  assert.equal(excerpt("short"), "short");
  assert.equal(excerpt("x".repeat(10_000)), `${"x".repeat(MAX_EXCERPT_LENGTH)}…`);
  assert.equal(excerpt("abcdef", 3), "abc…");
});
