/**
 * Gemini's stream of `GenerateContentResponse`s as Anthropic's event stream: `message_start`
 * (with the prompt's usage) once Gemini's first response is in, the block events of each
 * response as it arrives, then `message_delta` (stop reason and final usage) and
 * `message_stop`. An empty answer Gemini gave up on (e.g. `MALFORMED_FUNCTION_CALL`) gets a text
 * block saying why. A failure after the start is an `error` event; a silent upstream gets `ping`s.
 * @module
 */

import type { GatewayError } from "../core/errors.ts";
import { blockedPromptText } from "../core/prompt_feedback.ts";
import { unansweredText } from "../core/unanswered.ts";
import type { StreamTranslator } from "../core/stream.ts";
import type { GenerateContentResponse, UsageMetadata } from "../gemini/types.ts";
import { sseEvent } from "../http/sse.ts";
import { ContentBlocks } from "./blocks.ts";
import { anthropicErrorBody } from "./errors.ts";
import type { MessageMeta } from "./response.ts";
import type { MessageStreamEvent, StopReason } from "./types.ts";
import { toStopReason, toUsage } from "./usage.ts";

/** The keep-alive of an Anthropic stream. */
export const PING_EVENT = sseEvent({ type: "ping" }, "ping");

const events = (list: MessageStreamEvent[]) =>
  list.map((event) => sseEvent(event, event.type)).join("");

/** Writes Gemini's stream (its first candidate) as Anthropic's events. */
export class MessageEvents implements StreamTranslator {
  readonly #meta: MessageMeta;
  readonly #blocks: ContentBlocks;
  #started = false;
  #usage: UsageMetadata | undefined;
  #finishReason: string | undefined;
  #finishMessage: string | undefined;
  #refused = false;

  constructor(meta: MessageMeta) {
    this.#meta = meta;
    this.#blocks = new ContentBlocks(meta);
  }

  /** The events one Gemini response adds. */
  next(response: GenerateContentResponse): string {
    if (response.usageMetadata) this.#usage = response.usageMetadata;
    const out = this.#start();
    const candidate = response.candidates?.[0];
    const blocked = candidate ? undefined : blockedPromptText(response.promptFeedback);
    if (blocked) {
      this.#refused = true;
      this.#blocks.addText(blocked);
    }
    this.#blocks.add(candidate?.content?.parts);
    if (candidate?.finishReason) {
      this.#finishReason = candidate.finishReason;
      this.#finishMessage = candidate.finishMessage;
    }
    out.push(...this.#blocks.take());
    return events(out);
  }

  /** The events that end the stream: the last block's stop, `message_delta`, `message_stop`. */
  end(): string {
    const out = this.#start();
    const unanswered = unansweredText(this.#finishReason, this.#finishMessage);
    if (!this.#blocks.hasAnswer && unanswered) this.#blocks.addText(unanswered);
    this.#blocks.close();
    out.push(...this.#blocks.take());
    const stopReason: StopReason = this.#refused
      ? "refusal"
      : toStopReason(this.#finishReason, this.#blocks.hasToolUse);
    out.push(
      {
        type: "message_delta",
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: toUsage(this.#usage),
      },
      { type: "message_stop" },
    );
    return events(out);
  }

  /** The `error` event of a failure after the stream began. */
  fail(error: GatewayError): string {
    return sseEvent(anthropicErrorBody(error), "error");
  }

  /** `message_start`, the first time only. */
  #start(): MessageStreamEvent[] {
    if (this.#started) return [];
    this.#started = true;
    const { id, model } = this.#meta;
    return [{
      type: "message_start",
      message: {
        id,
        type: "message",
        role: "assistant",
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          ...toUsage(this.#usage),
          output_tokens: 0,
          output_tokens_details: { thinking_tokens: 0 },
        },
      },
    }];
  }
}
