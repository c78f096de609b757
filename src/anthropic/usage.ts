/**
 * Gemini's token accounting as Anthropic's `usage`, and its stop reasons.
 * @module
 */

import { toFinishReason } from "../core/finish_reason.ts";
import type { FinishReason, UsageMetadata } from "../gemini/types.ts";
import type { StopReason, Usage } from "./types.ts";

/**
 * The `usage` of a message; absent counts are 0.
 *
 * Anthropic's `input_tokens` leaves out what was read from the cache, which
 * `cache_read_input_tokens` counts: the prompt (with the tool-use prompt of search results) minus
 * Gemini's cached tokens. `output_tokens` includes thoughts, which
 * `output_tokens_details.thinking_tokens` counts.
 */
export function toUsage(usage: UsageMetadata | undefined): Usage {
  const cached = usage?.cachedContentTokenCount ?? 0;
  const prompt = (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0);
  const thoughts = usage?.thoughtsTokenCount ?? 0;
  return {
    input_tokens: Math.max(0, prompt - cached),
    output_tokens: (usage?.candidatesTokenCount ?? 0) + thoughts,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
    output_tokens_details: { thinking_tokens: thoughts },
  };
}

const STOP_REASONS = {
  stop: "end_turn",
  length: "max_tokens",
  tool_calls: "tool_use",
  content_filter: "refusal",
} as const;

/**
 * The stop reason of a turn: `tool_use` when it made a call, `max_tokens`, `refusal` for policy
 * stops, else `end_turn`. Gemini does not say whether a stop sequence ended the text, so
 * `stop_sequence` is never reported.
 */
export function toStopReason(
  reason: FinishReason | string | undefined,
  hasToolUse: boolean,
): StopReason {
  return STOP_REASONS[toFinishReason(reason, hasToolUse)];
}
