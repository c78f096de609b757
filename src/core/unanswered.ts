/**
 * What an answer says when Gemini ended the turn without one for a reason of its own (a malformed
 * function call, an unexpected tool call, `OTHER`…), instead of saying nothing.
 * @module
 */

import type { FinishReason } from "../gemini/types.ts";
import { toFinishReason } from "./finish_reason.ts";

/**
 * The text of an empty answer that Gemini ended with `reason` (and `message`, its
 * `finishMessage`), or `undefined` when the reason needs no words: a normal stop, the token limit
 * or a policy stop (each has its own stop reason).
 */
export function unansweredText(
  reason: FinishReason | string | undefined,
  message: string | undefined,
): string | undefined {
  if (!reason || reason === "STOP" || toFinishReason(reason, false) !== "stop") return undefined;
  const detail = message ? ` ${message}` : "";
  return `Gemini ended the turn without an answer (reason: ${reason}).${detail}`;
}
