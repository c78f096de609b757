/**
 * Gemini's token accounting as OpenAI's `usage`.
 * @module
 */

import type { UsageMetadata } from "../../gemini/types.ts";
import type { CompletionUsage } from "../types.ts";

/**
 * The `usage` of a completion; absent counts are 0.
 *
 * Prompt tokens include the tool-use prompt (search results Gemini read) and completion tokens
 * include thoughts, so that `total_tokens` is their sum and equals Gemini's `totalTokenCount`.
 */
export function toUsage(usage: UsageMetadata | undefined): CompletionUsage {
  const prompt = (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0);
  const reasoning = usage?.thoughtsTokenCount ?? 0;
  const completion = (usage?.candidatesTokenCount ?? 0) + reasoning;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: usage?.cachedContentTokenCount ?? 0 },
    completion_tokens_details: { reasoning_tokens: reasoning },
  };
}
