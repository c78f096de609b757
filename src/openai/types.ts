/**
 * Types for the OpenAI API wire format, named as the OpenAI specification names them.
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

/** A part of a message's content. */
export type ChatCompletionContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string; detail?: string } }
  | { type: "input_audio"; input_audio: { data: string; format: string } }
  | { type: "file"; file: { file_data?: string; file_id?: string; filename?: string } }
  | { type: "refusal"; refusal: string };

/** A call the model asked for. */
export interface ChatCompletionMessageToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
  /** Provider-specific data; carries Gemini's thought signature as `google.thought_signature`. */
  extra_content?: { google?: { thought_signature?: string } };
}

/** A message of the conversation sent to `/chat/completions`. */
export interface ChatCompletionRequestMessage {
  role: "system" | "developer" | "user" | "assistant" | "tool" | "function";
  content?: string | ChatCompletionContentPart[] | null;
  name?: string;
  tool_calls?: ChatCompletionMessageToolCall[];
  tool_call_id?: string;
  function_call?: { name: string; arguments: string } | null;
  reasoning_content?: string;
}

/** A function tool offered to the model. */
export interface ChatCompletionTool {
  type: "function";
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
}

/** Which tool the model must, may or must not call. */
export type ChatCompletionToolChoiceOption =
  | "none"
  | "auto"
  | "required"
  | { type: "function"; function: { name: string } };

/** The structured output format requested. */
export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | {
    type: "json_schema";
    json_schema: {
      name: string;
      description?: string;
      schema?: Record<string, unknown>;
      strict?: boolean | null;
    };
  };

/** Gemini-specific options, passed as `extra_body.google` or a top-level `google` object. */
export interface GoogleOptions {
  safety_settings?: { category: string; threshold: string }[];
  cached_content?: string;
  thinking_config?: {
    thinking_budget?: number;
    thinking_level?: string;
    include_thoughts?: boolean;
  };
  [key: string]: unknown;
}

/** The body of `POST /chat/completions`. */
export interface CreateChatCompletionRequest {
  model?: string;
  messages: ChatCompletionRequestMessage[];
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
  temperature?: number | null;
  top_p?: number | null;
  top_k?: number | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  stop?: string | string[] | null;
  n?: number | null;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  seed?: number | null;
  logprobs?: boolean | null;
  top_logprobs?: number | null;
  response_format?: ResponseFormat;
  tools?: ChatCompletionTool[];
  tool_choice?: ChatCompletionToolChoiceOption;
  parallel_tool_calls?: boolean;
  functions?: ChatCompletionTool["function"][];
  function_call?: "none" | "auto" | { name: string };
  reasoning_effort?: "none" | "minimal" | "low" | "medium" | "high" | null;
  web_search_options?: Record<string, unknown>;
  extra_body?: { google?: GoogleOptions };
  google?: GoogleOptions;
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

/** The body of `POST /embeddings`. */
export interface CreateEmbeddingRequest {
  input: string | string[] | number[] | number[][];
  model?: string;
  encoding_format?: "float" | "base64";
  dimensions?: number;
  user?: string;
  task_type?: string;
  title?: string;
  extra_body?: { google?: { task_type?: string; title?: string } };
  google?: { task_type?: string; title?: string };
}

/** The answer of `POST /embeddings`. */
export interface CreateEmbeddingResponse {
  object: "list";
  data: { object: "embedding"; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}
