/**
 * Parsing of Gemini's `streamGenerateContent?alt=sse` body into response objects.
 * @module
 */

import { createParser, type EventSourceMessage } from "eventsource-parser";
import { fromGeminiError, GatewayError } from "../core/errors.ts";
import type { GenerateContentResponse } from "./types.ts";

/** One parsed event: a response, or Gemini's in-band error. */
function parseEvent(event: EventSourceMessage): GenerateContentResponse {
  let value: GenerateContentResponse & { error?: { code?: number } };
  try {
    value = JSON.parse(event.data);
  } catch {
    throw new GatewayError(502, "Gemini sent a stream event that is not JSON.", "api_error");
  }
  if (value.error) throw fromGeminiError(value.error.code ?? 500, event.data);
  return value;
}

/**
 * Turns Gemini's SSE body into a stream of parsed responses, one per event, as they arrive.
 *
 * An in-band `{"error": …}` event (a failure after output began) errors the stream with the mapped
 * {@linkcode GatewayError}.
 */
export function parseGeminiEvents(
  body: ReadableStream<Uint8Array>,
): ReadableStream<GenerateContentResponse> {
  const decoder = new TextDecoder();
  let events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const emit = (
    text: string,
    controller: TransformStreamDefaultController<GenerateContentResponse>,
    end = false,
  ) => {
    // At the end, a last event without its blank line still counts: the exact framing of
    // Gemini's in-band errors is unverified.
    parser.feed(end ? `${text}\n\n` : text);
    const ready = events;
    events = [];
    for (const event of ready) controller.enqueue(parseEvent(event));
  };
  return body.pipeThrough(
    new TransformStream({
      transform: (chunk, controller) => emit(decoder.decode(chunk, { stream: true }), controller),
      flush: (controller) => emit(decoder.decode(), controller, true),
    }),
  );
}
