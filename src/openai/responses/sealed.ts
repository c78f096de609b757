/**
 * What the gateway hands the client to send back, in `encrypted_content`: a Gemini thought
 * signature (in `reasoning` items) or a conversation summary (in `compaction` items).
 *
 * It is sealed, not encrypted: base64url JSON behind a version prefix, so that no server state
 * is needed and any instance reads it back. A client could only alter its own conversation;
 * Gemini checks its signatures itself. Content the gateway did not seal (another server's, or
 * garbage) reads as nothing.
 * @module
 */

const PREFIX = "gw1.";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What a sealed `encrypted_content` carries. */
export interface Sealed {
  /** A Gemini thought signature (standard base64). */
  signature?: string;
  /** A summary of the conversation it replaces. */
  summary?: string;
}

/** Seals `value` as an `encrypted_content` string. */
export function seal(value: Sealed): string {
  const json = encoder.encode(JSON.stringify(value));
  return PREFIX + json.toBase64({ alphabet: "base64url", omitPadding: true });
}

/** What `content` carries, if the gateway sealed it. */
export function unseal(content: unknown): Sealed {
  if (typeof content !== "string" || !content.startsWith(PREFIX)) return {};
  try {
    const bytes = Uint8Array.fromBase64(content.slice(PREFIX.length), { alphabet: "base64url" });
    const value = JSON.parse(decoder.decode(bytes));
    const sealed: Sealed = {};
    if (typeof value?.signature === "string") sealed.signature = value.signature;
    if (typeof value?.summary === "string") sealed.summary = value.summary;
    return sealed;
  } catch {
    return {};
  }
}
