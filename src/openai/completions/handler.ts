/**
 * `POST /completions` (legacy): one Gemini call per prompt, or one stream for a single prompt.
 * @module
 */

import { mapBounded } from "../../core/map_bounded.ts";
import { substitutionHeaders } from "../../core/model_name.ts";
import { streamLimits, streamResponse } from "../../core/stream.ts";
import { readJsonObject } from "../../http/body.ts";
import type { Context } from "../../http/route.ts";
import { SSE_CONTENT_TYPE, SSE_KEEP_ALIVE } from "../../http/sse.ts";
import { toCompletionRequest } from "./request.ts";
import { toCompletion } from "./response.ts";
import { CompletionChunks, completionEvents } from "./stream.ts";

/** Most Gemini calls one request has in flight at once. */
const MAX_CONCURRENT_CALLS = 4;

/** Answers a legacy completion request, as one JSON body or as a `text/event-stream`. */
export async function handleCompletions(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const completion = toCompletionRequest(body, {
    defaultModel: config.defaultCompletionModel,
    modelAliases: config.modelAliases,
    safetyThreshold: config.safetyThreshold,
  });
  const meta = {
    id: `cmpl-${crypto.randomUUID().replaceAll("-", "")}`,
    created: Math.floor(Date.now() / 1000),
    model: completion.model,
    echo: completion.echo ? completion.prompts : undefined,
  };
  const headers = substitutionHeaders(completion);
  if (completion.stream) {
    return await streamResponse(
      gemini.streamGenerateContent(completion.model, completion.requests[0]),
      completionEvents(
        new CompletionChunks({ ...meta, includeUsage: completion.includeUsage }),
      ),
      { contentType: SSE_CONTENT_TYPE, keepAlive: SSE_KEEP_ALIVE },
      streamLimits(config),
      headers,
    );
  }
  const failure = new AbortController();
  const calls = gemini.withSignal(failure.signal);
  const responses = await mapBounded(
    completion.requests,
    MAX_CONCURRENT_CALLS,
    (generate) => calls.generateContent(completion.model, generate),
  ).catch((error) => {
    failure.abort();
    throw error;
  });
  return Response.json(toCompletion(responses, completion.n, meta), { headers });
}
