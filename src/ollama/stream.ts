/**
 * Gemini's stream as Ollama's NDJSON stream: one object per line, written as each Gemini
 * response arrives, the last with `done: true`, `done_reason` and the metrics; a failure after
 * the stream began is a last line `{"error": "…"}`. It plugs into `core/stream.ts`.
 * @module
 */

import type { StreamFormat, StreamTranslator } from "../core/stream.ts";
import type { UsageMetadata } from "../gemini/types.ts";
import type { DoneReason } from "./types.ts";
import { ollamaErrorBody } from "./errors.ts";
import type { Clock } from "./metrics.ts";
import { type OllamaApi, responsePieces, toDoneReason, toObject } from "./response.ts";

/** The `content-type` of Ollama's streams. */
export const NDJSON_CONTENT_TYPE = "application/x-ndjson";

/**
 * The stream's framing. No keep-alive: an NDJSON line must be a JSON object (Ollama's clients
 * warn about, or fail on, blank lines), and Ollama itself sends nothing while a model is silent.
 */
export const NDJSON_FORMAT: StreamFormat = { contentType: NDJSON_CONTENT_TYPE };

/** One line of NDJSON. */
export function ndjsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** Writes Gemini's stream as `api`'s objects, named `name`; `clock` times it. */
export function ollamaStream(api: OllamaApi, name: string, clock: Clock): StreamTranslator {
  const state = { content: "", calls: 0 };
  let usage: UsageMetadata | undefined;
  let reason: DoneReason | undefined;
  return {
    next(response) {
      clock.first();
      if (response.usageMetadata) usage = response.usageMetadata;
      reason ??= toDoneReason(response);
      const pieces = responsePieces(response, state);
      const empty = !pieces.content && !pieces.thinking && pieces.toolCalls.length === 0;
      if (empty && !pieces.logprobs) return "";
      return ndjsonLine(toObject(api, name, pieces));
    },
    end() {
      const empty = { content: "", thinking: "", toolCalls: [] };
      return ndjsonLine(
        toObject(api, name, empty, { reason: reason ?? "stop", metrics: clock.metrics(usage) }),
      );
    },
    fail: (error) => ndjsonLine(ollamaErrorBody(error)),
  };
}
