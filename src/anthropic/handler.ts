/**
 * `POST /v1/messages`, `POST /v1/messages/count_tokens` and the model list: wire the request
 * translation, the Gemini client and the response translation together.
 * @module
 */

import { modelId, substitutionHeaders } from "../core/model_name.ts";
import { createFileFetcher } from "../core/remote_file.ts";
import { streamLimits, streamResponse } from "../core/stream.ts";
import { readJsonObject } from "../http/body.ts";
import type { Context } from "../http/route.ts";
import { SSE_CONTENT_TYPE } from "../http/sse.ts";
import type { Config } from "../config.ts";
import { type MessagesRequestOptions, resolveClaudeModel, toMessagesRequest } from "./request.ts";
import { toModelInfo, toModelPage } from "./models.ts";
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
  const { model, singleToolUse, thinking } = messages;
  const meta = { id: messageId(), model, singleToolUse, thinking };
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

/**
 * Lists Gemini's models in Anthropic's shape, a page at a time; with `HIDE_RETIRED_MODELS`,
 * without those another model answers for.
 */
export async function listModels(request: Request, { config, gemini }: Context): Promise<Response> {
  const aliases = config.modelAliases;
  const models = (await gemini.listModels()).filter((model) =>
    !config.hideRetiredModels || aliases.resolve(modelId(model.name)) === modelId(model.name)
  );
  return Response.json(toModelPage(models, new URL(request.url).searchParams));
}

/** Describes the model that answers for `id` (as Messages requests resolve it). */
export async function getModel(
  _request: Request,
  { config, gemini, params }: Context,
): Promise<Response> {
  const resolved = resolveClaudeModel(params.id, requestOptions(config));
  return Response.json(toModelInfo(await gemini.getModel(resolved.model)), {
    headers: substitutionHeaders(resolved),
  });
}
