import assert from "node:assert/strict";
import { pcm16ToWav, readWavLayout } from "../../src/core/wav.ts";
import { decodeBase64 } from "../../src/http/base64.ts";

Deno.test("PCM becomes a 44-byte-header WAV of the given rate", () => {
  const pcm = new Uint8Array([1, 0, 2, 0, 3, 0]);
  const wav = decodeBase64(pcm16ToWav(pcm.toBase64(), 16_000));
  const view = new DataView(wav.buffer);
  assert.equal(new TextDecoder().decode(wav.slice(0, 4)), "RIFF");
  assert.equal(new TextDecoder().decode(wav.slice(8, 12)), "WAVE");
  assert.equal(view.getUint32(4, true), 36 + pcm.length);
  assert.equal(view.getUint32(24, true), 16_000);
  assert.equal(view.getUint32(40, true), pcm.length);
  assert.deepEqual(wav.slice(44), pcm);
});

Deno.test("readWavLayout finds the rates and the data chunk; not a WAV is undefined", () => {
  const pcm = new Uint8Array([1, 0, 2, 0]);
  const wav = decodeBase64(pcm16ToWav(pcm.toBase64(), 16_000));
  assert.deepEqual(readWavLayout(wav), {
    sampleRate: 16_000,
    byteRate: 32_000,
    dataStart: 44,
    dataSize: 4,
  });
  assert.equal(readWavLayout(new Uint8Array(20)), undefined);
  assert.equal(readWavLayout(wav.slice(0, 40)), undefined);
});
