/**
 * Parsing of Gemini's `streamGenerateContent?alt=sse` body into response objects, synchronously,
 * chunk by chunk, so that the streaming path parses, translates and encodes in one stage.
 * @module
 */

import { createParser, type EventSourceMessage, type EventSourceParser } from "eventsource-parser";
import { fromGeminiError, GatewayError } from "../core/errors.ts";
import type { GenerateContentResponse } from "./types.ts";

/** One parsed event: a response, or Gemini's in-band error thrown as a {@linkcode GatewayError}. */
function parseEvent(event: EventSourceMessage): GenerateContentResponse {
  let value: unknown;
  try {
    value = JSON.parse(event.data);
  } catch {
    throw new GatewayError(502, "Gemini sent a stream event that is not JSON.", "api_error");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new GatewayError(502, "Gemini sent a stream event that is not an object.", "api_error");
  }
  const error = (value as { error?: { code?: unknown } }).error;
  if (error) {
    throw fromGeminiError(typeof error.code === "number" ? error.code : 500, event.data);
  }
  return value;
}

/**
 * Turns the bytes of Gemini's SSE body into responses as they complete. An in-band
 * `{"error": …}` event, an event that is not a JSON object, or one larger than `maxEventBytes`
 * is a {@linkcode GatewayError}: thrown at once when no response came before it in the same
 * chunk, and otherwise kept for {@linkcode GeminiEventParser.throwIfFailed}, so that the
 * responses before it are not lost.
 */
export class GeminiEventParser {
  readonly #decoder = new TextDecoder();
  readonly #parser: EventSourceParser;
  readonly #maxEventBytes: number;
  #ready: GenerateContentResponse[] = [];
  #failure: GatewayError | undefined;
  /** Bytes received since the last complete event. */
  #pending = 0;
  /** How many responses have been parsed. */
  count = 0;

  constructor(maxEventBytes: number) {
    this.#maxEventBytes = maxEventBytes;
    this.#parser = createParser({
      onEvent: (event) => {
        this.#pending = 0;
        if (this.#failure) return;
        try {
          this.#ready.push(parseEvent(event));
          this.count++;
        } catch (error) {
          this.#failure = error as GatewayError;
        }
      },
    });
  }

  /** The responses that `chunk` completes. */
  push(chunk: Uint8Array): GenerateContentResponse[] {
    this.#pending += chunk.byteLength;
    this.#parser.feed(this.#decoder.decode(chunk, { stream: true }));
    if (this.#pending > this.#maxEventBytes) {
      throw new GatewayError(
        502,
        `Gemini sent a stream event larger than the ${this.#maxEventBytes} bytes this gateway ` +
          "accepts.",
        "api_error",
      );
    }
    return this.#take();
  }

  /**
   * The responses completed by the end of the body: a last event without its blank line still
   * counts (the exact framing of Gemini's in-band errors is unverified).
   */
  end(): GenerateContentResponse[] {
    this.#parser.feed(`${this.#decoder.decode()}\n\n`);
    return this.#take();
  }

  /** Throws the failure that followed responses already returned, if any. */
  throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }

  #take(): GenerateContentResponse[] {
    const ready = this.#ready;
    if (ready.length === 0) this.throwIfFailed();
    else this.#ready = [];
    return ready;
  }
}
