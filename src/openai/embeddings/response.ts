/**
 * Gemini `batchEmbedContents` answers → an OpenAI embedding list.
 * @module
 */

import { toUnitLength } from "../../core/unit_length.ts";
import { toEmbeddingVectors } from "../../core/embedding_batches.ts";
import type { BatchEmbedContentsResponse } from "../../gemini/types.ts";
import type { CreateEmbeddingResponse } from "../types.ts";
import type { EmbeddingPlan } from "./request.ts";

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
  const { vectors, tokens } = toEmbeddingVectors(plan.batches, responses);
  const data = vectors.map((values, index) => {
    const unit = toUnitLength(values);
    const embedding = plan.encodingFormat === "base64" ? toFloat32Base64(unit) : unit;
    return { object: "embedding" as const, index, embedding };
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
