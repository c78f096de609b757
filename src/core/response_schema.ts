/**
 * Structured output: a JSON Schema the answer must follow → Gemini's `generationConfig` fields.
 * @module
 */

import type { GenerationConfig } from "../gemini/types.ts";
import { inlineRefs, supportsJsonSchema, toProtoSchema } from "./json_schema.ts";

/**
 * JSON output for `model` (without `models/`): `responseJsonSchema` (references inlined), or the
 * proto `responseSchema` for models without JSON Schema support; without a schema, JSON mode
 * only. `param` names the schema's field in 400 errors.
 */
export function toJsonOutput(
  schema: Record<string, unknown> | undefined,
  param: string,
  model: string,
): GenerationConfig {
  if (schema === undefined) return { responseMimeType: "application/json" };
  return supportsJsonSchema(model)
    ? { responseMimeType: "application/json", responseJsonSchema: inlineRefs(schema, param) }
    : { responseMimeType: "application/json", responseSchema: toProtoSchema(schema, param) };
}
