/**
 * Tool call ids that carry Gemini's thought signature.
 *
 * Gemini 3 rejects a conversation whose function calls lost the `thoughtSignature` the model
 * returned with them. Clients that keep only the standard fields still send back each tool
 * call's `id`, so the signature rides inside it: `call_<random>_ts_<base64url signature>` (with
 * Anthropic's prefix, `toolu_<random>_ts_<base64url signature>`).
 * The id uses only `[A-Za-z0-9_-]`, so it survives clients that restrict id characters, and no
 * server memory is needed: any instance can read it back.
 * @module
 */

import { decodeBase64 } from "../http/base64.ts";

const SEPARATOR = "_ts_";

/** The prefixes of the ids this module writes: OpenAI's `call_`, Anthropic's `toolu_`. */
const PREFIXES = ["call_", "toolu_"] as const;

/** A tool call id's prefix: {@linkcode PREFIXES}. */
export type ToolCallIdPrefix = typeof PREFIXES[number];

/**
 * The placeholder Gemini documents for function calls whose signature is unknown; it skips the
 * signature check instead of failing the request.
 */
export const SKIP_THOUGHT_SIGNATURE = "skip_thought_signature_validator";

/**
 * A fresh tool call id starting with `prefix`, carrying `signature` (standard or URL-safe base64)
 * when given and well-formed.
 */
export function encodeToolCallId(signature?: string, prefix: ToolCallIdPrefix = "call_"): string {
  const id = `${prefix}${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
  if (!signature) return id;
  try {
    const bytes = decodeBase64(signature);
    return `${id}${SEPARATOR}${bytes.toBase64({ alphabet: "base64url", omitPadding: true })}`;
  } catch {
    return id;
  }
}

/** The thought signature carried by `id` (standard base64), if it carries one. */
export function decodeToolCallId(id: string): string | undefined {
  const at = id.indexOf(SEPARATOR);
  if (!PREFIXES.some((prefix) => id.startsWith(prefix)) || at < 0) return undefined;
  try {
    return Uint8Array.fromBase64(id.slice(at + SEPARATOR.length), { alphabet: "base64url" })
      .toBase64();
  } catch {
    return undefined;
  }
}
