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
import type { CreateChatCompletionStreamResponse } from "../types.ts";

/** Writes the chunks of `chunks` as OpenAI's event stream. */
export function chatCompletionEvents(chunks: ChatCompletionChunks): StreamTranslator {
  // Every chunk has the same `id`, `object`, `created` and `model`: their JSON is written once.
  let head: string | undefined;
  const events = (values: CreateChatCompletionStreamResponse[]) => {
    let text = "";
    for (const { id, object, created, model, choices, usage } of values) {
      head ??= JSON.stringify({ id, object, created, model }).slice(0, -1);
      const tail = usage === undefined ? "}" : `,"usage":${JSON.stringify(usage)}}`;
      text += `data: ${head},"choices":${JSON.stringify(choices)}${tail}\n\n`;
    }
    return text;
  };
  return {
    next: (response) => events(chunks.next(response)),
    end: () => `${events(chunks.end())}data: [DONE]\n\n`,
    fail: (error) => sseEvent(openaiErrorBody(error)),
  };
}
