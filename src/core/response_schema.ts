/**
 * A JSON Schema for the answer → Gemini's JSON output settings.
 * @module
 */

import type { GenerationConfig } from "../gemini/types.ts";
import { inlineRefs, supportsJsonSchema, toProtoSchema } from "./json_schema.ts";

/**
 * `responseMimeType: application/json` with the schema as `responseJsonSchema` (references
 * inlined) or the proto `responseSchema`; JSON mode only when `schema` is undefined.
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
