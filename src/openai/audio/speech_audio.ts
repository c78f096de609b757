/**
 * The audio a Gemini speech model answers with, in the format the client asked for.
 *
 * Gemini states the audio's type: raw 16-bit mono PCM as `audio/L16;codec=pcm;rate=24000` (or
 * `audio/pcm;rate=…`), little-endian in practice although `L16` names big-endian, or WAV. PCM is
 * wrapped as WAV for `wav` and passed as is for `pcm`; a WAV answer is passed as is for `wav` (not
 * wrapped twice) and unwrapped for `pcm`; `mp3` and `flac` are encoded from the PCM.
 * @module
 */

import { readWavLayout } from "../../core/wav.ts";
import type { Blob as GeminiBlob } from "../../gemini/types.ts";
import { GatewayError } from "../../core/errors.ts";
import { pcm16ToFlac } from "../../core/flac.ts";
import { pcm16ToMp3 } from "../../core/mp3.ts";
import { pcm16ToWav } from "../../core/wav.ts";
import { decodeBase64 } from "../../http/base64.ts";

/** The formats the gateway answers speech in. */
export const SPEECH_FORMATS = ["mp3", "wav", "pcm", "flac"] as const;

/** A format the gateway answers speech in. */
export type SpeechFormat = typeof SPEECH_FORMATS[number];

/** The formats speech is streamed in (`stream_format: "sse"`): those encoded piece by piece. */
export const STREAMED_SPEECH_FORMATS = ["mp3", "pcm"] as const;

/** A format speech is streamed in. */
export type StreamedSpeechFormat = typeof STREAMED_SPEECH_FORMATS[number];

/** The `content-type` of each format. */
export const SPEECH_CONTENT_TYPES: Record<SpeechFormat, string> = {
  mp3: "audio/mpeg",
  wav: "audio/wav",
  pcm: "audio/pcm",
  flac: "audio/flac",
};

/** The sample rate of Gemini's speech when its type names none. */
const DEFAULT_RATE = 24_000;

/** Gemini's audio read: the PCM samples, their rate, and the WAV file it came as, if any. */
export interface SpeechPcm {
  pcm: Uint8Array;
  sampleRate: number;
  wav?: Uint8Array;
}

/** Reads a WAV file's sample rate and `data` chunk (16-bit mono is what speech models make). */
function unwrapWav(wav: Uint8Array): SpeechPcm {
  const layout = readWavLayout(wav);
  if (!layout) {
    throw new GatewayError(502, "Gemini answered with a WAV file without audio data.", "api_error");
  }
  const { dataStart, dataSize, sampleRate = DEFAULT_RATE } = layout;
  return {
    pcm: wav.subarray(dataStart, Math.min(dataStart + dataSize, wav.length)),
    sampleRate,
    wav,
  };
}

/** The PCM of Gemini's `blob`; a type the gateway cannot read is a 502. */
export function readSpeech(blob: GeminiBlob): SpeechPcm {
  const [type, ...params] = blob.mimeType.toLowerCase().split(";").map((part) => part.trim());
  if (type === "audio/l16" || type === "audio/pcm") {
    const rate = Number(params.find((param) => param.startsWith("rate="))?.slice(5));
    return {
      pcm: decodeBase64(blob.data),
      sampleRate: Number.isInteger(rate) && rate > 0 ? rate : DEFAULT_RATE,
    };
  }
  if (["audio/wav", "audio/wave", "audio/x-wav", "audio/vnd.wave"].includes(type)) {
    return unwrapWav(decodeBase64(blob.data));
  }
  throw new GatewayError(
    502,
    `Gemini answered with audio of type ${blob.mimeType}, which the gateway cannot convert.`,
    "api_error",
  );
}

/** Gemini's audio `blobs` (the pieces of one answer, in order) as the bytes of `format`. */
export async function toSpeechBytes(
  blobs: GeminiBlob[],
  format: SpeechFormat,
): Promise<Uint8Array> {
  const pieces = blobs.map(readSpeech);
  if (format === "wav" && pieces.length === 1 && pieces[0].wav) return pieces[0].wav;
  const pcm = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.pcm.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    pcm.set(piece.pcm, offset);
    offset += piece.pcm.length;
  }
  const sampleRate = pieces[0]?.sampleRate ?? DEFAULT_RATE;
  switch (format) {
    case "pcm":
      return pcm;
    case "wav":
      return decodeBase64(pcm16ToWav(pcm.toBase64(), sampleRate));
    case "mp3":
      return pcm16ToMp3(pcm, sampleRate);
    case "flac":
      return await pcm16ToFlac(pcm, sampleRate);
  }
}
