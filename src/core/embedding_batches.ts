/**
 * Texts to embed → Gemini `batchEmbedContents` calls, and Gemini's answers → the vectors in input
 * order, for every dialect's embeddings.
 * @module
 */

import type {
  BatchEmbedContentsRequest,
  BatchEmbedContentsResponse,
  EmbedContentRequest,
} from "../gemini/types.ts";
import { GatewayError } from "./errors.ts";

/** Most texts Gemini embeds in one `batchEmbedContents` call. */
export const MAX_BATCH_SIZE = 100;

/** Characters per token Google gives as a rule of thumb, for usage Gemini does not report. */
const CHARS_PER_TOKEN = 4;

/**
 * `texts` in order, at most {@linkcode MAX_BATCH_SIZE} per call, each request made of `shared`
 * (the model and the options every text shares) and the text.
 */
export function toEmbeddingBatches(
  texts: string[],
  shared: Omit<EmbedContentRequest, "content">,
): BatchEmbedContentsRequest[] {
  const batches: BatchEmbedContentsRequest[] = [];
  for (let start = 0; start < texts.length; start += MAX_BATCH_SIZE) {
    batches.push({
      requests: texts.slice(start, start + MAX_BATCH_SIZE).map((text) => ({
        ...shared,
        content: { parts: [{ text }] },
      })),
    });
  }
  return batches;
}

/**
 * The vectors of Gemini's answers to `batches` (`responses` in the same order), as Gemini sent
 * them, and the prompt tokens: Gemini's `promptTokenCount` summed over batches, a batch without
 * one counting an estimate of one token per four characters. An answer with the wrong number of
 * vectors, or a vector that is not a list of numbers, is a 502.
 */
export function toEmbeddingVectors(
  batches: BatchEmbedContentsRequest[],
  responses: BatchEmbedContentsResponse[],
): { vectors: number[][]; tokens: number } {
  const vectors: number[][] = [];
  let tokens = 0;
  batches.forEach((batch, index) => {
    const embeddings = responses[index]?.embeddings ?? [];
    if (embeddings.length !== batch.requests.length) {
      throw upstreamMismatch(
        `Gemini returned ${embeddings.length} embeddings for ${batch.requests.length} inputs.`,
      );
    }
    for (const { values } of embeddings) {
      if (!Array.isArray(values) || !values.every((value) => typeof value === "number")) {
        throw upstreamMismatch("Gemini returned an embedding that is not a list of numbers.");
      }
      vectors.push(values);
    }
    const reported = responses[index].usageMetadata?.promptTokenCount;
    tokens += typeof reported === "number" ? reported : estimateTokens(batch);
  });
  return { vectors, tokens };
}

function estimateTokens(batch: BatchEmbedContentsRequest): number {
  return batch.requests.reduce((sum, request) => {
    const text = request.content.parts?.map((part) => part.text ?? "").join("") ?? "";
    return sum + Math.ceil(text.length / CHARS_PER_TOKEN);
  }, 0);
}

function upstreamMismatch(message: string): GatewayError {
  return new GatewayError(502, message, "api_error", null, "upstream_invalid_response");
}
