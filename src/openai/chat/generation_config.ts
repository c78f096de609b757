/**
 * OpenAI sampling and output parameters → Gemini `generationConfig`.
 *
 * Ranges are checked like OpenAI checks them; `stop` allows at most 5 sequences (Gemini's
 * limit) and `seed` must fit Gemini's 32-bit integer. `top_k: 0` means no top-k. Penalties are
 * checked, then sent only to legacy models: Gemini 2.5 and later answer any penalty with a 400.
 * `response_format` `json_schema` sends the schema through {@linkcode toJsonOutput}.
 * @module
 */

import { toStopSequences } from "../../core/stop_sequences.ts";
import { excerpt } from "../../core/excerpt.ts";
import type { GenerationConfig } from "../../gemini/types.ts";
import {
  childParam,
  fieldOf,
  invalidValue,
  optional,
  readArray,
  readBoolean,
  readInteger,
  readNumber,
  readRecord,
  readString,
} from "../../http/fields.ts";
import { toJsonOutput } from "../../core/response_schema.ts";
import { modelFamily } from "../../core/model_family.ts";

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** The `generationConfig` for the parameters of `body`, sent to `model` (without `models/`). */
export function toGenerationConfig(
  body: Record<string, unknown>,
  model: string,
): GenerationConfig {
  const number = (key: string, min: number, max: number) =>
    optional(body[key], key, (value, param) => readNumber(value, param, { min, max }));
  const integer = (key: string, min: number, max?: number) =>
    optional(body[key], key, (value, param) => readInteger(value, param, { min, max }));
  const penalty = (key: string) => {
    const value = number(key, -2, 2);
    return modelFamily(model) === "legacy" ? value : undefined;
  };

  const values: GenerationConfig = {
    temperature: number("temperature", 0, 2),
    topP: number("top_p", 0, 1),
    topK: integer("top_k", 0) || undefined,
    maxOutputTokens: integer("max_completion_tokens", 1) ?? integer("max_tokens", 1),
    stopSequences: toStopSequences(body.stop, "stop", { string: true }),
    candidateCount: integer("n", 1),
    presencePenalty: penalty("presence_penalty"),
    frequencyPenalty: penalty("frequency_penalty"),
    seed: integer("seed", INT32.min, INT32.max),
    ...logprobs(body),
    ...responseFormat(body.response_format ?? undefined, model),
  };
  const config: Record<string, unknown> = {};
  for (const key in values) {
    const value = values[key as keyof GenerationConfig];
    if (value !== undefined) config[key] = value;
  }
  return config as GenerationConfig;
}

function logprobs(body: Record<string, unknown>): GenerationConfig {
  const enabled = optional(body.logprobs, "logprobs", readBoolean);
  const top = optional(
    body.top_logprobs,
    "top_logprobs",
    (value, param) => readInteger(value, param, { min: 0, max: 20 }),
  );
  if (top !== undefined && enabled !== true) {
    throw invalidValue("top_logprobs", "top_logprobs requires logprobs to be true.");
  }
  if (!enabled) return {};
  return top ? { responseLogprobs: true, logprobs: top } : { responseLogprobs: true };
}

function responseFormat(value: unknown, model: string): GenerationConfig {
  if (value === undefined) return {};
  const format = readRecord(value, "response_format");
  const type = readString(format.type, "response_format.type");
  switch (type) {
    case "text":
      return {};
    case "json_object":
      return { responseMimeType: "application/json" };
    case "json_schema": {
      const jsonSchema = readRecord(format.json_schema, "response_format.json_schema");
      const schema = fieldOf(jsonSchema, "schema", "response_format.json_schema");
      return toJsonOutput(optional(schema.value, schema.param, readRecord), schema.param, model);
    }
    default:
      throw invalidValue(
        "response_format.type",
        `unknown type '${excerpt(type)}'; expected text, json_object or json_schema.`,
      );
  }
}

/** Reads a list of output modalities (`["TEXT", "IMAGE"]`), named `param` in errors. */
export function toResponseModalities(value: unknown, param: string): string[] {
  return readArray(value, param).map((item, index) =>
    readString(item, childParam(param, index)).toUpperCase()
  );
}
