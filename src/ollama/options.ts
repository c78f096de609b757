/**
 * Ollama `options` → Gemini `generationConfig`.
 *
 * | Option | Gemini |
 * |---|---|
 * | `temperature` (0–2) | `temperature` |
 * | `top_p` (0–1) | `topP` |
 * | `top_k` (0: none) | `topK` |
 * | `num_predict` (≤ 0: no limit) | `maxOutputTokens` |
 * | `stop` (a string or strings) | `stopSequences`: the first 5 (Gemini's limit; Ollama takes any number, and Continue's autocomplete sends more) |
 * | `seed` (32-bit) | `seed` |
 * | `presence_penalty`, `frequency_penalty` (−2–2) | sent to legacy models only: Gemini 2.5 and later refuse penalties |
 *
 * Every other option (`num_ctx`, `repeat_penalty`, `min_p`, `num_gpu`…) tunes a local runner;
 * it is accepted and ignored, as Ollama ignores options a model does not know.
 * @module
 */

import { toStopSequences } from "../core/stop_sequences.ts";
import type { GenerationConfig } from "../gemini/types.ts";
import { modelFamily } from "../core/model_family.ts";
import { childParam, optional, readInteger, readNumber, readRecord } from "../http/fields.ts";

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** The `generationConfig` for the request's `options`, sent to `model` (an id). */
export function toGenerationConfig(options: unknown, model: string): GenerationConfig {
  const record = optional(options, "options", readRecord) ?? {};
  const param = (key: string) => childParam("options", key);
  const number = (key: string, min: number, max: number) =>
    optional(record[key], param(key), (value, at) => readNumber(value, at, { min, max }));
  const integer = (key: string, range: { min?: number; max?: number } = {}) =>
    optional(record[key], param(key), (value, at) => readInteger(value, at, range));
  const penalty = (key: string) => {
    const value = number(key, -2, 2);
    return modelFamily(model) === "legacy" ? value : undefined;
  };
  const predict = integer("num_predict");
  const config: GenerationConfig = {
    temperature: number("temperature", 0, 2),
    topP: number("top_p", 0, 1),
    topK: integer("top_k", { min: 0 }) || undefined,
    maxOutputTokens: predict !== undefined && predict > 0 ? predict : undefined,
    stopSequences: toStopSequences(record.stop, "options.stop", { string: true, cut: true }),
    seed: integer("seed", INT32),
    presencePenalty: penalty("presence_penalty"),
    frequencyPenalty: penalty("frequency_penalty"),
  };
  return Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined),
  ) as GenerationConfig;
}
