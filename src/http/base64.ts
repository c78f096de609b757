/**
 * Base64 as clients send it: standard or URL-safe alphabet.
 * @module
 */

/** Decodes `base64` in whichever alphabet it is written; throws a `SyntaxError` if malformed. */
export function decodeBase64(base64: string): Uint8Array {
  return Uint8Array.fromBase64(base64, { alphabet: /[-_]/.test(base64) ? "base64url" : "base64" });
}
