import assert from "node:assert/strict";
import {
  isSpeechModel,
  modelFamily,
  supportsSystemInstruction,
  thinkingLevels,
} from "../../src/core/model_family.ts";

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

Deno.test("thinking levels follow Google's model pages; unknown names are the newest", () => {
  const all = ["MINIMAL", "LOW", "MEDIUM", "HIGH"];
  const noMinimal = ["LOW", "MEDIUM", "HIGH"];
  const levels: Record<string, string[]> = {
    "gemini-3.8-flash": noMinimal,
    "gemini-3.7-flash": noMinimal,
    "gemini-4-argon": noMinimal,
    "gemini-3.1-pro-preview": noMinimal,
    "gemini-flash-latest": noMinimal,
    "gemini-5-flash": noMinimal,
    "gemini-3.6-flash": all,
    "gemini-3.5-flash": all,
    "gemini-3-flash-preview": all,
    "gemini-3.5-flash-lite": all,
    "gemini-3.1-flash-lite": all,
    "gemini-flash-lite-latest": all,
    "gemini-3-pro-preview": ["LOW", "HIGH"],
  };
  for (const [model, expected] of Object.entries(levels)) {
    assert.deepEqual(thinkingLevels(model), expected, model);
  }
});

Deno.test("TTS, transcription and Live models are speech models", () => {
  for (
    const model of [
      "gemini-3.8-flash-tts",
      "gemini-3.8-flash-lite-tts",
      "gemini-2.5-flash-preview-tts",
      "gemini-3.5-transcribe",
      "gemini-3.8-live",
      "gemini-3.8-live-extended-thinking",
      "gemini-2.5-flash-native-audio-preview-12-2025",
    ]
  ) {
    assert.equal(isSpeechModel(model), true, model);
  }
  assert.equal(isSpeechModel("gemini-3.8-flash"), false);
  assert.equal(isSpeechModel("gemini-3.1-flash-image"), false);
});

Deno.test("Gemma and TTS models refuse a systemInstruction", () => {
  assert.equal(supportsSystemInstruction("gemma-3-27b-it"), false);
  assert.equal(supportsSystemInstruction("gemini-3.8-flash-tts"), false);
  assert.equal(supportsSystemInstruction("gemini-3.8-flash"), true);
  assert.equal(supportsSystemInstruction("gemini-2.0-flash"), true);
  assert.equal(supportsSystemInstruction("gemini-flash-latest"), true);
});
