/**
 * Gemini `GenerateContentResponse`s (one per prompt) as a legacy `text_completion`.
 * @module
 */

import type { Candidate, GenerateContentResponse, UsageMetadata } from "../../gemini/types.ts";
import type { CompletionChoice, CreateCompletionResponse } from "../types.ts";
import { toFinishReason } from "../../core/finish_reason.ts";
import { blockedPromptText } from "../../core/prompt_feedback.ts";
import { toUsage } from "../chat/usage.ts";
import { toCompletionLogprobs } from "./logprobs.ts";

/** The completion's id, creation time (Unix seconds), model name and echo setting. */
export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
  /** Each prompt when its text starts every choice (`echo`), else absent. */
  echo?: string[];
}

/** The answer text of a candidate: its text parts, thoughts left out. */
export function candidateText(candidate: Candidate): string {
  let text = "";
  for (const part of candidate.content?.parts ?? []) {
    if (!part.thought && part.text !== undefined) text += part.text;
  }
  return text;
}

/** The choices of the answer to prompt `prompt`, indexed after the `n` of each earlier prompt. */
function toChoices(
  response: GenerateContentResponse,
  prompt: number,
  n: number,
  echo: string,
): CompletionChoice[] {
  const candidates = response.candidates ?? [];
  if (candidates.length === 0) {
    const blocked = blockedPromptText(response.promptFeedback);
    return [{
      text: echo + (blocked ?? ""),
      index: prompt * n,
      logprobs: null,
      finish_reason: blocked ? "content_filter" : "stop",
    }];
  }
  return candidates.map((candidate) => ({
    text: echo + candidateText(candidate),
    index: prompt * n + (candidate.index ?? 0),
    logprobs: toCompletionLogprobs(candidate.logprobsResult, echo.length),
    finish_reason: toFinishReason(candidate.finishReason, false) as CompletionChoice[
      "finish_reason"
    ],
  }));
}

/** Gemini's usage of several calls added up. */
export function sumUsage(usages: (UsageMetadata | undefined)[]): UsageMetadata {
  const total: UsageMetadata = {};
  const add = (key: keyof UsageMetadata, value: unknown) => {
    if (typeof value === "number") {
      (total as Record<string, number>)[key] = ((total[key] as number | undefined) ?? 0) + value;
    }
  };
  for (const usage of usages) {
    for (const key of Object.keys(usage ?? {}) as (keyof UsageMetadata)[]) add(key, usage![key]);
  }
  return total;
}

/**
 * The `text_completion` of the answers to every prompt, in prompt order: prompt `p`'s choices are
 * numbered from `p * n`. A blocked prompt is answered with one choice saying so, finished by
 * `content_filter`.
 */
export function toCompletion(
  responses: GenerateContentResponse[],
  n: number,
  meta: CompletionMeta,
): CreateCompletionResponse {
  const choices = responses.flatMap((response, prompt) =>
    toChoices(response, prompt, n, meta.echo?.[prompt] ?? "")
  ).sort((a, b) => a.index - b.index);
  return {
    id: meta.id,
    object: "text_completion",
    created: meta.created,
    model: meta.model,
    choices,
    usage: toUsage(sumUsage(responses.map((response) => response.usageMetadata))),
  };
}
