/**
 * A Gemini `GenerateContentResponse` as an OpenAI `chat.completion`.
 * @module
 */

import type { Candidate, GenerateContentResponse, Part } from "../../gemini/types.ts";
import type {
  ChatCompletionMessageToolCall,
  ChatCompletionResponseMessage,
  CreateChatCompletionResponse,
} from "../types.ts";
import { toFinishReason } from "../../core/finish_reason.ts";
import { partMarkdown } from "../../core/part_markdown.ts";
import { blockedPromptText } from "../../core/prompt_feedback.ts";
import { toAnnotations } from "./grounding.ts";
import { toLogprobs } from "./logprobs.ts";
import { toToolCall } from "./tool_calls.ts";
import { toUsage } from "./usage.ts";

/** What the parts of a candidate, or of one streamed chunk of it, add to the message. */
export interface MessagePieces {
  /** Answer text, code blocks and images included. */
  content: string;
  /** Thought summaries. */
  reasoning: string;
  toolCalls: ChatCompletionMessageToolCall[];
}

/** The completion's id, creation time (Unix seconds) and model name. */
export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
  /** False keeps only the first tool call of a turn (`parallel_tool_calls: false`). */
  parallelToolCalls?: boolean;
}

/**
 * Sorts parts into answer text, thought summaries and tool calls. Code the model ran and its
 * output become fenced blocks and generated images markdown images, each on a line of its own
 * after `before`, the answer text already produced.
 */
export function toMessagePieces(parts: Part[] | undefined, before = ""): MessagePieces {
  const pieces: MessagePieces = { content: "", reasoning: "", toolCalls: [] };
  for (const part of parts ?? []) {
    if (part.functionCall) {
      pieces.toolCalls.push(toToolCall(part.functionCall, part.thoughtSignature));
    } else if (part.thought) {
      pieces.reasoning += part.text ?? "";
    } else if (part.text !== undefined) {
      pieces.content += part.text;
    } else {
      const block = partMarkdown(part);
      if (block === undefined) continue;
      const previous = before + pieces.content;
      pieces.content += (previous === "" || previous.endsWith("\n") ? "" : "\n") + block;
    }
  }
  return pieces;
}

function toChoice(
  candidate: Candidate,
  parallelToolCalls: boolean,
): CreateChatCompletionResponse["choices"][number] {
  const pieces = toMessagePieces(candidate.content?.parts);
  if (!parallelToolCalls) pieces.toolCalls.splice(1);
  const hasToolCalls = pieces.toolCalls.length > 0;
  const message: ChatCompletionResponseMessage = {
    role: "assistant",
    content: pieces.content || (hasToolCalls ? null : ""),
    refusal: null,
  };
  if (pieces.reasoning) message.reasoning_content = pieces.reasoning;
  if (hasToolCalls) message.tool_calls = pieces.toolCalls;
  const annotations = toAnnotations(candidate.groundingMetadata, pieces.content);
  if (annotations.length > 0) message.annotations = annotations;
  return {
    index: candidate.index ?? 0,
    message,
    logprobs: toLogprobs(candidate.logprobsResult),
    finish_reason: toFinishReason(candidate.finishReason, hasToolCalls),
  };
}

/**
 * The `chat.completion` of a non-streaming Gemini response: one choice per candidate, ordered by
 * `candidate.index`. A prompt Gemini blocked (no candidates) is answered with one choice saying so,
 * finished by `content_filter`.
 */
export function toChatCompletion(
  response: GenerateContentResponse,
  meta: CompletionMeta,
): CreateChatCompletionResponse {
  const candidates = response.candidates ?? [];
  const blocked = blockedPromptText(response.promptFeedback);
  const choices = candidates.length > 0
    ? candidates.map((candidate) => toChoice(candidate, meta.parallelToolCalls ?? true))
      .sort((a, b) => a.index - b.index)
    : [{
      index: 0,
      message: { role: "assistant" as const, content: blocked ?? "", refusal: null },
      logprobs: null,
      finish_reason: blocked ? "content_filter" as const : "stop" as const,
    }];
  return {
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    choices,
    usage: toUsage(response.usageMetadata),
  };
}
