/**
 * Every failure becomes one {@linkcode GatewayError}, which each dialect answers in its own error
 * shape.
 *
 * Its `type` and `code` use OpenAI's vocabulary (`invalid_request_error`, `rate_limit_error`…),
 * the most detailed of the dialects'; the others derive theirs from the status. Upstream Gemini
 * errors are mapped to the status a client expects; their raw bodies are never passed through.
 * @module
 */

import type { GeminiErrorBody } from "../gemini/types.ts";
import {
  classifyGeminiError,
  errorReasons,
  type GeminiFailure,
  retryDelayMs,
} from "./gemini_failure.ts";
import { redactCredentials } from "./redact.ts";

/** A failure with the HTTP status and error fields to answer it with. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string = "invalid_request_error",
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GatewayError";
  }

  /** For an error Gemini answered: what it says about the key that made the call. */
  failure?: GeminiFailure;
}

/** A 400 for the client's mistake, naming the offending parameter. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  code?: string,
): GatewayError {
  return new GatewayError(400, message, "invalid_request_error", param, code ?? null);
}

/** `error` as a {@linkcode GatewayError}; anything else is logged and becomes a 500. */
export function asGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  console.error("unexpected failure:", error);
  return new GatewayError(500, "The gateway failed unexpectedly.", "server_error");
}

/** Reads a Gemini error body, which may also come wrapped in an array (`[{"error":…}]`). */
function parseGeminiError(text: string): GeminiErrorBody["error"] | undefined {
  try {
    let body = JSON.parse(text);
    if (Array.isArray(body)) body = body[0];
    const error = body?.error;
    if (error && typeof error === "object") return error;
  } catch {
    // Not JSON: the caller reports the status alone.
  }
  return undefined;
}

/** Seconds to wait, from a `google.rpc.RetryInfo` detail's `retryDelay` such as `"26s"`. */
function retryAfter(error: GeminiErrorBody["error"]): string | undefined {
  const delay = retryDelayMs(error);
  return delay === undefined ? undefined : String(Math.ceil(delay / 1000));
}

function isInvalidKey(error: GeminiErrorBody["error"]): boolean {
  return errorReasons(error).includes("API_KEY_INVALID");
}

/**
 * Maps a Gemini error (HTTP status and body text) to the error an OpenAI client expects.
 *
 * 400 `API_KEY_INVALID` → 401; 400/403/404 kept; 429 → 429 with `Retry-After`; 500 → 502;
 * 503 → 503; 504 → 504; anything else of 5xx → 502. The result carries the error's
 * {@linkcode GeminiFailure} for the key pool. Google API keys and `secrets` (the key the request
 * came with) are removed from the message.
 */
export function fromGeminiError(
  status: number,
  bodyText: string,
  secrets: readonly string[] = [],
): GatewayError {
  const error = parseGeminiError(bodyText);
  const mapped = mapGeminiError(status, error, secrets);
  mapped.failure = classifyGeminiError(status, error);
  return mapped;
}

function mapGeminiError(
  status: number,
  error: GeminiErrorBody["error"] | undefined,
  secrets: readonly string[],
): GatewayError {
  const text = typeof error?.message === "string" ? error.message.trim() : "";
  const message = redactCredentials(text, secrets) ||
    `Gemini answered with HTTP ${status} and no error message.`;
  const code = typeof error?.status === "string" ? error.status.toLowerCase() : null;
  if (error && status === 400 && isInvalidKey(error)) {
    return new GatewayError(401, message, "invalid_request_error", null, "invalid_api_key");
  }
  if (status === 429) {
    const delay = error && retryAfter(error);
    return new GatewayError(
      429,
      message,
      "rate_limit_error",
      null,
      "rate_limit_exceeded",
      delay ? { "retry-after": delay } : {},
    );
  }
  if (status === 404) {
    const missingModel = /\bmodels\//.test(message);
    return new GatewayError(
      404,
      message,
      "invalid_request_error",
      null,
      missingModel ? "model_not_found" : code,
    );
  }
  if (status === 401 || status === 403) {
    return new GatewayError(status, message, "permission_error", null, code);
  }
  if (status === 503 || status === 504) {
    return new GatewayError(status, message, "api_error", null, code);
  }
  if (status >= 500) return new GatewayError(502, message, "api_error", null, code);
  return new GatewayError(
    status >= 400 ? status : 502,
    message,
    "invalid_request_error",
    null,
    code,
  );
}
