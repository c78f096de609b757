/**
 * `POST /chat/completions`: wires the request translation, the Gemini client and the response
 * translation together, streaming or not.
 * @module
 */

import { substitutionHeaders } from "../../core/model_name.ts";
import { createFileFetcher } from "../../core/remote_file.ts";
import { streamLimits, streamResponse } from "../../core/stream.ts";
import { readJsonObject } from "../../http/body.ts";
import type { Context } from "../../http/route.ts";
import { SSE_CONTENT_TYPE, SSE_KEEP_ALIVE } from "../../http/sse.ts";
import { toChatRequest } from "./request.ts";
import { toChatCompletion } from "./response.ts";
import { chatCompletionEvents } from "./sse.ts";
import { ChatCompletionChunks } from "./stream.ts";

/** Answers a chat completion request, as one JSON body or as a `text/event-stream`. */
export async function handleChatCompletions(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const chat = await toChatRequest(body, {
    defaultModel: config.defaultModel,
    modelAliases: config.modelAliases,
    safetyThreshold: config.safetyThreshold,
    includeThoughts: config.includeThoughts,
    fetchFile: createFileFetcher(config),
    media: config,
  });
  const meta = {
    id: `chatcmpl-${crypto.randomUUID().replaceAll("-", "")}`,
    created: Math.floor(Date.now() / 1000),
    model: chat.model,
    parallelToolCalls: chat.parallelToolCalls,
  };
  if (!chat.stream) {
    return Response.json(
      toChatCompletion(await gemini.generateContent(chat.model, chat.request), meta),
      { headers: substitutionHeaders(chat) },
    );
  }
  const chunks = new ChatCompletionChunks({ ...meta, includeUsage: chat.includeUsage });
  return await streamResponse(
    gemini.streamGenerateContent(chat.model, chat.request),
    chatCompletionEvents(chunks),
    { contentType: SSE_CONTENT_TYPE, keepAlive: SSE_KEEP_ALIVE },
    streamLimits(config),
    substitutionHeaders(chat),
  );
}
