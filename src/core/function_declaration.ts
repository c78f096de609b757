/**
 * A function tool's name, description and JSON Schema → a Gemini `FunctionDeclaration`.
 * @module
 */

import { excerpt } from "./excerpt.ts";
import type { FunctionDeclaration } from "../gemini/types.ts";
import { invalidValue } from "../http/fields.ts";
import { inlineRefs, supportsJsonSchema, toProtoSchema } from "./json_schema.ts";

/** Gemini's rule for function names. */
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

/**
 * The declaration of `spec` for `model`: the name checked against Gemini's rule, the schema as
 * `parametersJsonSchema` (references inlined) or the proto `parameters`. `params` name the
 * fields in 400s.
 */
export function toFunctionDeclaration(
  spec: { name: string; description?: string; parameters?: Record<string, unknown> },
  params: { name: string; parameters: string },
  model: string,
): FunctionDeclaration {
  if (!FUNCTION_NAME.test(spec.name)) {
    throw invalidValue(
      params.name,
      `'${
        excerpt(spec.name)
      }' is not a valid function name: it must start with a letter or an underscore and contain only letters, digits, underscores, dots, colons and dashes, at most 64 characters.`,
    );
  }
  const declaration: FunctionDeclaration = { name: spec.name };
  if (spec.description) declaration.description = spec.description;
  if (spec.parameters && Object.keys(spec.parameters).length > 0) {
    if (supportsJsonSchema(model)) {
      declaration.parametersJsonSchema = inlineRefs(spec.parameters, params.parameters);
    } else {
      declaration.parameters = toProtoSchema(spec.parameters, params.parameters);
    }
  }
  return declaration;
}
