/**
 * The Gemini model a request names.
 *
 * Many clients send an OpenAI model name they were built around (`gpt-4o-mini` for titles,
 * `text-embedding-3-small` for RAG); those are answered by the configured default model. Names
 * written for routers that serve several providers (`google/gemini-2.5-flash` for OpenRouter,
 * `gemini/gemini-2.5-flash` for LiteLLM) are read without the provider.
 * @module
 */

import { invalidValue, wrongType } from "../http/fields.ts";

/** OpenAI chat model names: `gpt-…`, `chatgpt-…`, `o1…`, `o3…`, `o4…`. */
export const OPENAI_CHAT_MODELS = /^(gpt-|chatgpt-|o[134](-|$))/;

/** OpenAI embedding model names: `text-embedding-…`. */
export const OPENAI_EMBEDDING_MODELS = /^text-embedding-/;

/** A Gemini resource name without its `models/` prefix: the model id. */
export function modelId(name: string): string {
  return name.replace(/^models\//, "");
}

/** The provider prefixes router configurations write before a model id (`google/gemini-…`). */
const PROVIDER_PREFIX = /^(google|gemini|openai)\//;

/**
 * The model id named by `value` (the request's `model`), without a provider prefix (`google/`,
 * `gemini/`, `openai/`) or `models/`: `fallback` when there is none or it matches
 * `openaiNames`. Anything that is not a model id is a 400.
 */
export function readModelName(value: unknown, fallback: string, openaiNames: RegExp): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string") throw wrongType("model", "a string", value);
  const model = modelId(value.trim().replace(PROVIDER_PREFIX, ""));
  if (openaiNames.test(model)) return fallback;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(model)) {
    throw invalidValue("model", `'${value}' is not a valid Gemini model name.`);
  }
  return model;
}
