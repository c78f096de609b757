/**
 * 16-bit mono PCM encoded as FLAC, by libFLAC compiled to plain JavaScript (`libflacjs`, MIT, its
 * asm.js build), which runs wherever the gateway does, Deno Deploy included. The library (1 MB)
 * is loaded on first use only.
 * @module
 */

import { GatewayError } from "./errors.ts";

/** Samples handed to the encoder per call, which keeps its heap small. */
const BLOCK = 4096;

/** libFLAC's compression level (0–8): its default. */
const LEVEL = 5;

type LibFlac = typeof import("libflacjs/dist/libflac.js");

let loaded: Promise<LibFlac> | undefined;

/** libFLAC, loaded once and ready. */
function libflac(): Promise<LibFlac> {
  return loaded ??= import("libflacjs/dist/libflac.js").then(async (module) => {
    const flac = ((module as { default?: LibFlac }).default ?? module) as LibFlac;
    if (!flac.isReady()) await new Promise<void>((resolve) => flac.on("ready", () => resolve()));
    return flac;
  });
}

function failed(): GatewayError {
  return new GatewayError(500, "The gateway could not encode the audio as FLAC.", "api_error");
}

/** Little-endian 16-bit mono PCM at `sampleRate` Hz as a whole FLAC file. */
export async function pcm16ToFlac(pcm: Uint8Array, sampleRate: number): Promise<Uint8Array> {
  const flac = await libflac();
  const count = Math.floor(pcm.length / 2);
  const encoder = flac.create_libflac_encoder(sampleRate, 1, 16, LEVEL, count, false);
  if (!encoder) throw failed();
  const chunks: Uint8Array[] = [];
  try {
    const status = flac.init_encoder_stream(encoder, (data: Uint8Array) => {
      chunks.push(data.slice());
    });
    if (status !== 0) throw failed();
    const view = new DataView(pcm.buffer, pcm.byteOffset, count * 2);
    const block = new Int32Array(BLOCK);
    for (let start = 0; start < count; start += BLOCK) {
      const size = Math.min(BLOCK, count - start);
      for (let index = 0; index < size; index++) {
        block[index] = view.getInt16((start + index) * 2, true);
      }
      if (!flac.FLAC__stream_encoder_process_interleaved(encoder, block, size)) throw failed();
    }
    if (!flac.FLAC__stream_encoder_finish(encoder)) throw failed();
  } finally {
    flac.FLAC__stream_encoder_delete(encoder);
  }
  return await new Blob(chunks as Uint8Array<ArrayBuffer>[]).bytes();
}
