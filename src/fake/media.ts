/**
 * What the fake Gemini's image and speech models answer, and what they refuse, after Google's
 * documented shapes: image models (`…-image`) return the picture as an `inlineData` PNG part when
 * `responseModalities` include `IMAGE`; speech models (`…-tts`) return 24 kHz 16-bit mono PCM as
 * an `inlineData` part of type `audio/L16;codec=pcm;rate=24000`, and refuse a system instruction
 * and any modality but `AUDIO`.
 * @module
 */

import type { GenerateContentRequest, Part } from "../gemini/types.ts";
import type { GeminiErrorBody } from "../gemini/types.ts";
import { errorBody } from "./wire.ts";

/** A 4×4 PNG (Google blue), the picture every fake image model paints. */
export const FAKE_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGNwav0CRwzEcQDFEhuxecpXugAAAABJRU5ErkJggg==";

/** The MIME type of the speech models' audio. */
export const TTS_MIME_TYPE = "audio/L16;codec=pcm;rate=24000";

/** Samples of speech the fake makes per character read: 50 ms at 24 kHz. */
export const SAMPLES_PER_CHARACTER = 1200;

/** Whether `model` is a speech (TTS) model. */
export function isSpeechModel(model: string): boolean {
  return /-tts(\b|-)/.test(model);
}

/** Whether `model` is an image model. */
export function isImageModel(model: string): boolean {
  return /-image(\b|-)|nano-banana/.test(model);
}

function modalities(request: GenerateContentRequest): string[] {
  return (request.generationConfig?.responseModalities ?? ["TEXT"]).map((item) =>
    String(item).toUpperCase()
  );
}

/** The combinations of response modalities a model accepts. */
function accepted(model: string): string[][] {
  if (isSpeechModel(model)) return [["AUDIO"]];
  if (isImageModel(model)) return [["TEXT", "IMAGE"], ["IMAGE"], ["TEXT"]];
  return [["TEXT"]];
}

/** The 400 a media model (or a text model asked for media) answers a request with, if any. */
export function mediaRefusal(
  model: string,
  request: GenerateContentRequest,
): GeminiErrorBody | undefined {
  if (isSpeechModel(model) && request.systemInstruction) {
    return errorBody(400, `Developer instruction is not enabled for models/${model}`);
  }
  const asked = [...new Set(modalities(request))].sort();
  const combinations = accepted(model);
  if (combinations.some((combination) => [...combination].sort().join() === asked.join())) {
    return undefined;
  }
  return errorBody(
    400,
    `The requested combination of response modalities (${asked.join(", ")}) is not supported ` +
      `by the model. models/${model} accepts the following combination of response ` +
      `modalities:\n${combinations.map((combination) => `* ${combination.join(", ")}\n`).join("")}`,
  );
}

/** The text a speech model reads: every text part of the request's user turns. */
function spokenText(request: GenerateContentRequest): string {
  return request.contents.flatMap((content) => content.parts ?? [])
    .map((part) => part.text ?? "").join("");
}

/** `samples` of a quiet 440 Hz tone as 16-bit little-endian PCM, base64. */
function pcm(samples: number): string {
  const bytes = new Uint8Array(samples * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < samples; index++) {
    view.setInt16(index * 2, Math.round(Math.sin(index * 2 * Math.PI * 440 / 24000) * 2000), true);
  }
  return bytes.toBase64();
}

/**
 * The parts a media model answers with instead of text, or `undefined` for a text answer: a
 * speech model's audio (its length following the text read), an image model's PNG (after
 * `text`, when `TEXT` is asked for too).
 */
export function mediaParts(
  model: string,
  request: GenerateContentRequest,
  text: string,
): Part[] | undefined {
  if (isSpeechModel(model)) {
    const samples = Math.max(1, spokenText(request).length) * SAMPLES_PER_CHARACTER;
    return [{ inlineData: { mimeType: TTS_MIME_TYPE, data: pcm(samples) } }];
  }
  const asked = modalities(request);
  if (!asked.includes("IMAGE")) return undefined;
  const image: Part = { inlineData: { mimeType: "image/png", data: FAKE_PNG } };
  return asked.includes("TEXT") ? [{ text }, image] : [image];
}
