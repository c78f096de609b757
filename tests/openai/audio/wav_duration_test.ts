import assert from "node:assert/strict";
import { pcm16ToWav } from "../../../src/core/wav.ts";
import { wavDuration } from "../../../src/openai/audio/wav_duration.ts";

Deno.test("wavDuration: from the header and the file's size", () => {
  const wav = Uint8Array.fromBase64(pcm16ToWav(new Uint8Array(48000).toBase64(), 16000));
  assert.equal(wavDuration(wav, wav.length), 1.5);
  assert.equal(wavDuration(wav.subarray(0, 64), wav.length), 1.5);
  assert.equal(wavDuration(new TextEncoder().encode("ID3 not a wav"), 100), undefined);
  assert.equal(wavDuration(wav.subarray(0, 30), wav.length), undefined);
});
