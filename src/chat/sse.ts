/**
 * OpenAI's server-sent events framing of a stream of JSON chunks.
 * @module
 */

import { OpenAIError } from "../errors.ts";

/** How often to show the client the connection is alive while the source is silent. */
export interface ServerSentEventsOptions {
  /** Milliseconds of source silence after which a `: keep-alive` comment is written. */
  keepAliveMs: number;
}

const encoder = new TextEncoder();

/** The error a failed stream reports to the client; anything unexpected stays unexplained. */
function streamFailure(error: unknown): OpenAIError {
  if (error instanceof OpenAIError) return error;
  console.error("stream failed:", error);
  return new OpenAIError(502, "The response stream failed unexpectedly.", "api_error");
}

/**
 * Frames `chunks` as `data: <JSON>\n\n` events ended by `data: [DONE]\n\n`.
 *
 * While the source is silent, a `: keep-alive\n\n` comment is written every `keepAliveMs`. If the
 * source fails, an event `data: {"error":{…}}` in OpenAI's error envelope ends the stream, without
 * `[DONE]`, so clients raise it. Cancelling the returned stream cancels the source.
 */
export function toServerSentEvents(
  chunks: ReadableStream<object>,
  options: ServerSentEventsOptions,
): ReadableStream<Uint8Array> {
  const reader = chunks.getReader();
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastWrite = performance.now();
  let done = false;
  const finish = () => {
    done = true;
    clearInterval(timer);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => {
        if (performance.now() - lastWrite < options.keepAliveMs) return;
        lastWrite = performance.now();
        controller.enqueue(encoder.encode(": keep-alive\n\n"));
      }, options.keepAliveMs);
    },
    async pull(controller) {
      const write = (text: string) => {
        lastWrite = performance.now();
        controller.enqueue(encoder.encode(text));
      };
      try {
        const result = await reader.read();
        if (done) return;
        if (result.done) {
          finish();
          write("data: [DONE]\n\n");
          return controller.close();
        }
        write(`data: ${JSON.stringify(result.value)}\n\n`);
      } catch (error) {
        if (done) return;
        finish();
        write(`data: ${JSON.stringify(streamFailure(error).toJSON())}\n\n`);
        controller.close();
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
}
