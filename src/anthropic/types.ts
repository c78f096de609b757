/**
 * Types for the Anthropic Messages API wire format the gateway answers with, named as Anthropic's
 * API reference names them. Requests are untrusted JSON, read field by field.
 * @module
 */

/** The error envelope every failure is returned in. */
export interface ErrorResponse {
  type: "error";
  error: { type: AnthropicErrorType; message: string };
}

/** The error types Anthropic's API answers with, each tied to an HTTP status. */
export type AnthropicErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "request_too_large"
  | "rate_limit_error"
  | "api_error"
  | "timeout_error"
  | "overloaded_error";

/** Why the model stopped. */
export type StopReason = "end_turn" | "max_tokens" | "stop_sequence" | "tool_use" | "refusal";

/** The answer's text. */
export interface TextBlock {
  type: "text";
  text: string;
  citations?: null;
}

/** A thought summary; `signature` carries Gemini's thought signature (or ""). */
export interface ThinkingBlock {
  type: "thinking";
  thinking: string;
  signature: string;
}

/** A call the model asked for. */
export interface ToolUseBlock {
  type: "tool_use";
  /** `toolu_…`, carrying Gemini's thought signature when the call had one. */
  id: string;
  name: string;
  input: Record<string, unknown>;
}

/** One block of an answer. */
export type ContentBlock = TextBlock | ThinkingBlock | ToolUseBlock;

/** Token accounting of a message. */
export interface Usage {
  /** Prompt tokens not read from the cache. */
  input_tokens: number;
  /** Answer tokens, thoughts included. */
  output_tokens: number;
  cache_creation_input_tokens: number;
  /** Prompt tokens read from Gemini's context cache. */
  cache_read_input_tokens: number;
  /** How many of the output tokens were thoughts. */
  output_tokens_details: { thinking_tokens: number };
}

/** The body of a non-streaming `POST /v1/messages` answer. */
export interface Message {
  id: string;
  type: "message";
  role: "assistant";
  /** The Gemini model that answered. */
  model: string;
  content: ContentBlock[];
  stop_reason: StopReason | null;
  stop_sequence: string | null;
  usage: Usage;
}

/** A piece of a streamed block. */
export type ContentBlockDelta =
  | { type: "text_delta"; text: string }
  | { type: "thinking_delta"; thinking: string }
  | { type: "signature_delta"; signature: string }
  | { type: "input_json_delta"; partial_json: string };

/** One event of a `POST /v1/messages` stream (`ping` and `error` aside). */
export type MessageStreamEvent =
  | { type: "message_start"; message: Message }
  | { type: "content_block_start"; index: number; content_block: ContentBlock }
  | { type: "content_block_delta"; index: number; delta: ContentBlockDelta }
  | { type: "content_block_stop"; index: number }
  | {
    type: "message_delta";
    delta: { stop_reason: StopReason | null; stop_sequence: string | null };
    usage: Usage;
  }
  | { type: "message_stop" };

/** The body of a `POST /v1/messages/count_tokens` answer. */
export interface MessageTokensCount {
  input_tokens: number;
}

/** A model, as `GET /v1/models` lists it. */
export interface ModelInfo {
  type: "model";
  id: string;
  display_name: string;
  /** RFC 3339. */
  created_at: string;
  max_input_tokens?: number;
  max_tokens?: number;
}

/** One page of `GET /v1/models`. */
export interface ModelList {
  data: ModelInfo[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}
