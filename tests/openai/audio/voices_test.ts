import assert from "node:assert/strict";
import { GEMINI_VOICES, OPENAI_VOICES, toVoiceName } from "../../../src/openai/audio/voices.ts";

Deno.test("toVoiceName: OpenAI's voices mapped, Gemini's as given, any case", () => {
  assert.equal(toVoiceName("alloy"), "Zephyr");
  assert.equal(toVoiceName("Onyx"), "Algenib");
  assert.equal(toVoiceName("charon"), "Charon");
  assert.equal(toVoiceName({ id: "cedar" }), "Schedar");
  for (const voice of Object.values(OPENAI_VOICES)) {
    assert.ok((GEMINI_VOICES as readonly string[]).includes(voice), voice);
  }
});

Deno.test("toVoiceName: unknown voices are a 400 listing both sets", () => {
  assert.throws(() => toVoiceName("robot"), (error: Error & { param: string }) => {
    assert.equal(error.param, "voice");
    assert.match(error.message, /shimmer/);
    assert.match(error.message, /Zubenelgenubi/);
    return true;
  });
  assert.throws(() => toVoiceName(3), { param: "voice" });
  assert.throws(() => toVoiceName({}), { param: "voice.id" });
});
