/**
 * A function tool, as every dialect describes one (a name, a description and a JSON Schema for
 * its arguments) → a Gemini `FunctionDeclaration`.
 *
 * The schema is sent as `parametersJsonSchema` with references inlined, or converted to the proto
 * `parameters` for models without JSON Schema support ({@linkcode supportsJsonSchema}).
 * @module
 */

import type { FunctionDeclaration } from "../gemini/types.ts";
import { invalidValue } from "../http/fields.ts";
import { excerpt } from "./excerpt.ts";
import { inlineRefs, supportsJsonSchema, toProtoSchema } from "./json_schema.ts";

/** A function tool in neutral form. */
export interface FunctionSpec {
  name: string;
  description?: string;
  /** The JSON Schema of the arguments. */
  parameters?: Record<string, unknown>;
}

/** The request fields a function tool's name and schema came from, for 400 errors. */
export interface FunctionSpecParams {
  name: string;
  parameters: string;
}

/** Gemini's rule for function names. */
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

/** Converts `spec` for `model` (without `models/`); a bad name is a 400 at `params.name`. */
export function toFunctionDeclaration(
  spec: FunctionSpec,
  params: FunctionSpecParams,
  model: string,
): FunctionDeclaration {
  const { name, description, parameters } = spec;
  if (!FUNCTION_NAME.test(name)) {
    throw invalidValue(
      params.name,
      `'${
        excerpt(name)
      }' is not a valid function name: it must start with a letter or an underscore and contain only letters, digits, underscores, dots, colons and dashes, at most 64 characters.`,
    );
  }
  const declaration: FunctionDeclaration = { name };
  if (description) declaration.description = description;
  if (parameters && Object.keys(parameters).length > 0) {
    if (supportsJsonSchema(model)) {
      declaration.parametersJsonSchema = inlineRefs(parameters, params.parameters);
    } else {
      declaration.parameters = toProtoSchema(parameters, params.parameters);
    }
  }
  return declaration;
}
