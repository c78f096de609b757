import assert from "node:assert/strict";
import * as Flac from "libflacjs/dist/libflac.js";
import { pcm16ToFlac } from "../../src/core/flac.ts";

/** Decodes a 16-bit mono FLAC file with libFLAC: its sample rate and its PCM. */
function decode(flac: Uint8Array): { sampleRate: number; pcm: Uint8Array } {
  const lib = ((Flac as unknown as { default?: typeof Flac }).default ?? Flac) as typeof Flac;
  const decoder = lib.create_libflac_decoder(true);
  let offset = 0;
  let sampleRate = 0;
  const pieces: Uint8Array[] = [];
  lib.init_decoder_stream(
    decoder,
    (size) => {
      const buffer = flac.slice(offset, offset + size);
      offset += buffer.length;
      return { buffer, readDataLength: buffer.length };
    },
    (channels) => {
      pieces.push(channels[0].slice());
    },
    (code) => {
      throw new Error(`FLAC decoding failed: ${code}`);
    },
    (metadata) => {
      if (metadata) sampleRate = metadata.sampleRate;
    },
  );
  assert.ok(lib.FLAC__stream_decoder_process_until_end_of_stream(decoder));
  lib.FLAC__stream_decoder_finish(decoder);
  lib.FLAC__stream_decoder_delete(decoder);
  const pcm = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    pcm.set(piece, at);
    at += piece.length;
  }
  return { sampleRate, pcm };
}

Deno.test("pcm16ToFlac: a FLAC file that decodes to the same samples", async () => {
  const samples = 24000 * 2 + 123;
  const pcm = new Uint8Array(samples * 2);
  const view = new DataView(pcm.buffer);
  for (let index = 0; index < samples; index++) {
    view.setInt16(index * 2, Math.round(Math.sin(index / 9) * 12000 + (index % 7) * 10), true);
  }
  const flac = await pcm16ToFlac(pcm, 24000);
  assert.equal(new TextDecoder().decode(flac.subarray(0, 4)), "fLaC");
  assert.ok(flac.length < pcm.length, `${flac.length} bytes`);
  const decoded = decode(flac);
  assert.equal(decoded.sampleRate, 24000);
  assert.deepEqual(decoded.pcm, pcm);
  assert.deepEqual(decode(await pcm16ToFlac(new Uint8Array(0), 16000)).pcm, new Uint8Array(0));
});
