/**
 * Why a turn ended, read from Gemini's finish reason in the terms every dialect maps from.
 * @module
 */

import type { FinishReason } from "../gemini/types.ts";

/**
 * Why a turn ended: it finished, hit the token limit, made tool calls, or was stopped on policy
 * grounds. The names are OpenAI's; other dialects map them to theirs.
 */
export type StopReason = "stop" | "length" | "tool_calls" | "content_filter";

/** Reasons for which Gemini withheld or cut the answer on policy grounds. */
const FILTERED: ReadonlySet<string> = new Set([
  "SAFETY",
  "RECITATION",
  "LANGUAGE",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "IMAGE_RECITATION",
]);

/**
 * The stop reason of a turn.
 *
 * A turn that produced a tool call ends with `tool_calls`, whatever Gemini said (it says `STOP`,
 * often in a later chunk). `MAX_TOKENS` is `length`; policy stops are `content_filter`; everything
 * else, including `MALFORMED_FUNCTION_CALL` and its kin (no usable call was produced), is `stop`.
 */
export function toFinishReason(
  reason: FinishReason | string | undefined,
  hasToolCalls: boolean,
): StopReason {
  if (hasToolCalls) return "tool_calls";
  if (reason === "MAX_TOKENS") return "length";
  if (reason !== undefined && FILTERED.has(reason)) return "content_filter";
  return "stop";
}
