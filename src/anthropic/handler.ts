/**
 * `POST /v1/messages` and `POST /v1/messages/count_tokens`: wire the request translation, the
 * Gemini client and the response translation together.
 * @module
 */

import { substitutionHeaders } from "../core/model_name.ts";
import { createFileFetcher } from "../core/remote_file.ts";
import { streamLimits, streamResponse } from "../core/stream.ts";
import { readJsonObject } from "../http/body.ts";
import type { Context } from "../http/route.ts";
import { SSE_CONTENT_TYPE } from "../http/sse.ts";
import type { Config } from "../config.ts";
import { type MessagesRequestOptions, toMessagesRequest } from "./request.ts";
import { messageId, toMessage } from "./response.ts";
import { MessageEvents, PING_EVENT } from "./stream.ts";
import type { MessageTokensCount } from "./types.ts";

function requestOptions(config: Config): MessagesRequestOptions {
  return {
    models: {
      default: config.anthropicDefaultModel,
      haiku: config.anthropicHaikuModel,
      sonnet: config.anthropicSonnetModel,
      opus: config.anthropicOpusModel,
    },
    modelAliases: config.modelAliases,
    safetyThreshold: config.safetyThreshold,
    includeThoughts: config.includeThoughts,
    fetchFile: createFileFetcher(config),
    media: config,
  };
}

/** Answers a Messages request, as one JSON body or as an event stream. */
export async function handleMessages(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const messages = await toMessagesRequest(body, requestOptions(config));
  const meta = { id: messageId(), model: messages.model, singleToolUse: messages.singleToolUse };
  const headers = substitutionHeaders(messages);
  if (!messages.stream) {
    const response = await gemini.generateContent(messages.model, messages.request);
    return Response.json(toMessage(response, meta), { headers });
  }
  return await streamResponse(
    gemini.streamGenerateContent(messages.model, messages.request),
    new MessageEvents(meta),
    { contentType: SSE_CONTENT_TYPE, keepAlive: PING_EVENT },
    streamLimits(config),
    headers,
  );
}

/** Counts the input tokens of a Messages request with Gemini's `countTokens`. */
export async function handleCountTokens(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const messages = await toMessagesRequest(body, requestOptions(config), true);
  const { contents, systemInstruction, tools, toolConfig } = messages.request;
  const counted = await gemini.countTokens(messages.model, {
    contents,
    ...(systemInstruction && { systemInstruction }),
    ...(tools && { tools }),
    ...(toolConfig && { toolConfig }),
  });
  const answer: MessageTokensCount = { input_tokens: counted.totalTokens ?? 0 };
  return Response.json(answer, { headers: substitutionHeaders(messages) });
}
