/**
 * Gemini's `logprobsResult` as the legacy completion `logprobs`.
 * @module
 */

import type { LogprobsResult } from "../../gemini/types.ts";
import type { CompletionLogprobs } from "../types.ts";

/**
 * The chosen tokens, their log probabilities, the top alternatives at each step (token →
 * log probability) and each token's character offset from `offset` on; `null` when Gemini sent
 * none. Absent numbers are 0, as proto3 JSON omits zeros.
 */
export function toCompletionLogprobs(
  result: LogprobsResult | undefined,
  offset = 0,
): CompletionLogprobs | null {
  if (!result) return null;
  const logprobs: CompletionLogprobs = {
    text_offset: [],
    token_logprobs: [],
    tokens: [],
    top_logprobs: [],
  };
  let at = offset;
  (result.chosenCandidates ?? []).forEach((chosen, step) => {
    const token = chosen.token ?? "";
    logprobs.tokens.push(token);
    logprobs.token_logprobs.push(chosen.logProbability ?? 0);
    logprobs.text_offset.push(at);
    at += token.length;
    const top: Record<string, number> = {};
    for (const candidate of result.topCandidates?.[step]?.candidates ?? []) {
      top[candidate.token ?? ""] ??= candidate.logProbability ?? 0;
    }
    logprobs.top_logprobs.push(top);
  });
  return logprobs;
}
