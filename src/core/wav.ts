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
