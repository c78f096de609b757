/**
 * Gemini's transcription answer in the `response_format` asked for: `json`, `text`, `srt`, `vtt`,
 * `verbose_json` or `diarized_json`.
 * @module
 */

import type { GenerateContentResponse, UsageMetadata } from "../../gemini/types.ts";
import { candidateText } from "../completions/response.ts";
import { toFinishReason } from "../../core/finish_reason.ts";
import { missingMedia } from "../media_failure.ts";
import type {
  CreateTranscriptionResponseDiarizedJson,
  CreateTranscriptionResponseJson,
  CreateTranscriptionResponseVerboseJson,
  TranscriptionSegment,
  TranscriptTextUsageTokens,
} from "../types.ts";
import { readTranscript, type TimedText, type Transcript } from "./transcript.ts";
import type { TranscriptionPlan } from "./transcription_request.ts";

/** The `usage` of a transcription: Gemini's tokens, input split into text and audio. */
export function toTranscriptionUsage(usage: UsageMetadata | undefined): TranscriptTextUsageTokens {
  const input = usage?.promptTokenCount ?? 0;
  const output = (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0);
  const count = (modality: string) =>
    usage?.promptTokensDetails?.find((item) => item.modality === modality)?.tokenCount ?? 0;
  return {
    type: "tokens",
    input_tokens: input,
    input_token_details: { text_tokens: count("TEXT"), audio_tokens: count("AUDIO") },
    output_tokens: output,
    total_tokens: input + output,
  };
}

/**
 * The text of an answer (empty for silence). A blocked prompt or a policy stop is a 400
 * `content_policy_violation`, an answer without a candidate otherwise a 502 `no_transcript`
 * ({@linkcode missingMedia}).
 */
export function answerText(response: GenerateContentResponse): string {
  const candidate = response.candidates?.[0];
  if (!candidate || toFinishReason(candidate.finishReason, false) === "content_filter") {
    throw missingMedia(response, "a transcript", "file", "no_transcript");
  }
  return candidateText(candidate);
}

/** `seconds` as `HH:MM:SS` and milliseconds after `separator` (`,` for SRT, `.` for WebVTT). */
export function timestamp(seconds: number, separator: string): string {
  const ms = Math.round(seconds * 1000);
  const pad = (value: number, size = 2) => String(value).padStart(size, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:` +
    `${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** The segments to write as subtitles: the model's, or the whole text as one. */
function cues(transcript: Transcript, duration: number): TimedText[] {
  if (transcript.segments.length > 0) return transcript.segments;
  return transcript.text ? [{ start: 0, end: duration, text: transcript.text }] : [];
}

/** The transcript as SubRip subtitles. */
export function toSrt(transcript: Transcript, duration: number): string {
  return cues(transcript, duration).map((cue, index) =>
    `${index + 1}\n${timestamp(cue.start, ",")} --> ${
      timestamp(cue.end, ",")
    }\n${cue.text.trim()}\n\n`
  ).join("");
}

/** The transcript as WebVTT subtitles. */
export function toVtt(transcript: Transcript, duration: number): string {
  return "WEBVTT\n\n" +
    cues(transcript, duration).map((cue) =>
      `${timestamp(cue.start, ".")} --> ${timestamp(cue.end, ".")}\n${cue.text.trim()}\n\n`
    ).join("");
}

/**
 * `verbose_json`: OpenAI's Whisper fields Gemini has no counterpart for (`tokens`,
 * `avg_logprob`, `compression_ratio`, `no_speech_prob`, `seek`) are neutral values; `usage` is
 * Whisper's, the audio's length in seconds (when it is known).
 */
export function toVerboseJson(
  transcript: Transcript,
  plan: Pick<TranscriptionPlan, "task" | "language" | "temperature" | "segments" | "words">,
  duration: number,
): CreateTranscriptionResponseVerboseJson {
  const language = plan.task === "translate"
    ? "english"
    : transcript.language ?? plan.language ?? "unknown";
  const answer: CreateTranscriptionResponseVerboseJson = {
    task: plan.task,
    language,
    duration,
    text: transcript.text,
  };
  if (plan.words) answer.words = transcript.words;
  if (duration > 0) answer.usage = { type: "duration", seconds: duration };
  if (plan.segments) {
    answer.segments = transcript.segments.map((segment, id): TranscriptionSegment => ({
      id,
      seek: 0,
      start: segment.start,
      end: segment.end,
      text: segment.text,
      tokens: [],
      temperature: plan.temperature ?? 0,
      avg_logprob: 0,
      compression_ratio: 1,
      no_speech_prob: 0,
    }));
  }
  return answer;
}

/**
 * `diarized_json`: the segments with their speakers (`A` when the model named none) and ids
 * `seg_1`, `seg_2`…, and the usage in tokens.
 */
export function toDiarizedJson(
  transcript: Transcript,
  duration: number,
  usage: UsageMetadata | undefined,
): CreateTranscriptionResponseDiarizedJson {
  return {
    task: "transcribe",
    duration,
    text: transcript.text,
    segments: transcript.segments.map((segment, index) => ({
      type: "transcript.text.segment",
      id: `seg_${index + 1}`,
      start: segment.start,
      end: segment.end,
      text: segment.text,
      speaker: segment.speaker ?? "A",
    })),
    usage: toTranscriptionUsage(usage),
  };
}

/**
 * The HTTP answer of a whole transcription. `duration` is the audio's length when the gateway
 * could read it (WAV), else the end of the last segment or word.
 */
export function toTranscriptionResponse(
  response: GenerateContentResponse,
  plan: TranscriptionPlan,
  duration: number | undefined,
  headers: Record<string, string>,
): Response {
  const text = answerText(response);
  if (!plan.timed) {
    if (plan.format === "text") {
      return new Response(`${text.trim()}\n`, {
        headers: { "content-type": "text/plain; charset=utf-8", ...headers },
      });
    }
    const json: CreateTranscriptionResponseJson = { text: text.trim() };
    if (plan.task === "transcribe") json.usage = toTranscriptionUsage(response.usageMetadata);
    return Response.json(json, { headers });
  }
  const transcript = readTranscript(text);
  const length = duration ??
    Math.max(
      0,
      ...transcript.segments.map((item) => item.end),
      ...transcript.words.map((item) => item.end),
    );
  if (plan.format === "verbose_json") {
    return Response.json(toVerboseJson(transcript, plan, length), { headers });
  }
  if (plan.format === "diarized_json") {
    return Response.json(toDiarizedJson(transcript, length, response.usageMetadata), { headers });
  }
  const subtitles = plan.format === "srt" ? toSrt(transcript, length) : toVtt(transcript, length);
  return new Response(subtitles, {
    headers: {
      "content-type": `${plan.format === "srt" ? "text/plain" : "text/vtt"}; charset=utf-8`,
      ...headers,
    },
  });
}
