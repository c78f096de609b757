/**
 * Types for Ollama's REST API wire format (`api/types.go` of ollama/ollama), named as Ollama
 * names them. Only what the gateway reads or writes is typed.
 * @module
 */

/** A tool call of an assistant message: arguments as an object, never a JSON string. */
export interface ToolCall {
  /** `call_…`; the gateway's ids carry Gemini's thought signature (see `tool_call_id.ts`). */
  id?: string;
  function: {
    /** The call's position among the calls of its message. */
    index?: number;
    name: string;
    arguments: Record<string, unknown>;
  };
}

/** One message of a chat, as requests send it and responses return it. */
export interface Message {
  role: string;
  content: string;
  /** The model's thinking (a response's, when `think` is on). */
  thinking?: string;
  /** Base64 images, without a `data:` prefix. */
  images?: string[];
  tool_calls?: ToolCall[];
  /** The function a `tool` message answers. */
  tool_name?: string;
  /** The call a `tool` message answers. */
  tool_call_id?: string;
}

/** A token and its log probability. */
export interface TokenLogprob {
  token: string;
  logprob: number;
  /** The token's UTF-8 bytes. */
  bytes?: number[];
}

/** A generated token's log probability, with the most likely tokens at its step. */
export interface Logprob extends TokenLogprob {
  top_logprobs?: TokenLogprob[];
}

/** Timings (nanoseconds) and token counts that end a generation. */
export interface Metrics {
  total_duration: number;
  load_duration: number;
  prompt_eval_count: number;
  prompt_eval_duration: number;
  eval_count: number;
  eval_duration: number;
}

/** Why a generation ended: Ollama's values (`load`/`unload` answer an empty request). */
export type DoneReason = "stop" | "length" | "load" | "unload";

/** One object of a `/api/chat` answer: a stream line, or the whole answer. */
export interface ChatResponse extends Partial<Metrics> {
  model: string;
  /** RFC 3339 time of the object. */
  created_at: string;
  message: Message;
  done: boolean;
  done_reason?: DoneReason;
  /** With `logprobs: true`: the log probabilities of this object's tokens. */
  logprobs?: Logprob[];
}

/** One object of a `/api/generate` answer: a stream line, or the whole answer. */
export interface GenerateResponse extends Partial<Metrics> {
  model: string;
  created_at: string;
  response: string;
  thinking?: string;
  done: boolean;
  done_reason?: DoneReason;
  /** With `logprobs: true`: the log probabilities of this object's tokens. */
  logprobs?: Logprob[];
}

/** The answer of `POST /api/embed`. */
export interface EmbedResponse {
  model: string;
  embeddings: number[][];
  total_duration: number;
  load_duration: number;
  prompt_eval_count: number;
}

/** The answer of the legacy `POST /api/embeddings`. */
export interface EmbeddingResponse {
  embedding: number[];
}

/** What kind of model a model is, and how it is stored (here: what Gemini tells of it). */
export interface ModelDetails {
  parent_model: string;
  format: string;
  family: string;
  families: string[];
  parameter_size: string;
  quantization_level: string;
  context_length?: number;
  embedding_length?: number;
}

/** What a model can do, as `/api/show` and `/api/tags` report it. */
export type Capability = "completion" | "tools" | "vision" | "thinking" | "embedding";

/** One model of `GET /api/tags`. */
export interface ListModelResponse {
  /** `<id>:latest`. */
  name: string;
  /** The id, without a tag. */
  model: string;
  modified_at: string;
  size: number;
  /** `sha256:`-less hex digest, as Ollama lists it. */
  digest: string;
  details: ModelDetails;
  capabilities: Capability[];
}

/** The answer of `GET /api/tags`. */
export interface ListResponse {
  models: ListModelResponse[];
}

/** One model of `GET /api/ps`. */
export interface ProcessModelResponse {
  name: string;
  model: string;
  size: number;
  digest: string;
  details: ModelDetails;
  expires_at: string;
  size_vram: number;
  context_length: number;
}

/** The answer of `GET /api/ps`. */
export interface ProcessResponse {
  models: ProcessModelResponse[];
}

/** The answer of `POST /api/show`. */
export interface ShowResponse {
  modelfile: string;
  parameters: string;
  template: string;
  details: ModelDetails;
  model_info: Record<string, string | number>;
  capabilities: Capability[];
  modified_at: string;
}

/** One line of a `POST /api/pull` answer. */
export interface ProgressResponse {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

/** The answer of `GET /api/version`. */
export interface VersionResponse {
  version: string;
}

/** Ollama's error body, also the last line of a failed stream. */
export interface ErrorResponse {
  error: string;
}
