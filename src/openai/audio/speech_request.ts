/**
 * The body of `POST /audio/speech` → a Gemini `GenerateContentRequest` for a speech model.
 *
 * Speech models refuse a system instruction, so `instructions` (and a `speed` other than 1, which
 * Gemini has no setting for) become directions before the text, in the one user turn, the way
 * Google's speech guide writes them ("Say cheerfully: …"). The mapping is described in
 * `docs/media.md`.
 * @module
 */

import type { GenerateContentRequest } from "../../gemini/types.ts";
import { excerpt } from "../../core/excerpt.ts";
import { type ModelAliases, type ResolvedModel, resolveModel } from "../../core/model_name.ts";
import { invalidValue, missing, optional, readNumber, readString } from "../../http/fields.ts";
import {
  SPEECH_FORMATS,
  type SpeechFormat,
  STREAMED_SPEECH_FORMATS,
  type StreamedSpeechFormat,
} from "./speech_audio.ts";
import { toVoiceName } from "./voices.ts";

/** OpenAI's speech model names (and its other models), answered by the default speech model. */
export const OPENAI_SPEECH_MODELS = /^(tts-|gpt-|o[134](-|$))/;

/** OpenAI's limit on `input` and `instructions`, in characters. */
export const MAX_SPEECH_INPUT = 4096;

/** What the translation needs from the gateway's configuration. */
export interface SpeechRequestOptions {
  defaultModel: string;
  modelAliases: ModelAliases;
}

/** A speech request, ready for Gemini: `model` is the model that answers it. */
export type SpeechPlan =
  & ResolvedModel
  & { request: GenerateContentRequest }
  & (
    /** `stream_format: "sse"`: the audio as `speech.audio.delta` events. */
    | { sse: true; format: StreamedSpeechFormat }
    | { sse: false; format: SpeechFormat }
  );

function boundedText(value: unknown, param: string): string {
  const text = readString(value, param);
  if (text.length > MAX_SPEECH_INPUT) {
    throw invalidValue(
      param,
      `expected at most ${MAX_SPEECH_INPUT} characters, got ${text.length}.`,
    );
  }
  return text;
}

/** The format asked for: OpenAI's default is `mp3`; `opus` and `aac` are refused. */
function readFormat(value: unknown): SpeechFormat {
  const format = optional(value, "response_format", readString) ?? "mp3";
  if ((SPEECH_FORMATS as readonly string[]).includes(format)) return format as SpeechFormat;
  throw invalidValue(
    "response_format",
    `'${excerpt(format)}' is not supported: the gateway answers speech as ` +
      `${SPEECH_FORMATS.join(", ")} (Gemini's speech is PCM; other encoders are not available ` +
      "on the edge).",
  );
}

/** Translates the parsed JSON `body` of a speech request. */
export function toSpeechPlan(
  body: Record<string, unknown>,
  options: SpeechRequestOptions,
): SpeechPlan {
  const resolved = resolveModel(
    body.model,
    options.defaultModel,
    OPENAI_SPEECH_MODELS,
    options.modelAliases,
  );
  const input = boundedText(body.input, "input");
  if (!input.trim()) throw invalidValue("input", "expected text to read.");
  if (body.voice === undefined || body.voice === null) throw missing("voice");
  const voiceName = toVoiceName(body.voice);
  const instructions = optional(body.instructions, "instructions", boundedText)?.trim();
  const speed = optional(
    body.speed,
    "speed",
    (value, param) => readNumber(value, param, { min: 0.25, max: 4 }),
  ) ?? 1;
  const format = readFormat(body.response_format);
  const streamFormat = optional(body.stream_format, "stream_format", readString) ?? "audio";
  if (streamFormat !== "audio" && streamFormat !== "sse") {
    throw invalidValue("stream_format", "expected audio or sse.");
  }
  const sse = streamFormat === "sse";
  if (sse && !(STREAMED_SPEECH_FORMATS as readonly string[]).includes(format)) {
    throw invalidValue(
      "response_format",
      `streamed speech (sse) is sent as ${STREAMED_SPEECH_FORMATS.join(" or ")}.`,
    );
  }
  const directions = [
    instructions && /[.!?:]$/.test(instructions)
      ? instructions
      : instructions && `${instructions}.`,
    speed === 1 ? "" : `Speak at ${speed} times the normal rate.`,
  ].filter(Boolean).join(" ");
  const text = directions ? `${directions.replace(/[.:]$/, "")}:\n${input}` : input;
  return {
    ...resolved,
    ...(sse ? { sse, format: format as StreamedSpeechFormat } : { sse, format }),
    request: {
      contents: [{ role: "user", parts: [{ text }] }],
      generationConfig: {
        responseModalities: ["AUDIO"],
        speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName } } },
      },
    },
  };
}
