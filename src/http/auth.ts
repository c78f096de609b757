/**
 * The client's Gemini API key, from any of the places clients put it.
 * @module
 */

import { OpenAIError } from "../errors.ts";

/**
 * The key from `Authorization: Bearer …`, `x-goog-api-key` or `?key=`, in that order.
 * Throws a 401 when there is none.
 */
export function apiKeyOf(request: Request): string {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const key = bearer || request.headers.get("x-goog-api-key")?.trim() ||
    new URL(request.url).searchParams.get("key")?.trim();
  if (key) return key;
  throw new OpenAIError(
    401,
    "You didn't provide an API key. Send your Gemini API key as 'Authorization: Bearer YOUR_KEY' " +
      "(or in an 'x-goog-api-key' header).",
    "invalid_request_error",
    null,
    "missing_api_key",
  );
}
