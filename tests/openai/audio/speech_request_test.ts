import assert from "node:assert/strict";
import { ModelAliases } from "../../../src/core/model_name.ts";
import { toSpeechPlan } from "../../../src/openai/audio/speech_request.ts";

const options = {
  defaultModel: "gemini-3.8-flash-tts",
  modelAliases: new ModelAliases([], true, () => {}),
};

Deno.test("toSpeechPlan: model, voice, format and the text with its directions", () => {
  const plan = toSpeechPlan({ model: "tts-1", input: "Hi", voice: "echo" }, options);
  assert.equal(plan.model, "gemini-3.8-flash-tts");
  assert.equal(plan.format, "mp3");
  assert.equal(plan.sse, false);
  assert.deepEqual(plan.request.contents, [{ role: "user", parts: [{ text: "Hi" }] }]);
  assert.equal(
    plan.request.generationConfig?.speechConfig?.voiceConfig?.prebuiltVoiceConfig?.voiceName,
    "Charon",
  );
  const directed = toSpeechPlan({
    model: "gemini-3.8-flash-lite-tts",
    input: "Hi",
    voice: "Kore",
    instructions: "Whisper.",
    response_format: "pcm",
    stream_format: "sse",
  }, options);
  assert.equal(directed.model, "gemini-3.8-flash-lite-tts");
  assert.equal(directed.sse, true);
  assert.equal(directed.request.contents[0].parts?.[0].text, "Whisper:\nHi");
});

Deno.test("toSpeechPlan: flac is answered whole, not streamed", () => {
  assert.equal(
    toSpeechPlan({ input: "Hi", voice: "echo", response_format: "flac" }, options).format,
    "flac",
  );
  assert.throws(
    () =>
      toSpeechPlan(
        { input: "Hi", voice: "echo", response_format: "flac", stream_format: "sse" },
        options,
      ),
    { param: "response_format" },
  );
});
