/**
 * Ollama's `format` → Gemini's structured output: `"json"` is JSON mode, an object is a JSON
 * Schema the answer follows (`core/response_schema.ts`); absent or `""` is plain text.
 * @module
 */

import { toJsonOutput } from "../core/response_schema.ts";
import type { GenerationConfig } from "../gemini/types.ts";
import { invalidValue, isRecord, wrongType } from "../http/fields.ts";

/** The `generationConfig` fields for `format`, sent to `model` (an id). */
export function toOutputFormat(format: unknown, model: string): GenerationConfig {
  if (format === undefined || format === null || format === "") return {};
  if (format === "json") return toJsonOutput(undefined, "format", model);
  if (isRecord(format)) return toJsonOutput(format, "format", model);
  if (typeof format === "string") {
    throw invalidValue("format", 'expected "json" or a JSON Schema object.');
  }
  throw wrongType("format", '"json" or a JSON Schema object', format);
}
