/**
 * 16-bit mono PCM encoded as MP3, by LAME compiled to plain JavaScript (`@breezystack/lamejs`,
 * LGPL-3.0), which runs wherever the gateway does, Deno Deploy included. Encoding costs about
 * 0.15 s of CPU per second of audio.
 * @module
 */

import { Mp3Encoder } from "@breezystack/lamejs";

/** Samples LAME takes per call: one MPEG frame. */
const FRAME = 1152;

/** The bit rate of the MP3s made, in kbit/s: plenty for speech. */
export const MP3_KBPS = 64;

/** Encodes 16-bit PCM one piece at a time: the pieces of one stream, then `end()`. */
export class Mp3Stream {
  readonly #encoder: Mp3Encoder;
  /** An odd byte left over from the previous piece. */
  #carry: number | undefined;

  /** An encoder of mono PCM at `sampleRate` Hz. */
  constructor(sampleRate: number) {
    this.#encoder = new Mp3Encoder(1, sampleRate, MP3_KBPS);
  }

  /** The MP3 bytes for the next piece of little-endian PCM (possibly none yet). */
  push(pcm: Uint8Array): Uint8Array {
    let bytes = pcm;
    if (this.#carry !== undefined) {
      bytes = new Uint8Array(pcm.length + 1);
      bytes[0] = this.#carry;
      bytes.set(pcm, 1);
    }
    this.#carry = bytes.length % 2 ? bytes[bytes.length - 1] : undefined;
    const count = Math.floor(bytes.length / 2);
    const samples = new Int16Array(count);
    const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
    for (let index = 0; index < count; index++) samples[index] = view.getInt16(index * 2, true);
    const out: Uint8Array[] = [];
    for (let start = 0; start < count; start += FRAME) {
      out.push(asBytes(this.#encoder.encodeBuffer(samples.subarray(start, start + FRAME))));
    }
    return concat(out);
  }

  /** The last MP3 bytes. */
  end(): Uint8Array {
    return asBytes(this.#encoder.flush());
  }
}

/** Little-endian 16-bit mono PCM at `sampleRate` Hz as a whole MP3 file. */
export function pcm16ToMp3(pcm: Uint8Array, sampleRate: number): Uint8Array {
  const stream = new Mp3Stream(sampleRate);
  return concat([stream.push(pcm), stream.end()]);
}

/** LAME answers `Int8Array`s; the bytes as they are. */
function asBytes(data: ArrayBufferView): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
