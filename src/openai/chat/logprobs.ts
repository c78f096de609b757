/**
 * Gemini's `logprobsResult` as OpenAI's `logprobs`.
 * @module
 */

import type { LogprobsCandidate, LogprobsResult } from "../../gemini/types.ts";
import type { ChatCompletionLogprobs, ChatCompletionTokenLogprob } from "../types.ts";

const encoder = new TextEncoder();

function toEntry(candidate: LogprobsCandidate): Omit<ChatCompletionTokenLogprob, "top_logprobs"> {
  const token = candidate.token ?? "";
  return { token, logprob: candidate.logProbability ?? 0, bytes: [...encoder.encode(token)] };
}

/**
 * The log probabilities of the chosen tokens, each with the top alternatives at its step;
 * `null` when Gemini sent none. Absent numbers are 0, as proto3 JSON omits zeros.
 */
export function toLogprobs(result: LogprobsResult | undefined): ChatCompletionLogprobs | null {
  if (!result) return null;
  const content = (result.chosenCandidates ?? []).map((chosen, step) => ({
    ...toEntry(chosen),
    top_logprobs: (result.topCandidates?.[step]?.candidates ?? []).map(toEntry),
  }));
  return { content, refusal: null };
}
