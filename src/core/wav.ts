/**
 * Raw PCM audio wrapped as a WAV file.
 * @module
 */

import { decodeBase64 } from "../http/base64.ts";

/**
 * 16-bit little-endian mono PCM (base64) at `sampleRate` Hz (OpenAI's `pcm16` and Gemini's
 * `audio/L16` are 24 kHz) as a base64 WAV file.
 */
export function pcm16ToWav(base64: string, sampleRate = 24_000): string {
  const pcm = decodeBase64(base64);
  const wav = new Uint8Array(44 + pcm.length);
  const view = new DataView(wav.buffer);
  const ascii = (at: number, text: string) =>
    [...text].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  ascii(0, "RIFF");
  view.setUint32(4, 36 + pcm.length, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, pcm.length, true);
  wav.set(pcm, 44);
  return wav.toBase64();
}

/** Where a WAV file's audio is, and at what rate, as its header says. */
export interface WavLayout {
  /** Samples per second, from the `fmt ` chunk, when it was in view. */
  sampleRate?: number;
  /** Bytes per second, from the `fmt ` chunk, when it was in view. */
  byteRate?: number;
  /** Where the `data` chunk's audio starts. */
  dataStart: number;
  /** How many bytes of audio the `data` chunk says it holds. */
  dataSize: number;
}

/**
 * The layout of the WAV file that `bytes` is or starts with; `undefined` when `bytes` is not
 * RIFF/WAVE or its `data` chunk is not in view.
 */
export function readWavLayout(bytes: Uint8Array): WavLayout | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") return undefined;
  const layout: Partial<WavLayout> = {};
  for (let at = 12; at + 8 <= bytes.length;) {
    const size = view.getUint32(at + 4, true);
    if (tag(at) === "fmt " && at + 20 <= bytes.length) {
      layout.sampleRate = view.getUint32(at + 12, true);
      layout.byteRate = view.getUint32(at + 16, true);
    }
    if (tag(at) === "data") return { ...layout, dataStart: at + 8, dataSize: size };
    at += 8 + size + (size % 2);
  }
  return undefined;
}
