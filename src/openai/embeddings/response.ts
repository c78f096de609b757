/**
 * Gemini `batchEmbedContents` answers → an OpenAI embedding list.
 * @module
 */

import { toUnitLength } from "../../core/unit_length.ts";
import { GatewayError } from "../../core/errors.ts";
import type { BatchEmbedContentsRequest, BatchEmbedContentsResponse } from "../../gemini/types.ts";
import type { CreateEmbeddingResponse } from "../types.ts";
import type { EmbeddingPlan } from "./request.ts";

/** Characters per token Google gives as a rule of thumb, for usage Gemini does not report. */
const CHARS_PER_TOKEN = 4;

/**
 * The answer to a planned request, from Gemini's answer to each of its batches (same order).
 * Vectors are of unit length, as OpenAI's are (Gemini normalizes only full-size vectors), and
 * floats or little-endian float32 bytes in base64, as the plan asks. Usage is
 * Gemini's `promptTokenCount` summed over batches; a batch without one counts an estimate of
 * one token per four characters.
 */
export function toEmbeddingResponse(
  plan: EmbeddingPlan,
  responses: BatchEmbedContentsResponse[],
): CreateEmbeddingResponse {
  const data: CreateEmbeddingResponse["data"] = [];
  let tokens = 0;
  plan.batches.forEach((batch, batchIndex) => {
    const response = responses[batchIndex];
    const embeddings = response?.embeddings ?? [];
    if (embeddings.length !== batch.requests.length) {
      throw upstreamMismatch(
        `Gemini returned ${embeddings.length} embeddings for ${batch.requests.length} inputs.`,
      );
    }
    for (const { values } of embeddings) {
      if (!Array.isArray(values) || !values.every((value) => typeof value === "number")) {
        throw upstreamMismatch("Gemini returned an embedding that is not a list of numbers.");
      }
      const unit = toUnitLength(values);
      const embedding = plan.encodingFormat === "base64" ? toFloat32Base64(unit) : unit;
      data.push({ object: "embedding", index: data.length, embedding });
    }
    const reported = response.usageMetadata?.promptTokenCount;
    tokens += typeof reported === "number" ? reported : estimateTokens(batch);
  });
  return {
    object: "list",
    data,
    model: plan.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

/** `values` as little-endian float32 bytes, in base64. */
function toFloat32Base64(values: number[]): string {
  const bytes = new Uint8Array(values.length * Float32Array.BYTES_PER_ELEMENT);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return bytes.toBase64();
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
