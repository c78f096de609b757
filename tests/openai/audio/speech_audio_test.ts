import assert from "node:assert/strict";
import { readSpeech, toSpeechBytes } from "../../../src/openai/audio/speech_audio.ts";

const PCM = new Uint8Array([1, 0, 2, 0, 3, 0, 4, 0]);
const L16 = { mimeType: "audio/L16;codec=pcm;rate=24000", data: PCM.toBase64() };

Deno.test("readSpeech: L16 and pcm with their rate; unknown types are a 502", () => {
  assert.deepEqual(readSpeech(L16), { pcm: PCM, sampleRate: 24000 });
  assert.equal(readSpeech({ mimeType: "audio/pcm;rate=16000", data: "" }).sampleRate, 16000);
  assert.equal(readSpeech({ mimeType: "audio/L16", data: "" }).sampleRate, 24000);
  assert.throws(() => readSpeech({ mimeType: "audio/ogg", data: "" }), { status: 502 });
});

Deno.test("toSpeechBytes: pieces joined; WAV wrapping; MP3 frames; FLAC", async () => {
  assert.deepEqual(await toSpeechBytes([L16, L16], "pcm"), new Uint8Array([...PCM, ...PCM]));
  const wav = await toSpeechBytes([L16], "wav");
  assert.equal(wav.length, 44 + PCM.length);
  assert.deepEqual(readSpeech({ mimeType: "audio/wav", data: wav.toBase64() }), {
    pcm: PCM,
    sampleRate: 24000,
    wav,
  });
  assert.deepEqual(
    await toSpeechBytes([{ mimeType: "audio/wav", data: wav.toBase64() }], "wav"),
    wav,
  );
  const mp3 = await toSpeechBytes([L16], "mp3");
  assert.equal(mp3[0], 0xff);
  const flac = await toSpeechBytes([L16], "flac");
  assert.equal(new TextDecoder().decode(flac.subarray(0, 4)), "fLaC");
});
