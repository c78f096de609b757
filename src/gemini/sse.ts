/**
 * Parsing of Gemini's `streamGenerateContent?alt=sse` body into response objects.
 * @module
 */

import { EventSourceParserStream } from "eventsource-parser/stream";
import { fromGeminiError, OpenAIError } from "../errors.ts";
import type { GenerateContentResponse } from "./types.ts";

/**
 * Turns Gemini's SSE body into a stream of parsed responses, one per event, as they arrive.
 *
 * An in-band `{"error": …}` event (a failure after output began) errors the stream with the mapped
 * {@linkcode OpenAIError}.
 */
export function parseGeminiEvents(
  body: ReadableStream<Uint8Array>,
): ReadableStream<GenerateContentResponse> {
  return body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .pipeThrough(
      new TransformStream({
        transform(event, controller) {
          let value: GenerateContentResponse & { error?: { code?: number } };
          try {
            value = JSON.parse(event.data);
          } catch {
            throw new OpenAIError(502, "Gemini sent a stream event that is not JSON.", "api_error");
          }
          if (value.error) throw fromGeminiError(value.error.code ?? 500, event.data);
          controller.enqueue(value);
        },
      }),
    );
}
