/**
 * Errors in Ollama's shape: the HTTP status and `{"error": "…"}`, also the last line of a stream
 * that failed after it began.
 * @module
 */

import { asGatewayError, GatewayError } from "../core/errors.ts";
import { excerpt } from "../core/excerpt.ts";
import type { ErrorResponse } from "./types.ts";

/** The body Ollama clients expect for `error`. */
export function ollamaErrorBody(error: GatewayError): ErrorResponse {
  return { error: error.message };
}

/** Answers `error` in Ollama's shape; anything that is not a `GatewayError` is a 500. */
export function ollamaErrorResponse(error: unknown): Response {
  const failure = asGatewayError(error);
  return Response.json(ollamaErrorBody(failure), {
    status: failure.status,
    headers: failure.headers,
  });
}

/**
 * `error` as Ollama words an unknown model (404 `model '<name>' not found`) when Gemini said the
 * model does not exist; any other error as it is.
 */
export function asModelNotFound(error: unknown, name: string): unknown {
  if (!(error instanceof GatewayError) || error.code !== "model_not_found") return error;
  return modelNotFound(name);
}

/**
 * `error` as Ollama words a failure of the model `name` at `task` (`chat`, `generate`,
 * `embeddings`). Gemini answers a method a model lacks (an embedding model asked to chat) the way
 * it answers a model it does not have, so `lookup` (Gemini's description of the model) tells the
 * two apart: a model Gemini has is Ollama's 400 `"<name>" does not support <task>`, any other
 * Ollama's 404. Errors other than a missing model are returned as they are.
 */
export async function asModelFailure(
  error: unknown,
  name: string,
  task: string,
  lookup: () => Promise<unknown>,
): Promise<unknown> {
  if (!(error instanceof GatewayError) || error.code !== "model_not_found") return error;
  try {
    await lookup();
  } catch {
    return modelNotFound(name);
  }
  return unsupported(name, task);
}

/** Ollama's 400 for a model that cannot do `task` (`chat`, `generate`, `embeddings`). */
export function unsupported(name: string, task: string): GatewayError {
  return new GatewayError(
    400,
    `"${excerpt(name)}" does not support ${task}`,
    "invalid_request_error",
    "model",
    "model_not_supported",
  );
}

/** Ollama's 404 for a model it does not have. */
export function modelNotFound(name: string): GatewayError {
  return new GatewayError(
    404,
    `model '${excerpt(name)}' not found`,
    "invalid_request_error",
    "model",
    "model_not_found",
  );
}
