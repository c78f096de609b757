/**
 * Gemini's stream of `GenerateContentResponse`s as a legacy completion's stream of
 * `text_completion` chunks, written as OpenAI's server-sent events.
 *
 * Every chunk has the same `id`, `created` and `model`; each choice's text arrives as it is made
 * (after the prompt, first, with `echo`), and exactly one chunk per choice carries its
 * `finish_reason` (the others have `null`, as OpenAI sends them, although its specification
 * lists no `null`). With `stream_options.include_usage`, a last chunk without choices carries the
 * usage; no other chunk has a `usage` field. The stream ends with `data: [DONE]`, or with an error event in OpenAI's envelope.
 * @module
 */

import type { GenerateContentResponse, UsageMetadata } from "../../gemini/types.ts";
import type { StreamTranslator } from "../../core/stream.ts";
import { toFinishReason } from "../../core/finish_reason.ts";
import { sseEvent } from "../../http/sse.ts";
import { blockedPromptText } from "../../core/prompt_feedback.ts";
import { toUsage } from "../chat/usage.ts";
import { openaiErrorBody } from "../errors.ts";
import type { CompletionChoice, CompletionUsage, CreateCompletionResponse } from "../types.ts";
import { toCompletionLogprobs } from "./logprobs.ts";
import { candidateText, type CompletionMeta } from "./response.ts";

/** How to label the chunks, and whether to end with a usage chunk. */
export interface CompletionStreamOptions extends CompletionMeta {
  includeUsage: boolean;
}

/** What has been sent of one choice: its text so far, echo included (for logprob offsets). */
interface ChoiceState {
  text: string;
  started: boolean;
  finished: boolean;
}

/** Translates one prompt's Gemini stream into `text_completion` chunks. */
export class CompletionChunks {
  readonly #options: CompletionStreamOptions;
  readonly #choices = new Map<number, ChoiceState>();
  #usage: UsageMetadata | undefined;

  constructor(options: CompletionStreamOptions) {
    this.#options = options;
  }

  /** The chunks that one Gemini response adds. */
  next(response: GenerateContentResponse): CreateCompletionResponse[] {
    if (response.usageMetadata) this.#usage = response.usageMetadata;
    const chunks: CreateCompletionResponse[] = [];
    const candidates = response.candidates ?? [];
    if (candidates.length === 0) {
      const blocked = blockedPromptText(response.promptFeedback);
      if (blocked) chunks.push(...this.#send(0, blocked, null, "content_filter"));
    }
    for (const candidate of candidates) {
      const index = candidate.index ?? 0;
      if (this.#choices.get(index)?.finished) continue;
      const finish = candidate.finishReason
        ? toFinishReason(candidate.finishReason, false) as CompletionChoice["finish_reason"]
        : null;
      const state = this.#state(index);
      const logprobs = toCompletionLogprobs(candidate.logprobsResult, state.text.length);
      const text = candidateText(candidate);
      if (text || finish || logprobs) chunks.push(...this.#send(index, text, logprobs, finish));
    }
    return chunks;
  }

  /** The chunks that end the stream: a finish for every open choice, then the usage. */
  end(): CreateCompletionResponse[] {
    const chunks: CreateCompletionResponse[] = [];
    if (this.#choices.size === 0) this.#state(0);
    for (const [index, state] of [...this.#choices].sort(([a], [b]) => a - b)) {
      if (!state.finished) chunks.push(...this.#send(index, "", null, "stop"));
    }
    if (this.#options.includeUsage) chunks.push(this.#chunk([], toUsage(this.#usage)));
    return chunks;
  }

  #state(index: number): ChoiceState {
    let state = this.#choices.get(index);
    if (!state) {
      state = { text: this.#options.echo?.[0] ?? "", started: false, finished: false };
      this.#choices.set(index, state);
    }
    return state;
  }

  #send(
    index: number,
    text: string,
    logprobs: CompletionChoice["logprobs"],
    finish: CompletionChoice["finish_reason"],
  ): CreateCompletionResponse[] {
    const state = this.#state(index);
    const echo = state.started ? "" : state.text;
    state.started = true;
    state.text += text;
    if (finish) state.finished = true;
    const choice = { text: echo + text, index, logprobs, finish_reason: finish };
    return [this.#chunk([choice])];
  }

  #chunk(choices: CompletionChoice[], usage?: CompletionUsage): CreateCompletionResponse {
    const { id, created, model } = this.#options;
    const chunk: CreateCompletionResponse = {
      id,
      object: "text_completion",
      created,
      model,
      choices,
    };
    if (usage) chunk.usage = usage;
    return chunk;
  }
}

const events = (values: object[]) => values.map((value) => sseEvent(value)).join("");

/** Writes the chunks of `chunks` as OpenAI's event stream. */
export function completionEvents(chunks: CompletionChunks): StreamTranslator {
  return {
    next: (response) => events(chunks.next(response)),
    end: () => `${events(chunks.end())}data: [DONE]\n\n`,
    fail: (error) => sseEvent(openaiErrorBody(error)),
  };
}
