/**
 * An OpenAI embeddings body → the Gemini `batchEmbedContents` calls that answer it.
 * @module
 */

import { toEmbeddingBatches } from "../../core/embedding_batches.ts";
import { excerpt } from "../../core/excerpt.ts";
import {
  childParam,
  type Field,
  googleOptions,
  invalidValue,
  missing,
  optional,
  readInteger,
  readString,
  wrongType,
} from "../../http/fields.ts";
import {
  type ModelAliases,
  OPENAI_EMBEDDING_MODELS,
  type ResolvedModel,
  resolveModel,
} from "../../core/model_name.ts";
import type { BatchEmbedContentsRequest, EmbedContentRequest } from "../../gemini/types.ts";

/** Most inputs one request may carry, OpenAI's own limit. */
export const MAX_INPUTS = 2048;

/** The task types Gemini's embedding models accept. */
const TASK_TYPES: readonly string[] = [
  "TASK_TYPE_UNSPECIFIED",
  "RETRIEVAL_QUERY",
  "RETRIEVAL_DOCUMENT",
  "SEMANTIC_SIMILARITY",
  "CLASSIFICATION",
  "CLUSTERING",
  "QUESTION_ANSWERING",
  "FACT_VERIFICATION",
  "CODE_RETRIEVAL_QUERY",
];

/** How the vectors are written in the answer. */
export type EncodingFormat = "float" | "base64";

/** What one embeddings request asks of Gemini: `model` is the model that answers it. */
export interface EmbeddingPlan extends ResolvedModel {
  encodingFormat: EncodingFormat;
  /** Every input in order, at most 100 per call. */
  batches: BatchEmbedContentsRequest[];
}

/**
 * Reads an OpenAI embeddings body into the Gemini calls that answer it. Throws a 400 naming the
 * parameter for any value Gemini cannot take. A `title` without a task type implies
 * `RETRIEVAL_DOCUMENT`, the only task type Gemini accepts a title with.
 */
export function toEmbeddingPlan(
  body: Record<string, unknown>,
  defaultModel: string,
  aliases: ModelAliases,
): EmbeddingPlan {
  const resolved = resolveModel(body.model, defaultModel, OPENAI_EMBEDDING_MODELS, aliases);
  const { model } = resolved;
  const texts = readInputs(body.input);
  const shared: Omit<EmbedContentRequest, "content"> = { model: `models/${model}` };
  const dimensions = optional(
    body.dimensions,
    "dimensions",
    (value, param) => readInteger(value, param, { min: 1 }),
  );
  if (dimensions !== undefined) shared.outputDimensionality = dimensions;
  const google = googleOptions(body, { topLevel: true });
  const taskType = readTaskType(google("task_type"));
  const title = google("title");
  if (title) {
    const text = readString(title.value, title.param);
    if (!text.trim()) throw invalidValue(title.param, "expected a non-empty string.");
    if (taskType && taskType !== "RETRIEVAL_DOCUMENT") {
      throw invalidValue(
        title.param,
        `a title is only accepted with task_type RETRIEVAL_DOCUMENT, not ${taskType}.`,
      );
    }
    shared.taskType = "RETRIEVAL_DOCUMENT";
    shared.title = text;
  } else if (taskType) {
    shared.taskType = taskType;
  }
  const batches = toEmbeddingBatches(texts, shared);
  return { ...resolved, encodingFormat: readEncodingFormat(body.encoding_format), batches };
}

function readInputs(input: unknown): string[] {
  const tokens = "token arrays are not supported: Gemini embeds text, so send a string or an " +
    "array of strings (LangChain's OpenAIEmbeddings: set check_embedding_ctx_length=False).";
  const value = readInputValue(input);
  if (typeof value === "string") {
    if (!value) throw invalidValue("input", "expected a non-empty string.");
    return [value];
  }
  if (value.length === 0) throw invalidValue("input", "expected a non-empty array of strings.");
  if (value.length > MAX_INPUTS) {
    throw invalidValue(
      "input",
      `expected at most ${MAX_INPUTS} items, but got ${value.length} instead.`,
    );
  }
  if (value.every((item) => typeof item === "number" || Array.isArray(item))) {
    throw invalidValue("input", tokens);
  }
  return value.map((item, index) => {
    const param = childParam("input", index);
    if (typeof item === "number" || Array.isArray(item)) throw invalidValue(param, tokens);
    if (typeof item !== "string") throw wrongType(param, "a string", item);
    if (!item) throw invalidValue(param, "Gemini cannot embed an empty string.");
    return item;
  });
}

function readInputValue(input: unknown): string | unknown[] {
  if (input === undefined || input === null) throw missing("input");
  if (typeof input !== "string" && !Array.isArray(input)) {
    throw wrongType("input", "a string or an array of strings", input);
  }
  return input;
}

function readEncodingFormat(value: unknown): EncodingFormat {
  const format = optional(value, "encoding_format", readString) ?? "float";
  if (format === "float" || format === "base64") return format;
  throw invalidValue(
    "encoding_format",
    `expected "float" or "base64", but got ${excerpt(JSON.stringify(format))} instead.`,
  );
}

function readTaskType(field: Field | undefined): string | undefined {
  if (!field) return undefined;
  const name = readString(field.value, field.param).trim().toUpperCase();
  if (TASK_TYPES.includes(name)) return name;
  throw invalidValue(
    field.param,
    `expected one of ${TASK_TYPES.join(", ")} (any case), but got ` +
      `${excerpt(JSON.stringify(field.value))} instead.`,
  );
}
