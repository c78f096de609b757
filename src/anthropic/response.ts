/**
 * A Gemini `GenerateContentResponse` as an Anthropic `message`.
 * @module
 */

import { blockedPromptText } from "../core/prompt_feedback.ts";
import { unansweredText } from "../core/unanswered.ts";
import type { GenerateContentResponse } from "../gemini/types.ts";
import { type BlockOptions, ContentBlocks, foldBlocks } from "./blocks.ts";
import type { Message } from "./types.ts";
import { toStopReason, toUsage } from "./usage.ts";

/** The message's id and model, and what the client asked for that shapes the blocks. */
export interface MessageMeta extends BlockOptions {
  /** `msg_…`. */
  id: string;
  /** The Gemini model that answers. */
  model: string;
}

/** A fresh message id, `msg_` and 24 random characters. */
export function messageId(): string {
  return `msg_${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

/**
 * The message of a non-streaming Gemini response (its first candidate). A prompt Gemini blocked
 * is answered with a text block saying so, stopped by `refusal`; an empty answer Gemini gave up on
 * (e.g. `MALFORMED_FUNCTION_CALL`) with a text block saying why, stopped by `end_turn`.
 */
export function toMessage(response: GenerateContentResponse, meta: MessageMeta): Message {
  const candidate = response.candidates?.[0];
  const blocks = new ContentBlocks(meta);
  const blocked = candidate ? undefined : blockedPromptText(response.promptFeedback);
  if (blocked) blocks.addText(blocked);
  else blocks.add(candidate?.content?.parts);
  const unanswered = unansweredText(candidate?.finishReason, candidate?.finishMessage);
  if (!blocks.hasAnswer && unanswered) blocks.addText(unanswered);
  blocks.close();
  return {
    id: meta.id,
    type: "message",
    role: "assistant",
    model: meta.model,
    content: foldBlocks(blocks.take()),
    stop_reason: blocked ? "refusal" : toStopReason(candidate?.finishReason, blocks.hasToolUse),
    stop_sequence: null,
    usage: toUsage(response.usageMetadata),
  };
}
