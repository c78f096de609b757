/**
 * OpenAI's server-sent events framing of a stream of JSON chunks.
 * @module
 */

import { GatewayError } from "../../core/errors.ts";
import { openaiErrorBody } from "../errors.ts";

/** How to keep the client's connection alive, and for how long. */
export interface ServerSentEventsOptions {
  /** Milliseconds of source silence after which a `: keep-alive` comment is written. */
  keepAliveMs: number;
  /** Milliseconds of source silence after which the stream is ended with a 504 error event. */
  idleTimeoutMs: number;
}

const encoder = new TextEncoder();

/** The error a failed stream reports to the client; anything unexpected stays unexplained. */
function streamFailure(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  console.error("stream failed:", error);
  return new GatewayError(502, "The response stream failed unexpectedly.", "api_error");
}

/**
 * Frames `chunks` as `data: <JSON>\n\n` events ended by `data: [DONE]\n\n`.
 *
 * While the source is silent, a `: keep-alive\n\n` comment is written every `keepAliveMs`; after
 * `idleTimeoutMs` of silence the source is given up with a 504. If the source fails, an event
 * `data: {"error":{…}}` in OpenAI's error envelope ends the stream, without `[DONE]`, so clients
 * raise it. Cancelling the returned stream cancels the source.
 */
export function toServerSentEvents(
  chunks: ReadableStream<object>,
  options: ServerSentEventsOptions,
): ReadableStream<Uint8Array> {
  const reader = chunks.getReader();
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastWrite = performance.now();
  let lastData = lastWrite;
  let done = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const write = (text: string) => {
    lastWrite = performance.now();
    controller.enqueue(encoder.encode(text));
  };
  const end = (last: string) => {
    done = true;
    clearInterval(timer);
    write(last);
    controller.close();
  };
  const fail = (error: unknown) =>
    end(`data: ${JSON.stringify(openaiErrorBody(streamFailure(error)))}\n\n`);
  const watch = () => {
    const now = performance.now();
    if (now - lastData >= options.idleTimeoutMs) {
      const error = new GatewayError(
        504,
        `Gemini sent nothing for ${options.idleTimeoutMs / 1000} s; the stream was ended.`,
        "api_error",
        null,
        "upstream_timeout",
      );
      fail(error);
      reader.cancel(error).catch(() => {});
    } else if (now - lastWrite >= options.keepAliveMs) {
      write(": keep-alive\n\n");
    }
  };
  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      timer = setInterval(watch, Math.min(options.keepAliveMs, options.idleTimeoutMs));
    },
    async pull() {
      try {
        const result = await reader.read();
        if (done) return;
        if (result.done) return end("data: [DONE]\n\n");
        lastData = performance.now();
        write(`data: ${JSON.stringify(result.value)}\n\n`);
      } catch (error) {
        if (!done) fail(error);
      }
    },
    cancel(reason) {
      done = true;
      clearInterval(timer);
      return reader.cancel(reason);
    },
  });
}
