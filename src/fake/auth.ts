/**
 * How the fake Gemini judges API keys: any key is valid except those starting with `invalid`.
 * @module
 */

/** The verdict on a request's credential. */
export type KeyCheck = "ok" | "missing" | "invalid";

/** Judges `key` (from `x-goog-api-key`, `?key=` or an ephemeral token). */
export function checkKey(key: string | null | undefined): KeyCheck {
  if (!key) return "missing";
  return key.startsWith("invalid") ? "invalid" : "ok";
}

/** The key a request carries, in the places the real API reads it from. */
export function requestKey(request: Request): string | null {
  const url = new URL(request.url);
  return request.headers.get("x-goog-api-key") ?? url.searchParams.get("key") ??
    url.searchParams.get("access_token") ??
    request.headers.get("authorization")?.replace(/^(Token|Bearer)\s+/i, "") ?? null;
}
