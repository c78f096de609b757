/**
 * Types for the OpenAI API wire format the gateway answers with, named as the OpenAI
 * specification names them. Requests are untrusted JSON, read field by field.
 * @module
 */

/** The error envelope every failure is returned in. */
export interface ErrorResponse {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | null;
  };
}

/** A model, as `GET /models` lists it. */
export interface Model {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

/** The body of `GET /models`. */
export interface ListModelsResponse {
  object: "list";
  data: Model[];
}

/** A call the model asked for. */
export interface ChatCompletionMessageToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
  /** Provider-specific data; carries Gemini's thought signature as `google.thought_signature`. */
  extra_content?: { google?: { thought_signature?: string } };
}

/** A URL citation attached to an answer. */
export interface UrlCitationAnnotation {
  type: "url_citation";
  url_citation: { url: string; title: string; start_index: number; end_index: number };
}

/** The log probability of one output token. */
export interface ChatCompletionTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: { token: string; logprob: number; bytes: number[] | null }[];
}

/** Log probabilities of a choice. */
export interface ChatCompletionLogprobs {
  content: ChatCompletionTokenLogprob[] | null;
  refusal: ChatCompletionTokenLogprob[] | null;
}

/** The reason a choice ended. */
export type ChatCompletionFinishReason =
  | "stop"
  | "length"
  | "tool_calls"
  | "content_filter"
  | "function_call";

/** The assistant message of a non-streaming choice. */
export interface ChatCompletionResponseMessage {
  role: "assistant";
  content: string | null;
  refusal: string | null;
  /** Thought summaries, kept apart from the answer. */
  reasoning_content?: string;
  tool_calls?: ChatCompletionMessageToolCall[];
  annotations?: UrlCitationAnnotation[];
}

/** Token usage of a completion. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number };
}

/** The body of a non-streaming `POST /chat/completions` answer. */
export interface CreateChatCompletionResponse {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: number;
    message: ChatCompletionResponseMessage;
    logprobs: ChatCompletionLogprobs | null;
    finish_reason: ChatCompletionFinishReason;
  }[];
  usage?: CompletionUsage;
}

/** A streamed tool call fragment. */
export interface ChatCompletionMessageToolCallChunk {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
  extra_content?: { google?: { thought_signature?: string } };
}

/** The delta of one streamed choice. */
export interface ChatCompletionStreamResponseDelta {
  role?: "assistant";
  content?: string | null;
  reasoning_content?: string;
  refusal?: string | null;
  tool_calls?: ChatCompletionMessageToolCallChunk[];
  annotations?: UrlCitationAnnotation[];
}

/** One chunk of a streaming `POST /chat/completions` answer. */
export interface CreateChatCompletionStreamResponse {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: {
    index: number;
    delta: ChatCompletionStreamResponseDelta;
    logprobs?: ChatCompletionLogprobs | null;
    finish_reason: ChatCompletionFinishReason | null;
  }[];
  usage?: CompletionUsage | null;
}

/** The answer of `POST /embeddings`. */
export interface CreateEmbeddingResponse {
  object: "list";
  data: { object: "embedding"; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}
