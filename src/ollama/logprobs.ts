/**
 * Ollama's `logprobs` and `top_logprobs` → Gemini's `responseLogprobs` and `logprobs`, and
 * Gemini's `logprobsResult` → Ollama's `logprobs` (one entry per chosen token, with the top
 * alternatives at its step when they were asked for).
 * @module
 */

import type { GenerationConfig, LogprobsCandidate, LogprobsResult } from "../gemini/types.ts";
import { optional, readBoolean, readInteger } from "../http/fields.ts";
import type { Logprob, TokenLogprob } from "./types.ts";

const encoder = new TextEncoder();

/** The `generationConfig` fields for the body's `logprobs` and `top_logprobs` (0–20). */
export function toLogprobsConfig(body: Record<string, unknown>): GenerationConfig {
  const enabled = optional(body.logprobs, "logprobs", readBoolean);
  const top = optional(
    body.top_logprobs,
    "top_logprobs",
    (value, param) => readInteger(value, param, { min: 0, max: 20 }),
  );
  if (!enabled) return {};
  return top ? { responseLogprobs: true, logprobs: top } : { responseLogprobs: true };
}

function toEntry(candidate: LogprobsCandidate): TokenLogprob {
  const token = candidate.token ?? "";
  return { token, logprob: candidate.logProbability ?? 0, bytes: [...encoder.encode(token)] };
}

/** The log probabilities in `result` (absent numbers are 0, as proto3 JSON omits zeros). */
export function toLogprobs(result: LogprobsResult | undefined): Logprob[] {
  return (result?.chosenCandidates ?? []).map((chosen, step) => {
    const entry: Logprob = toEntry(chosen);
    const top = result?.topCandidates?.[step]?.candidates ?? [];
    if (top.length > 1) entry.top_logprobs = top.map(toEntry);
    return entry;
  });
}
