/**
 * Removing credentials from text the gateway passes on, such as Gemini's error messages.
 * @module
 */

/** What a Google API key looks like: `AIza` and 35 more URL-safe base64 characters. */
const GOOGLE_API_KEY = /AIza[0-9A-Za-z_-]{35}/g;

/** Secrets shorter than this are not searched for: they would match ordinary words. */
const MIN_SECRET_LENGTH = 8;

/** What a removed credential is replaced with. */
export const REDACTED = "[redacted]";

/**
 * `text` with every Google API key, and every occurrence of one of `secrets` (e.g. the key the
 * request came with), replaced by {@linkcode REDACTED}.
 */
export function redactCredentials(text: string, secrets: readonly string[] = []): string {
  let redacted = text.replace(GOOGLE_API_KEY, REDACTED);
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) redacted = redacted.replaceAll(secret, REDACTED);
  }
  return redacted;
}
