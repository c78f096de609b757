/**
 * Errors in OpenAI's envelope: `{"error":{"message","type","param","code"}}`.
 * @module
 */

import { asGatewayError, type GatewayError } from "../core/errors.ts";
import type { ErrorResponse } from "./types.ts";

/** The body OpenAI clients expect for `error`. */
export function openaiErrorBody(error: GatewayError): ErrorResponse {
  return {
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  };
}

/** Answers `error` in OpenAI's envelope; anything that is not a `GatewayError` is a 500. */
export function openaiErrorResponse(error: unknown): Response {
  const failure = asGatewayError(error);
  return Response.json(openaiErrorBody(failure), {
    status: failure.status,
    headers: failure.headers,
  });
}
