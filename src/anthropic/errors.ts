/**
 * Errors in Anthropic's envelope: `{"type":"error","error":{"type","message"}}`, with the status
 * and error type Anthropic's clients expect.
 *
 * | Status | Type |
 * |---|---|
 * | 400, 405, 422 | `invalid_request_error` |
 * | 401 | `authentication_error` |
 * | 403 | `permission_error` |
 * | 404 | `not_found_error` |
 * | 413 | `request_too_large` |
 * | 429 | `rate_limit_error` (with `retry-after` when Gemini tells) |
 * | 503 | `overloaded_error`, answered as Anthropic's 529 |
 * | 504 | `timeout_error` |
 * | other 5xx | `api_error` |
 *
 * Gemini's context overflow ("The input token count (N) exceeds the maximum number of tokens
 * allowed (M)") is worded as Anthropic words it, "prompt is too long: N tokens > M maximum",
 * which Claude Code's recovery matches on.
 * @module
 */

import { asGatewayError, type GatewayError } from "../core/errors.ts";
import type { AnthropicErrorType, ErrorResponse } from "./types.ts";

/** The status Anthropic answers an overloaded service with. */
export const OVERLOADED_STATUS = 529;

const TYPES: Record<number, AnthropicErrorType> = {
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  503: "overloaded_error",
  504: "timeout_error",
};

const TOO_LONG = /input token count\D*(\d+)\D+?(\d+)/i;

/** The Anthropic error type of a failure answered with `status`. */
export function anthropicErrorType(status: number): AnthropicErrorType {
  return TYPES[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
}

/** `message` as Anthropic words it: a context overflow as "prompt is too long: …". */
export function anthropicMessage(message: string): string {
  const tooLong = TOO_LONG.exec(message);
  return tooLong ? `prompt is too long: ${tooLong[1]} tokens > ${tooLong[2]} maximum` : message;
}

/** The body Anthropic clients expect for `error`. */
export function anthropicErrorBody(error: GatewayError): ErrorResponse {
  return {
    type: "error",
    error: { type: anthropicErrorType(error.status), message: anthropicMessage(error.message) },
  };
}

/** Answers `error` in Anthropic's envelope; anything that is not a `GatewayError` is a 500. */
export function anthropicErrorResponse(error: unknown): Response {
  const failure = asGatewayError(error);
  return Response.json(anthropicErrorBody(failure), {
    status: failure.status === 503 ? OVERLOADED_STATUS : failure.status,
    headers: failure.headers,
  });
}
