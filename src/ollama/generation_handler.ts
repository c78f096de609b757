/**
 * `POST /api/chat` and `POST /api/generate`: wire the request translation, the Gemini client and
 * the response translation together, as one JSON object or as an NDJSON stream.
 * @module
 */

import { substitutionHeaders } from "../core/model_name.ts";
import { streamLimits, streamResponse } from "../core/stream.ts";
import { readJsonObject } from "../http/body.ts";
import type { Context } from "../http/route.ts";
import { asModelFailure, asModelNotFound, unsupported } from "./errors.ts";
import { capabilitiesOf } from "./models.ts";
import { Clock } from "./metrics.ts";
import { type OllamaRequestOptions, toChatRequest, toGenerateRequest } from "./request.ts";
import { type OllamaApi, toAnswer, toObject } from "./response.ts";
import { NDJSON_FORMAT, ollamaStream } from "./stream.ts";

/** Answers `POST /api/chat`. */
export function handleChat(request: Request, context: Context): Promise<Response> {
  return handleGeneration("chat", request, context);
}

/** Answers `POST /api/generate`. */
export function handleGenerate(request: Request, context: Context): Promise<Response> {
  return handleGeneration("generate", request, context);
}

/**
 * Answers a chat or generate request. A request with nothing to generate answers `load` (or
 * `unload`) once Gemini confirms the model exists and generates; an unknown model is Ollama's
 * 404, and one that cannot generate (an embedding model) Ollama's 400 `"…" does not support chat`.
 */
async function handleGeneration(
  api: OllamaApi,
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const clock = new Clock();
  const body = await readJsonObject(request, config.maxBodyBytes);
  const options: OllamaRequestOptions = {
    defaultModel: config.defaultModel,
    modelAliases: config.modelAliases,
    safetyThreshold: config.safetyThreshold,
    includeThoughts: config.includeThoughts,
    media: config,
  };
  const ollama = api === "chat" ? toChatRequest(body, options) : toGenerateRequest(body, options);
  const { model, name } = ollama;
  const headers = substitutionHeaders(ollama);
  if (!ollama.request) {
    const found = await gemini.getModel(model).catch((error) => {
      throw asModelNotFound(error, name);
    });
    if (!capabilitiesOf(found).includes("completion")) throw unsupported(name, api);
    const nothing = { content: "", thinking: "", toolCalls: [] };
    return Response.json(toObject(api, name, nothing, { reason: ollama.load ?? "load" }), {
      headers,
    });
  }
  try {
    clock.upstream();
    if (!ollama.stream) {
      const response = await gemini.generateContent(model, ollama.request);
      return Response.json(
        toAnswer(api, name, response, clock.metrics(response.usageMetadata)),
        { headers },
      );
    }
    return await streamResponse(
      gemini.streamGenerateContent(model, ollama.request),
      ollamaStream(api, name, clock),
      NDJSON_FORMAT,
      streamLimits(config),
      headers,
    );
  } catch (error) {
    throw await asModelFailure(error, name, api, () => gemini.getModel(model));
  }
}
