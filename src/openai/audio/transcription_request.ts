/**
 * The text fields of `POST /audio/transcriptions` and `POST /audio/translations` → the Gemini
 * `GenerateContentRequest` that transcribes (or translates into English) the uploaded audio,
 * which the handler puts before the instruction.
 *
 * `json` and `text` answers (and streams) ask for plain text; `srt`, `vtt`, `verbose_json` and
 * `diarized_json` ask for structured output with timed segments (with their speakers for
 * `diarized_json`) and, when `timestamp_granularities` include `word`, timed words
 * ({@linkcode transcriptSchema}). `prompt`, `language` and `known_speaker_names` become hints in
 * the instruction. The mapping is described in `docs/media.md`.
 * @module
 */

import type { GenerateContentRequest, GenerationConfig } from "../../gemini/types.ts";
import { excerpt } from "../../core/excerpt.ts";
import { type ModelAliases, type ResolvedModel, resolveModel } from "../../core/model_name.ts";
import { toJsonOutput } from "../../core/response_schema.ts";
import { childParam, invalidValue, optional, readString } from "../../http/fields.ts";
import { readFormBoolean, readFormNumber } from "../../http/form.ts";
import { transcriptSchema } from "./transcript.ts";

/** OpenAI's transcription model names (and its other models), answered by the default. */
export const OPENAI_TRANSCRIPTION_MODELS = /^(whisper-|gpt-|o[134](-|$))/;

/** What is asked of the audio. */
export type TranscriptionTask = "transcribe" | "translate";

/** The answer formats. */
export const TRANSCRIPT_FORMATS = [
  "json",
  "text",
  "srt",
  "verbose_json",
  "vtt",
  "diarized_json",
] as const;

/** An answer format. */
export type TranscriptFormat = typeof TRANSCRIPT_FORMATS[number];

/** What the translation needs from the gateway's configuration. */
export interface TranscriptionRequestOptions {
  defaultModel: string;
  modelAliases: ModelAliases;
}

/** A transcription request, ready for its audio: `model` is the model that answers it. */
export interface TranscriptionPlan extends ResolvedModel {
  task: TranscriptionTask;
  format: TranscriptFormat;
  /** Whether the answer is structured output with timestamps. */
  timed: boolean;
  /** `verbose_json`'s parts: segments (the default) and words. */
  segments: boolean;
  words: boolean;
  /** `diarized_json`: a speaker on every segment. */
  speakers: boolean;
  stream: boolean;
  /** The request's `language` (ISO-639-1), if given. */
  language?: string;
  temperature?: number;
  /** The request without the audio, whose one user turn holds the instruction. */
  request: GenerateContentRequest;
}

function readList(value: unknown, param: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, index) => readString(item, childParam(param, index)));
}

/**
 * The instruction: the task, then the hints the request gives. `speakers` asks for speaker labels:
 * the names of the known speakers, in order, or none (labels A, B, C…).
 */
export function instructionText(
  task: TranscriptionTask,
  timed: boolean,
  language: string | undefined,
  prompt: string | undefined,
  speakers?: string[],
): string {
  const lines = [
    task === "translate"
      ? "Translate the speech in this audio into English. Answer with the English text only."
      : "Transcribe the speech in this audio verbatim, in the language spoken. Answer with the " +
        "transcript only.",
  ];
  if (timed) lines.push("Give the start and end of every segment (and word) in seconds.");
  if (speakers) {
    lines.push(
      "Start a new segment whenever the speaker changes, and label each segment with its " +
        (speakers.length > 0
          ? `speaker; the speakers are, in the order they are first heard: ${
            speakers.join(", ")
          } (label anyone else A, B, C…).`
          : "speaker: A, B, C… in the order the speakers are first heard."),
    );
  }
  if (language && task === "transcribe") {
    lines.push(`The speech is in the language with ISO-639-1 code "${language}".`);
  }
  if (prompt) {
    lines.push(
      "The following text comes before the audio or lists words it contains; use it for " +
        `spelling and style only:\n${prompt}`,
    );
  }
  return lines.join("\n");
}

/** Translates the text fields of a transcription (`task: "transcribe"`) or translation. */
export function toTranscriptionPlan(
  fields: Record<string, unknown>,
  task: TranscriptionTask,
  options: TranscriptionRequestOptions,
): TranscriptionPlan {
  const resolved = resolveModel(
    fields.model,
    options.defaultModel,
    OPENAI_TRANSCRIPTION_MODELS,
    options.modelAliases,
  );
  const format = (optional(fields.response_format, "response_format", readString) ??
    "json") as TranscriptFormat;
  if (!TRANSCRIPT_FORMATS.includes(format)) {
    throw invalidValue(
      "response_format",
      `'${excerpt(format)}' is not supported; expected ${TRANSCRIPT_FORMATS.join(", ")}.`,
    );
  }
  const language = optional(fields.language, "language", readString)?.trim().toLowerCase();
  if (language !== undefined && !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(language)) {
    throw invalidValue("language", "expected an ISO-639-1 language code such as en or de.");
  }
  const prompt = optional(fields.prompt, "prompt", readString)?.trim() || undefined;
  const temperature = optional(
    fields.temperature,
    "temperature",
    (value, param) => readFormNumber(value, param, { min: 0, max: 1 }),
  );
  const granularities = readList(fields.timestamp_granularities, "timestamp_granularities");
  for (const [index, item] of granularities.entries()) {
    if (item !== "word" && item !== "segment") {
      throw invalidValue(childParam("timestamp_granularities", index), "expected word or segment.");
    }
  }
  const stream = optional(fields.stream, "stream", readFormBoolean) ?? false;
  const timed = format !== "json" && format !== "text";
  if (stream && timed) {
    throw invalidValue("stream", `streaming is not supported for response_format ${format}.`);
  }
  const words = granularities.includes("word") && format === "verbose_json";
  const speakers = format === "diarized_json";
  if (speakers && task === "translate") {
    throw invalidValue(
      "response_format",
      "diarized_json is for transcriptions; translations are answered as json, text, srt, " +
        "verbose_json or vtt.",
    );
  }
  const knownSpeakers = readList(fields.known_speaker_names, "known_speaker_names");
  const generationConfig: GenerationConfig = timed
    ? toJsonOutput(transcriptSchema({ words, speakers }), "response_format", resolved.model)
    : {};
  if (temperature !== undefined) generationConfig.temperature = temperature;
  const request: GenerateContentRequest = {
    contents: [{
      role: "user",
      parts: [{
        text: instructionText(task, timed, language, prompt, speakers ? knownSpeakers : undefined),
      }],
    }],
  };
  if (Object.keys(generationConfig).length > 0) request.generationConfig = generationConfig;
  return {
    ...resolved,
    task,
    format,
    timed,
    segments: granularities.length === 0 || granularities.includes("segment"),
    words,
    speakers,
    stream,
    language,
    temperature,
    request,
  };
}
