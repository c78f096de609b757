import assert from "node:assert/strict";
import { withDefaultTag, withoutTag } from "../../src/core/model_tag.ts";

Deno.test("withoutTag reads a trailing :tag away, and leaves everything else", () => {
  assert.equal(withoutTag("gemini-3.8-flash:latest"), "gemini-3.8-flash");
  assert.equal(withoutTag("gemini-3.8-flash:8b-q4"), "gemini-3.8-flash");
  assert.equal(withoutTag("gemini-3.8-flash"), "gemini-3.8-flash");
  assert.equal(withoutTag("google/gemini-3.8-flash:latest"), "google/gemini-3.8-flash");
  assert.equal(withoutTag(":latest"), ":latest");
  assert.equal(withoutTag("a:b/c"), "a:b/c");
  assert.equal(withoutTag("gemini-3:generateContent?alt=sse"), "gemini-3:generateContent?alt=sse");
  assert.equal(withoutTag(42), 42);
  assert.equal(withoutTag(undefined), undefined);
});

Deno.test("withDefaultTag names a model as Ollama lists it", () => {
  assert.equal(withDefaultTag("gemini-3.8-flash"), "gemini-3.8-flash:latest");
});
