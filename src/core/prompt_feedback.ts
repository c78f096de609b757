/**
 * What an answer says when Gemini blocked the prompt itself (no candidates).
 * @module
 */

import type { PromptFeedback } from "../gemini/types.ts";

/** What an answer to a blocked prompt says, or `undefined` when the prompt was not blocked. */
export function blockedPromptText(feedback: PromptFeedback | undefined): string | undefined {
  if (!feedback?.blockReason) return undefined;
  const detail = feedback.blockReasonMessage ? ` ${feedback.blockReasonMessage}` : "";
  return `The prompt was blocked by Gemini (reason: ${feedback.blockReason}).${detail}`;
}
