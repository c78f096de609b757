/**
 * The model an Ollama request names (`gemini-3.8-flash:latest`, any tag or none), and the name
 * its answer carries.
 * @module
 */

import { type ModelAliases, type ResolvedModel, resolveModel } from "../core/model_name.ts";

/** The model that answers, and the name the answer shows. */
export interface OllamaModel extends ResolvedModel {
  /**
   * The name as the request gave it (Ollama echoes it), or the id of the model that answers when
   * another one does, or when the request named none.
   */
  name: string;
}

/**
 * Resolves `value` (the request's `model` or `name`) like every dialect does (`resolveModel`,
 * which reads a tag away).
 */
export function resolveOllamaModel(
  value: unknown,
  fallback: string,
  foreignNames: RegExp,
  aliases: ModelAliases,
): OllamaModel {
  const resolved = resolveModel(value, fallback, foreignNames, aliases);
  const given = typeof value === "string" ? value.trim() : "";
  const name = given && resolved.requested === undefined ? given : resolved.model;
  return { ...resolved, name };
}
