/**
 * OpenAI's server-sent events framing of a chat completion stream: `data: <chunk>` events ended
 * by `data: [DONE]`, or by an error event in OpenAI's envelope (without `[DONE]`, so that
 * clients raise it).
 * @module
 */

import type { StreamTranslator } from "../../core/stream.ts";
import { sseEvent } from "../../http/sse.ts";
import { openaiErrorBody } from "../errors.ts";
import type { ChatCompletionChunks } from "./stream.ts";

const events = (values: object[]) => values.map((value) => sseEvent(value)).join("");

/** Writes the chunks of `chunks` as OpenAI's event stream. */
export function chatCompletionEvents(chunks: ChatCompletionChunks): StreamTranslator {
  return {
    next: (response) => events(chunks.next(response)),
    end: () => `${events(chunks.end())}data: [DONE]\n\n`,
    fail: (error) => sseEvent(openaiErrorBody(error)),
  };
}
