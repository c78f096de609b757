import assert from "node:assert/strict";
import { MP3_KBPS, Mp3Stream, pcm16ToMp3 } from "../../src/core/mp3.ts";

/** `seconds` of a 440 Hz tone at 24 kHz, little-endian 16-bit. */
function tone(seconds: number): Uint8Array {
  const samples = new Int16Array(Math.round(seconds * 24000));
  samples.forEach((_, i) =>
    samples[i] = Math.round(Math.sin(i * 2 * Math.PI * 440 / 24000) * 8000)
  );
  return new Uint8Array(samples.buffer);
}

Deno.test("pcm16ToMp3: MPEG frames at the bit rate", () => {
  const mp3 = pcm16ToMp3(tone(1), 24000);
  assert.equal(mp3[0], 0xff);
  assert.equal(mp3[1] & 0xe0, 0xe0);
  assert.ok(Math.abs(mp3.length - MP3_KBPS * 125) < 600, `${mp3.length} bytes`);
});

Deno.test("Mp3Stream: pieces of odd length make the same file as the whole", () => {
  const pcm = tone(0.5);
  const stream = new Mp3Stream(24000);
  const parts = [stream.push(pcm.subarray(0, 1001)), stream.push(pcm.subarray(1001)), stream.end()];
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  assert.deepEqual(joined, pcm16ToMp3(pcm, 24000));
});
