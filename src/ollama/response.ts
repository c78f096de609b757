/**
 * Gemini responses → Ollama's `/api/chat` and `/api/generate` objects, whole or streamed.
 *
 * Thought summaries are `thinking`; answer text is `content` (`response` for generate), with code
 * the model ran, its output and generated images as Markdown; function calls are `tool_calls`
 * with the arguments as an object and an `id` that carries the call's thought signature
 * (`core/tool_call_id.ts`), so that a client that sends the assistant message back as it got it
 * keeps Gemini 3's signatures; log probabilities, when asked for, are each object's `logprobs`.
 * Ollama has no reason for an answer Gemini withheld or cut on policy grounds (`SAFETY`,
 * `RECITATION`…), or ended without one (`MALFORMED_FUNCTION_CALL`), so the content says so,
 * rather than ending blank with `stop`. Only the first
 * candidate is read: Ollama answers with one.
 * @module
 */

import { unansweredText } from "../core/unanswered.ts";
import { toFinishReason } from "../core/finish_reason.ts";
import { partMarkdown } from "../core/part_markdown.ts";
import { blockedPromptText } from "../core/prompt_feedback.ts";
import { encodeToolCallId } from "../core/tool_call_id.ts";
import type { Candidate, GenerateContentResponse, Part } from "../gemini/types.ts";
import { toLogprobs } from "./logprobs.ts";
import type {
  ChatResponse,
  DoneReason,
  GenerateResponse,
  Logprob,
  Metrics,
  ToolCall,
} from "./types.ts";

/** Which route's objects to write. */
export type OllamaApi = "chat" | "generate";

/** What some parts add to the answer. */
export interface Pieces {
  content: string;
  thinking: string;
  toolCalls: ToolCall[];
  /** The log probabilities of the answer's tokens, when they were asked for. */
  logprobs?: Logprob[];
}

/** What the parts so far of an answer left. */
export interface AnswerState {
  /** The answer text so far (Markdown blocks start on a line of their own). */
  content: string;
  /** Tool calls so far, for their `index`. */
  calls: number;
}

/** The pieces of `parts`, appended to `state`. */
export function toPieces(parts: Part[] | undefined, state: AnswerState): Pieces {
  const pieces: Pieces = { content: "", thinking: "", toolCalls: [] };
  for (const part of parts ?? []) {
    if (part.functionCall) {
      pieces.toolCalls.push({
        id: encodeToolCallId(part.thoughtSignature),
        function: {
          index: state.calls++,
          name: part.functionCall.name,
          arguments: part.functionCall.args ?? {},
        },
      });
    } else if (part.thought) {
      pieces.thinking += part.text ?? "";
    } else if (part.text !== undefined) {
      pieces.content += part.text;
    } else {
      const block = partMarkdown(part);
      if (block === undefined) continue;
      const previous = state.content + pieces.content;
      pieces.content += (previous === "" || previous.endsWith("\n") ? "" : "\n") + block;
    }
  }
  state.content += pieces.content;
  return pieces;
}

/** The pieces of one Gemini response: its first candidate's, or what a blocked prompt says. */
export function responsePieces(response: GenerateContentResponse, state: AnswerState): Pieces {
  const candidate = firstCandidate(response);
  if (!candidate) {
    const blocked = blockedPromptText(response.promptFeedback) ?? "";
    state.content += blocked;
    return { content: blocked, thinking: "", toolCalls: [] };
  }
  const pieces = toPieces(candidate.content?.parts, state);
  const stopped = stoppedAnswerText(
    candidate.finishReason,
    state.content === "" && state.calls === 0,
  );
  if (stopped) {
    const separator = state.content === "" || state.content.endsWith("\n") ? "" : "\n\n";
    pieces.content += separator + stopped;
    state.content += separator + stopped;
  }
  const logprobs = toLogprobs(candidate.logprobsResult);
  if (logprobs.length > 0) pieces.logprobs = logprobs;
  return pieces;
}

/**
 * What the answer says when Gemini ended it abnormally: always for a policy stop (`SAFETY`,
 * `RECITATION`…), and for any other reason but `STOP` and `MAX_TOKENS` (`MALFORMED_FUNCTION_CALL`,
 * `OTHER`…) when the answer is `empty` (no text, no tool call); `undefined` otherwise.
 */
export function stoppedAnswerText(
  reason: string | undefined,
  empty: boolean,
): string | undefined {
  if (reason === undefined || reason === "STOP" || reason === "MAX_TOKENS") return undefined;
  if (toFinishReason(reason, false) === "content_filter") {
    return `The answer was stopped by Gemini (reason: ${reason}).`;
  }
  return empty ? unansweredText(reason, undefined) : undefined;
}

/** Ollama's reason for Gemini's finish reason: `length` for the token limit, else `stop`. */
export function toDoneReason(response: GenerateContentResponse): DoneReason | undefined {
  const reason = firstCandidate(response)?.finishReason;
  if (reason === undefined) return response.promptFeedback?.blockReason ? "stop" : undefined;
  return toFinishReason(reason, false) === "length" ? "length" : "stop";
}

/** One object of the answer: `pieces`, and when `done`, the reason and metrics that end it. */
export function toObject(
  api: OllamaApi,
  name: string,
  pieces: Pieces,
  end?: { reason: DoneReason; metrics?: Metrics },
): ChatResponse | GenerateResponse {
  const created_at = timestamp();
  const done = end !== undefined;
  let object: ChatResponse | GenerateResponse;
  if (api === "generate") {
    object = { model: name, created_at, response: pieces.content, done };
    if (pieces.thinking) object.thinking = pieces.thinking;
  } else {
    const message: ChatResponse["message"] = { role: "assistant", content: pieces.content };
    if (pieces.thinking) message.thinking = pieces.thinking;
    if (pieces.toolCalls.length > 0) message.tool_calls = pieces.toolCalls;
    object = { model: name, created_at, message, done };
  }
  if (end) {
    object.done_reason = end.reason;
    if (end.metrics) Object.assign(object, end.metrics);
  }
  if (pieces.logprobs) object.logprobs = pieces.logprobs;
  return object;
}

/** The time of the last {@linkcode timestamp}, in milliseconds, and its ISO form. */
let stamped = { ms: NaN, iso: "" };

/** The current time in ISO form, formatted once per millisecond (a stream writes many lines). */
function timestamp(): string {
  const ms = Date.now();
  if (ms !== stamped.ms) stamped = { ms, iso: new Date(ms).toISOString() };
  return stamped.iso;
}

/** The whole answer to a non-streaming request. */
export function toAnswer(
  api: OllamaApi,
  name: string,
  response: GenerateContentResponse,
  metrics: Metrics,
): ChatResponse | GenerateResponse {
  const pieces = responsePieces(response, { content: "", calls: 0 });
  return toObject(api, name, pieces, { reason: toDoneReason(response) ?? "stop", metrics });
}

function firstCandidate(response: GenerateContentResponse): Candidate | undefined {
  const candidates = response.candidates ?? [];
  return candidates.find((candidate) => (candidate.index ?? 0) === 0) ?? candidates[0];
}
