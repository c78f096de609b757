import assert from "node:assert/strict";
import { thinkingFor } from "../../src/ollama/think.ts";

Deno.test("no think is the model's default with the configured summaries", () => {
  assert.deepEqual(thinkingFor(undefined, "gemini-3.8-flash", true), { includeThoughts: true });
  assert.deepEqual(thinkingFor(null, "gemini-3.8-flash", false), { includeThoughts: false });
  assert.equal(thinkingFor(undefined, "gemma-3-27b-it", true), undefined);
});

Deno.test("think true returns thoughts; a model that does not think unasked thinks medium", () => {
  assert.deepEqual(thinkingFor(true, "gemini-3.8-flash", false), { includeThoughts: true });
  assert.deepEqual(thinkingFor(true, "gemini-2.5-flash-lite", false), {
    thinkingBudget: 8192,
    includeThoughts: true,
  });
});

Deno.test("think false asks for the least thinking, without summaries", () => {
  assert.deepEqual(thinkingFor(false, "gemini-3.8-flash", true), { thinkingLevel: "LOW" });
  assert.deepEqual(thinkingFor(false, "gemini-2.5-flash-lite", true), { thinkingBudget: 0 });
  assert.equal(thinkingFor(false, "gemma-3-27b-it", true), undefined);
});

Deno.test("levels map to efforts; max is high", () => {
  assert.deepEqual(thinkingFor("low", "gemini-3.8-flash", false), {
    thinkingLevel: "LOW",
    includeThoughts: true,
  });
  assert.deepEqual(thinkingFor("max", "gemini-3.8-flash", false), {
    thinkingLevel: "HIGH",
    includeThoughts: true,
  });
});

Deno.test("think on a model that cannot think, or an unknown value, is a 400", () => {
  assert.throws(
    () => thinkingFor(true, "gemma-3-27b-it", true),
    /"gemma-3-27b-it" does not support thinking/,
  );
  assert.throws(() => thinkingFor("high", "gemini-2.0-flash-lite", true), /does not support/);
  assert.throws(() => thinkingFor("extreme", "gemini-3.8-flash", true), /'think'/);
  assert.throws(() => thinkingFor(1, "gemini-3.8-flash", true), /'think'/);
});
