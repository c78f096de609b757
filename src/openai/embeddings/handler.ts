/**
 * `POST /embeddings`: Gemini `batchEmbedContents`, one call per hundred inputs.
 * @module
 */

import type { Context } from "../../http/route.ts";
import { readJsonObject } from "../../http/body.ts";
import { mapBounded } from "../../core/map_bounded.ts";
import { substitutionHeaders } from "../../core/model_name.ts";
import { toEmbeddingPlan } from "./request.ts";
import { toEmbeddingResponse } from "./response.ts";

/** Most `batchEmbedContents` calls one request has in flight at once. */
const MAX_CONCURRENT_BATCHES = 4;

/**
 * Embeds every input, in batches run a few at a time, and answers in input order. The first
 * batch that fails fails the request with its mapped error; the others are aborted.
 */
export async function handleEmbeddings(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const plan = toEmbeddingPlan(body, config.defaultEmbeddingModel, config.modelAliases);
  const failure = new AbortController();
  const batches = gemini.withSignal(failure.signal);
  const responses = await mapBounded(
    plan.batches,
    MAX_CONCURRENT_BATCHES,
    (batch) => batches.batchEmbedContents(plan.model, batch),
  ).catch((error) => {
    failure.abort();
    throw error;
  });
  return Response.json(toEmbeddingResponse(plan, responses), {
    headers: substitutionHeaders(plan),
  });
}
