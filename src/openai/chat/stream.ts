/**
 * Gemini's stream of `GenerateContentResponse`s as OpenAI's stream of `chat.completion.chunk`s.
 *
 * Each Gemini chunk is translated as it arrives. Per choice: the first delta carries the role,
 * thoughts go to `reasoning_content` (in a chunk of their own, before any answer text of the
 * same Gemini chunk), every tool call comes whole in one delta with its own `index`, and exactly
 * one chunk carries a `finish_reason`.
 * @module
 */

import type { Candidate, GenerateContentResponse, UsageMetadata } from "../../gemini/types.ts";
import type {
  ChatCompletionFinishReason,
  ChatCompletionStreamResponseDelta,
  CreateChatCompletionStreamResponse,
} from "../types.ts";
import { toFinishReason } from "../../core/finish_reason.ts";
import { toAnnotations } from "./grounding.ts";
import { toLogprobs } from "./logprobs.ts";
import { blockedPromptText } from "../../core/prompt_feedback.ts";
import { type CompletionMeta, toMessagePieces } from "./response.ts";
import { toUsage } from "./usage.ts";

/** How to label the chunks, and whether to end with a usage chunk. */
export interface ChunkStreamOptions extends CompletionMeta {
  /** Ends the stream with a chunk of no choices and the usage; every other chunk has `usage: null`. */
  includeUsage: boolean;
}

type StreamChoice = CreateChatCompletionStreamResponse["choices"][number];

/** What has been sent of one choice. */
interface ChoiceState {
  started: boolean;
  finished: boolean;
  /** The answer text so far, which grounding segments index into. */
  content: string;
  toolCalls: number;
  citations: Set<string>;
}

/**
 * Translates Gemini's stream into OpenAI chunks, all with the same `id`, `created` and `model`.
 *
 * Usage is the last upstream snapshot (Gemini's counts are cumulative and may change). A stream
 * that ends without a finish reason still finishes every choice it started (`stop`, or
 * `tool_calls` after a call); one that produced nothing finishes choice 0. A blocked prompt
 * becomes one chunk saying so, finished by `content_filter`.
 */
export class ChatCompletionChunks {
  readonly #options: ChunkStreamOptions;
  readonly #choices = new Map<number, ChoiceState>();
  #usage: UsageMetadata | undefined;
  #out: CreateChatCompletionStreamResponse[] = [];

  constructor(options: ChunkStreamOptions) {
    this.#options = options;
  }

  /** The chunks that one Gemini response adds. */
  next(response: GenerateContentResponse): CreateChatCompletionStreamResponse[] {
    if (response.usageMetadata) this.#usage = response.usageMetadata;
    const candidates = response.candidates ?? [];
    if (candidates.length === 0) {
      const blocked = blockedPromptText(response.promptFeedback);
      if (blocked) this.#send(0, [{ content: blocked }], "content_filter");
    }
    for (const candidate of candidates) this.#translate(candidate);
    return this.#take();
  }

  /** The chunks that end the stream: a finish for every open choice, then the usage. */
  end(): CreateChatCompletionStreamResponse[] {
    if (this.#choices.size === 0) this.#choice(0);
    const indices = [...this.#choices.keys()].sort((a, b) => a - b);
    for (const index of indices) {
      const state = this.#choice(index);
      if (!state.finished) {
        this.#send(index, [{}], toFinishReason(undefined, state.toolCalls > 0));
      }
    }
    if (this.#options.includeUsage) this.#out.push(this.#chunk([], toUsage(this.#usage)));
    return this.#take();
  }

  #take(): CreateChatCompletionStreamResponse[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }

  #choice(index: number): ChoiceState {
    let state = this.#choices.get(index);
    if (!state) {
      state = { started: false, finished: false, content: "", toolCalls: 0, citations: new Set() };
      this.#choices.set(index, state);
    }
    return state;
  }

  #translate(candidate: Candidate): void {
    const index = candidate.index ?? 0;
    const state = this.#choice(index);
    if (state.finished) return;
    const pieces = toMessagePieces(candidate.content?.parts, state.content);
    state.content += pieces.content;
    const deltas: ChatCompletionStreamResponseDelta[] = [];
    if (pieces.reasoning) deltas.push({ reasoning_content: pieces.reasoning });
    const delta: ChatCompletionStreamResponseDelta = {};
    if (pieces.content) delta.content = pieces.content;
    if (this.#options.parallelToolCalls === false) {
      pieces.toolCalls.splice(state.toolCalls > 0 ? 0 : 1);
    }
    if (pieces.toolCalls.length > 0) {
      delta.tool_calls = pieces.toolCalls.map((call) => ({ index: state.toolCalls++, ...call }));
    }
    const annotations = toAnnotations(candidate.groundingMetadata, state.content).filter((item) => {
      const key = JSON.stringify(item.url_citation);
      if (state.citations.has(key)) return false;
      state.citations.add(key);
      return true;
    });
    if (annotations.length > 0) delta.annotations = annotations;
    if (Object.keys(delta).length > 0) deltas.push(delta);
    const logprobs = toLogprobs(candidate.logprobsResult);
    const finish = candidate.finishReason
      ? toFinishReason(candidate.finishReason, state.toolCalls > 0)
      : null;
    if (deltas.length === 0) {
      if (!finish && !logprobs) return;
      deltas.push({});
    }
    this.#send(index, deltas, finish, logprobs);
  }

  /** Sends `deltas` of choice `index` in one chunk each, the finish reason with the last. */
  #send(
    index: number,
    deltas: ChatCompletionStreamResponseDelta[],
    finish: ChatCompletionFinishReason | null,
    logprobs: StreamChoice["logprobs"] = null,
  ): void {
    const state = this.#choice(index);
    deltas.forEach((delta, at) => {
      const last = at === deltas.length - 1;
      const choice: StreamChoice = {
        index,
        delta: state.started ? delta : { role: "assistant", ...delta },
        logprobs: last ? logprobs : null,
        finish_reason: last ? finish : null,
      };
      state.started = true;
      this.#out.push(this.#chunk([choice]));
    });
    if (finish) state.finished = true;
  }

  #chunk(
    choices: StreamChoice[],
    usage: CreateChatCompletionStreamResponse["usage"] = null,
  ): CreateChatCompletionStreamResponse {
    const { id, created, model, includeUsage } = this.#options;
    const chunk: CreateChatCompletionStreamResponse = {
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices,
    };
    if (includeUsage) chunk.usage = usage;
    return chunk;
  }
}
