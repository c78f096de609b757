import assert from "node:assert/strict";
import { modelFamily, supportsSystemInstruction } from "../../src/core/model_family.ts";

Deno.test("Gemini 1.x, 2.0 and Gemma are the legacy family", () => {
  for (const model of ["gemini-1.5-pro", "gemini-1.5-flash-latest", "gemini-2.0-flash"]) {
    assert.equal(modelFamily(model), "legacy", model);
  }
  assert.equal(modelFamily("gemini-2.0-flash-lite-001"), "legacy");
  assert.equal(modelFamily("gemma-3-27b-it"), "legacy");
});

Deno.test("Gemini 2.5 models are the budget family", () => {
  for (const model of ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite-preview"]) {
    assert.equal(modelFamily(model), "budget", model);
  }
});

Deno.test("Gemini 3, the -latest aliases and unknown names are the level family", () => {
  for (
    const model of [
      "gemini-3-pro-preview",
      "gemini-3.1-flash-lite",
      "gemini-flash-latest",
      "gemini-pro-latest",
      "gemini-flash-lite-latest",
      "gemini-4-flash",
      "gemini-omni-pro",
    ]
  ) {
    assert.equal(modelFamily(model), "level", model);
  }
});

Deno.test("only Gemma models refuse a systemInstruction", () => {
  assert.equal(supportsSystemInstruction("gemma-3-27b-it"), false);
  assert.equal(supportsSystemInstruction("gemini-2.0-flash"), true);
  assert.equal(supportsSystemInstruction("gemini-flash-latest"), true);
});
