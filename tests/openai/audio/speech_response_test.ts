import assert from "node:assert/strict";
import {
  audioBlobs,
  speechEvents,
  speechOf,
  toSpeechUsage,
} from "../../../src/openai/audio/speech_response.ts";

const audio = (data: string) => ({
  candidates: [{
    content: {
      parts: [{ text: "thinking", thought: true }, {
        inlineData: { mimeType: "audio/L16;rate=24000", data },
      }],
    },
  }],
  usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 5 },
});

Deno.test("audioBlobs and speechOf: the audio parts; none is a failure", () => {
  assert.deepEqual(audioBlobs(audio("AAAA")), [{ mimeType: "audio/L16;rate=24000", data: "AAAA" }]);
  assert.throws(() => speechOf({ candidates: [{ finishReason: "OTHER" }] }), {
    status: 502,
    code: "no_audio",
  });
  assert.deepEqual(toSpeechUsage(audio("").usageMetadata), {
    input_tokens: 3,
    output_tokens: 5,
    total_tokens: 8,
  });
});

Deno.test("speechEvents: a delta per piece, done with usage; no audio fails", () => {
  const events = speechEvents("pcm");
  assert.equal(
    events.next(audio("AQACAA==")),
    'data: {"type":"speech.audio.delta","audio":"AQACAA=="}\n\n',
  );
  assert.match(events.end(), /speech\.audio\.done.*"total_tokens":8/);
  assert.throws(() => speechEvents("pcm").end(), { code: "no_audio" });
  assert.throws(() => speechEvents("mp3").next({ promptFeedback: { blockReason: "SAFETY" } }), {
    code: "content_policy_violation",
  });
  const mp3 = speechEvents("mp3");
  mp3.next(audio(new Uint8Array(4800).toBase64()));
  assert.match(mp3.end(), /speech\.audio\.delta[\s\S]*speech\.audio\.done/);
});
