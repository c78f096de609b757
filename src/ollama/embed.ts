/**
 * `POST /api/embed` and the legacy `POST /api/embeddings` → Gemini `batchEmbedContents` calls,
 * and their answers → Ollama's.
 *
 * `input` is a string or an array of strings (an empty array embeds nothing, as in Ollama),
 * `dimensions` is Gemini's `outputDimensionality`; `truncate`, `options` and `keep_alive` are
 * accepted and ignored (Gemini truncates over-long input itself). `/api/embed` returns vectors of
 * unit length, as Ollama does; `/api/embeddings` returns Gemini's values as they are.
 * @module
 */

import { toEmbeddingBatches, toEmbeddingVectors } from "../core/embedding_batches.ts";
import { invalidRequest } from "../core/errors.ts";
import { type ModelAliases, OPENAI_EMBEDDING_MODELS } from "../core/model_name.ts";
import { toUnitLength } from "../core/unit_length.ts";
import type { BatchEmbedContentsRequest, BatchEmbedContentsResponse } from "../gemini/types.ts";
import {
  childParam,
  invalidValue,
  isRecord,
  missing,
  optional,
  readBoolean,
  readInteger,
  readString,
  wrongType,
} from "../http/fields.ts";
import { type OllamaModel, resolveOllamaModel } from "./model_name.ts";

/** Most inputs one request may carry. */
export const MAX_INPUTS = 2048;

/** What one embedding request asks of Gemini. */
export interface EmbedPlan extends OllamaModel {
  /** Every input in order, at most 100 per call; none for no input. */
  batches: BatchEmbedContentsRequest[];
}

/** Reads the body of `POST /api/embed` (`legacy`: `/api/embeddings`, which takes `prompt`). */
export function toEmbedPlan(
  body: unknown,
  defaultModel: string,
  aliases: ModelAliases,
  legacy = false,
): EmbedPlan {
  if (!isRecord(body)) throw invalidRequest("The request body must be a JSON object.");
  const model = resolveOllamaModel(body.model, defaultModel, OPENAI_EMBEDDING_MODELS, aliases);
  const texts = legacy ? readPrompt(body.prompt) : readInputs(body.input);
  const dimensions = optional(
    body.dimensions,
    "dimensions",
    (value, param) => readInteger(value, param, { min: 1 }),
  );
  optional(body.truncate, "truncate", readBoolean);
  const batches = toEmbeddingBatches(texts, {
    model: `models/${model.model}`,
    ...dimensions === undefined ? {} : { outputDimensionality: dimensions },
  });
  return { ...model, batches };
}

/** The vectors of Gemini's answers to `plan`'s batches (same order), with the prompt tokens. */
export function toEmbeddings(
  plan: EmbedPlan,
  responses: BatchEmbedContentsResponse[],
  unit: boolean,
): { embeddings: number[][]; tokens: number } {
  const { vectors, tokens } = toEmbeddingVectors(plan.batches, responses);
  return { embeddings: unit ? vectors.map(toUnitLength) : vectors, tokens };
}

function readInputs(input: unknown): string[] {
  if (input === undefined || input === null) throw missing("input");
  if (typeof input === "string") {
    if (!input) throw invalidValue("input", "Gemini cannot embed an empty string.");
    return [input];
  }
  if (!Array.isArray(input)) throw wrongType("input", "a string or an array of strings", input);
  if (input.length > MAX_INPUTS) {
    throw invalidValue(
      "input",
      `expected at most ${MAX_INPUTS} items, but got ${input.length} instead.`,
    );
  }
  return input.map((item, index) => {
    const param = childParam("input", index);
    const text = readString(item, param);
    if (!text) throw invalidValue(param, "Gemini cannot embed an empty string.");
    return text;
  });
}

/** The legacy `prompt`: one text, or none when it is empty (Ollama answers an empty vector). */
function readPrompt(prompt: unknown): string[] {
  const text = optional(prompt, "prompt", readString) ?? "";
  return text ? [text] : [];
}
