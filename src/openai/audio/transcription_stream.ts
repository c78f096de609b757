/**
 * A streamed transcription (`stream: true`) as OpenAI's events: a `transcript.text.delta` per
 * piece of text as Gemini's stream brings it, then `transcript.text.done` with the whole text and
 * the usage. A blocked prompt or a policy stop fails like a whole answer would (an HTTP error
 * before the stream began, else an error event in OpenAI's envelope); a chunk without candidates
 * (usage alone) adds no text.
 * @module
 */

import type { StreamTranslator } from "../../core/stream.ts";
import type { UsageMetadata } from "../../gemini/types.ts";
import { sseEvent } from "../../http/sse.ts";
import { openaiErrorBody } from "../errors.ts";
import type { TranscriptTextDeltaEvent, TranscriptTextDoneEvent } from "../types.ts";
import { answerText, toTranscriptionUsage } from "./transcription_response.ts";

/** Writes Gemini's stream of a transcript as OpenAI's transcription events. */
export function transcriptionEvents(): StreamTranslator {
  let text = "";
  let usage: UsageMetadata | undefined;
  return {
    next(response) {
      if (response.usageMetadata) usage = response.usageMetadata;
      if (!response.candidates?.length && !response.promptFeedback?.blockReason) return "";
      const delta = answerText(response);
      if (!delta) return "";
      text += delta;
      const event: TranscriptTextDeltaEvent = { type: "transcript.text.delta", delta };
      return sseEvent(event);
    },
    end() {
      const done: TranscriptTextDoneEvent = {
        type: "transcript.text.done",
        text: text.trim(),
        usage: toTranscriptionUsage(usage),
      };
      return sseEvent(done);
    },
    fail: (error) => sseEvent(openaiErrorBody(error)),
  };
}
