/**
 * What the fake Gemini's image and speech models answer, and what they refuse, after Google's
 * documented shapes: image models (`…-image`) return the picture as an `inlineData` PNG part when
 * `responseModalities` include `IMAGE`; speech models (`…-tts`) return 24 kHz 16-bit mono PCM as
 * an `inlineData` part of type `audio/L16;codec=pcm;rate=24000`, and refuse a system instruction
 * and any modality but `AUDIO`; transcription models (`…-transcribe`) hear {@linkcode TRANSCRIPT}
 * in any audio, as text or as the structured output asked for.
 * @module
 */

import type { GenerateContentRequest, Part } from "../gemini/types.ts";
import { isRecord } from "../http/fields.ts";
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

/** What the fake transcription models hear in any audio. */
export const TRANSCRIPT = "Hello from the fake Gemini. This is a transcript.";

/** Whether `model` is a transcription model. */
export function isTranscriptionModel(model: string): boolean {
  return /-transcribe(\b|-)/.test(model);
}

/**
 * A transcription model's answer to a request with audio: {@linkcode TRANSCRIPT}, as plain text,
 * or (in JSON mode) as the object of the schema's properties among `language`, `text`, `segments`
 * (one per sentence, spoken in turn by speakers `A` and `B` when the segments' schema has a
 * `speaker`) and `words`, times spread evenly over one second per word; `undefined` for other
 * models and requests without audio.
 */
export function transcription(model: string, request: GenerateContentRequest): string | undefined {
  const audio = request.contents.some((content) =>
    content.parts?.some((part) => part.inlineData?.mimeType.startsWith("audio/"))
  );
  if (!isTranscriptionModel(model) || !audio) return undefined;
  const config = request.generationConfig;
  if (config?.responseMimeType?.toLowerCase() !== "application/json") return TRANSCRIPT;
  const schema = config.responseJsonSchema ?? config.responseSchema;
  const wanted = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
  const words = TRANSCRIPT.split(" ").map((word, index) => ({
    word: word.replace(/[.,]$/, ""),
    start: index,
    end: index + 0.8,
  }));
  const segmentSchema = isRecord(wanted.segments) && isRecord(wanted.segments.items)
    ? wanted.segments.items.properties
    : undefined;
  const speakers = isRecord(segmentSchema) && Object.hasOwn(segmentSchema, "speaker");
  let at = 0;
  const segments = TRANSCRIPT.split(/(?<=\.) /).map((text, index) => {
    const count = text.split(" ").length;
    const segment = { start: at, end: at + count - 0.2, text };
    at += count;
    return speakers ? { ...segment, speaker: "AB"[index % 2] } : segment;
  });
  const full: Record<string, unknown> = { language: "english", text: TRANSCRIPT, segments, words };
  return JSON.stringify(
    Object.fromEntries(Object.entries(full).filter(([key]) => Object.hasOwn(wanted, key))),
  );
}
