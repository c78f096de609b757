/**
 * `POST /api/embed` and the legacy `POST /api/embeddings`: Gemini `batchEmbedContents`, one call
 * per hundred inputs, a few at a time.
 * @module
 */

import { mapBounded } from "../core/map_bounded.ts";
import { substitutionHeaders } from "../core/model_name.ts";
import type { GeminiClient } from "../gemini/client.ts";
import type { BatchEmbedContentsResponse } from "../gemini/types.ts";
import { readJsonObject } from "../http/body.ts";
import type { Context } from "../http/route.ts";
import { type EmbedPlan, toEmbeddings, toEmbedPlan } from "./embed.ts";
import { asModelFailure } from "./errors.ts";
import type { EmbeddingResponse, EmbedResponse } from "./types.ts";

/** Most `batchEmbedContents` calls one request has in flight at once. */
const MAX_CONCURRENT_BATCHES = 4;

const NS_PER_MS = 1e6;

/** Answers `POST /api/embed`: vectors of unit length, with Ollama's timings and token count. */
export async function handleEmbed(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const start = performance.now();
  const body = await readJsonObject(request, config.maxBodyBytes);
  const plan = toEmbedPlan(body, config.defaultEmbeddingModel, config.modelAliases);
  const upstream = performance.now();
  const { embeddings, tokens } = toEmbeddings(plan, await embedAll(gemini, plan), true);
  const answer: EmbedResponse = {
    model: plan.name,
    embeddings,
    total_duration: Math.round((performance.now() - start) * NS_PER_MS),
    load_duration: Math.round((upstream - start) * NS_PER_MS),
    prompt_eval_count: tokens,
  };
  return Response.json(answer, { headers: substitutionHeaders(plan) });
}

/** Answers the legacy `POST /api/embeddings`: one vector, Gemini's values as they are. */
export async function handleEmbeddings(
  request: Request,
  { config, gemini }: Context,
): Promise<Response> {
  const body = await readJsonObject(request, config.maxBodyBytes);
  const plan = toEmbedPlan(body, config.defaultEmbeddingModel, config.modelAliases, true);
  const { embeddings } = toEmbeddings(plan, await embedAll(gemini, plan), false);
  const answer: EmbeddingResponse = { embedding: embeddings[0] ?? [] };
  return Response.json(answer, { headers: substitutionHeaders(plan) });
}

/**
 * Gemini's answers to every batch of `plan`, in order. The first batch that fails fails the
 * request (an unknown model as Ollama's 404, one that does not embed as a 400); the others are
 * aborted.
 */
async function embedAll(
  gemini: GeminiClient,
  plan: EmbedPlan,
): Promise<BatchEmbedContentsResponse[]> {
  const failure = new AbortController();
  const batches = gemini.withSignal(failure.signal);
  return await mapBounded(
    plan.batches,
    MAX_CONCURRENT_BATCHES,
    (batch) => batches.batchEmbedContents(plan.model, batch),
  ).catch(async (error) => {
    failure.abort();
    throw await asModelFailure(error, plan.name, "embeddings", () => gemini.getModel(plan.model));
  });
}
