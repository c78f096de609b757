/**
 * The client's Gemini API key, from any of the places clients put it.
 * @module
 */

import { GatewayError } from "../core/errors.ts";

/** The longest key accepted; Gemini's keys have 39 characters. */
export const MAX_API_KEY_LENGTH = 512;

/** Printable ASCII without spaces: what can travel in an HTTP header unchanged. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * The credential from `Authorization: Bearer …` (or a bare key in `Authorization`),
 * `x-goog-api-key`, Anthropic-style `x-api-key`, Azure-style `api-key`, or `?key=`, in that
 * order; `undefined` when there is none. The
 * result is not validated: see {@linkcode apiKeyOf}.
 */
export function presentedKey(request: Request): string | undefined {
  const authorization = request.headers.get("authorization")?.trim();
  const bearer = /^Bearer\b/i.test(authorization ?? "")
    ? authorization?.slice("Bearer".length).trim()
    : authorization && !/\s/.test(authorization)
    ? authorization
    : undefined;
  return bearer || request.headers.get("x-goog-api-key")?.trim() ||
    request.headers.get("x-api-key")?.trim() || request.headers.get("api-key")?.trim() ||
    new URL(request.url).searchParams.get("key")?.trim() || undefined;
}

/**
 * The client's key, from the places {@linkcode presentedKey} reads. Throws a 401 when there is
 * none, or when it is not at most {@linkcode MAX_API_KEY_LENGTH} printable ASCII characters
 * without spaces (the message never quotes it).
 */
export function apiKeyOf(request: Request): string {
  const key = presentedKey(request);
  if (!key) {
    throw new GatewayError(
      401,
      "You didn't provide an API key. Send your Gemini API key as 'Authorization: Bearer YOUR_KEY' " +
        "(or in an 'x-goog-api-key' header).",
      "invalid_request_error",
      null,
      "missing_api_key",
    );
  }
  if (key.length > MAX_API_KEY_LENGTH || !HEADER_SAFE.test(key)) {
    throw new GatewayError(
      401,
      `The API key you provided is malformed: a key is at most ${MAX_API_KEY_LENGTH} printable ` +
        "ASCII characters, without spaces or control characters.",
      "invalid_request_error",
      null,
      "invalid_api_key",
    );
  }
  return key;
}
