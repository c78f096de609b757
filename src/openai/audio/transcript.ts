/**
 * What a transcription asks Gemini for when timestamps are wanted, and how its answer is read:
 * structured output (`responseJsonSchema`) with the language, the text, its segments (with their
 * speakers, when asked) and, when asked, its words, each with start and end times in seconds.
 * @module
 */

import { isRecord } from "../../http/fields.ts";

/** A stretch of the transcript with its times, in seconds, and who speaks it, if told. */
export interface TimedText {
  start: number;
  end: number;
  text: string;
  speaker?: string;
}

/** What the model answers with. */
export interface Transcript {
  /** The language spoken, in English, lower-case (`english`, `german`), if told. */
  language?: string;
  text: string;
  segments: TimedText[];
  words: { word: string; start: number; end: number }[];
}

const TIME = { type: "number", minimum: 0 };

/** What the answer holds beyond the language, the text and the timed segments. */
export interface TranscriptParts {
  /** Timed words. */
  words: boolean;
  /** A speaker label on every segment. */
  speakers: boolean;
}

/** The JSON Schema of the answer, with the `parts` asked for. */
export function transcriptSchema({ words, speakers }: TranscriptParts): Record<string, unknown> {
  const segment: Record<string, unknown> = {
    start: { ...TIME, description: "When the segment starts, in seconds." },
    end: { ...TIME, description: "When the segment ends, in seconds." },
    text: { type: "string" },
  };
  if (speakers) {
    segment.speaker = {
      type: "string",
      description: "Who speaks the segment: the speaker's name when known, else A, B, C… in " +
        "the order the speakers are first heard.",
    };
  }
  const properties: Record<string, unknown> = {
    language: {
      type: "string",
      description: "The language spoken, its English name in lower case, e.g. english, german.",
    },
    text: { type: "string", description: "The whole transcript." },
    segments: {
      type: "array",
      description: speakers
        ? "The transcript in order, cut at sentences, pauses and changes of speaker, with " +
          "times in seconds."
        : "The transcript in order, cut at sentences or pauses, with times in seconds.",
      items: { type: "object", properties: segment, required: Object.keys(segment) },
    },
  };
  if (words) {
    properties.words = {
      type: "array",
      description: "Every word in order, with times in seconds.",
      items: {
        type: "object",
        properties: { word: { type: "string" }, start: TIME, end: TIME },
        required: ["word", "start", "end"],
      },
    };
  }
  return {
    type: "object",
    properties,
    required: ["language", "text", "segments", ...words ? ["words"] : []],
  };
}

const number = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0;
const string = (value: unknown) => typeof value === "string" ? value : "";

/**
 * The model's answer read leniently: JSON as the schema describes it (missing or malformed items
 * dropped, times clamped to ≥ 0, an end before its start moved to it); anything that is not JSON
 * is taken as the text without timestamps.
 */
export function readTranscript(answer: string): Transcript {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    return { text: answer.trim(), segments: [], words: [] };
  }
  if (!isRecord(parsed)) return { text: answer.trim(), segments: [], words: [] };
  const timed = <T>(items: unknown, read: (item: Record<string, unknown>) => T | undefined) =>
    (Array.isArray(items) ? items : []).flatMap((item) => {
      const value = isRecord(item) ? read(item) : undefined;
      return value === undefined ? [] : [value];
    });
  const segments = timed(parsed.segments, (item): TimedText => {
    const start = number(item.start);
    const segment: TimedText = {
      start,
      end: Math.max(start, number(item.end)),
      text: string(item.text),
    };
    const speaker = string(item.speaker).trim();
    if (speaker) segment.speaker = speaker;
    return segment;
  });
  const words = timed(parsed.words, (item) => {
    if (typeof item.word !== "string") return undefined;
    const start = number(item.start);
    return { word: item.word, start, end: Math.max(start, number(item.end)) };
  });
  const text = string(parsed.text) ||
    segments.map((segment) => segment.text.trim()).filter(Boolean).join(" ");
  const language = string(parsed.language).trim().toLowerCase() || undefined;
  return language ? { language, text, segments, words } : { text, segments, words };
}
