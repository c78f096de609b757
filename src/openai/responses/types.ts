/**
 * Types for the Responses API objects the gateway answers with, named as the OpenAI
 * specification names them (`Response`, `OutputItem`, `ResponseStreamEvent`…). Requests are
 * untrusted JSON, read field by field.
 * @module
 */

/** A URL citation on a piece of output text. */
export interface UrlCitationBody {
  type: "url_citation";
  url: string;
  title: string;
  start_index: number;
  end_index: number;
}

/** A text part of an output message. */
export interface OutputTextContent {
  type: "output_text";
  text: string;
  annotations: UrlCitationBody[];
  logprobs: unknown[];
}

/** A message the model wrote. */
export interface OutputMessage {
  type: "message";
  id: string;
  role: "assistant";
  status: ItemStatus;
  content: OutputTextContent[];
}

/** The status of an output item. */
export type ItemStatus = "in_progress" | "completed" | "incomplete";

/** A thought summary part of a reasoning item. */
export interface SummaryTextContent {
  type: "summary_text";
  text: string;
}

/** The model's reasoning: thought summaries, and Gemini's thought signature sealed. */
export interface ReasoningItem {
  type: "reasoning";
  id: string;
  summary: SummaryTextContent[];
  encrypted_content?: string | null;
  status?: ItemStatus;
}

/** A call of a function tool; `namespace` names the namespace tool it came from. */
export interface FunctionToolCall {
  type: "function_call";
  id: string;
  call_id: string;
  name: string;
  namespace?: string;
  arguments: string;
  status: ItemStatus;
}

/** A call of a custom (free-form text) tool. */
export interface CustomToolCall {
  type: "custom_tool_call";
  id: string;
  call_id: string;
  name: string;
  namespace?: string;
  input: string;
  status?: ItemStatus;
}

/** A conversation summary the client sends back in place of the history it replaces. */
export interface CompactionBody {
  type: "compaction";
  id: string;
  encrypted_content: string;
}

/** One item of a response's `output`. */
export type OutputItem =
  | OutputMessage
  | ReasoningItem
  | FunctionToolCall
  | CustomToolCall
  | CompactionBody;

/** Token usage of a response. */
export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** The status of a response. */
export type ResponseStatus =
  | "completed"
  | "failed"
  | "in_progress"
  | "cancelled"
  | "queued"
  | "incomplete";

/** Why a response failed. */
export interface ResponseError {
  code: string;
  message: string;
}

/** The response object. */
export interface Response {
  id: string;
  object: "response";
  created_at: number;
  completed_at?: number | null;
  status: ResponseStatus;
  error: ResponseError | null;
  incomplete_details: { reason: "max_output_tokens" | "content_filter" } | null;
  instructions: string | unknown[] | null;
  model: string;
  output: OutputItem[];
  output_text?: string;
  parallel_tool_calls: boolean;
  previous_response_id: string | null;
  reasoning: { effort?: string | null; summary?: string | null } | null;
  store: boolean;
  temperature: number | null;
  top_p: number | null;
  max_output_tokens: number | null;
  text: { format: Record<string, unknown> };
  tool_choice: unknown;
  tools: unknown[];
  truncation: "auto" | "disabled";
  metadata: Record<string, string>;
  usage?: ResponseUsage;
  user?: string;
  prompt_cache_key?: string | null;
  service_tier?: string | null;
}

/** The body of `DELETE /responses/{id}`. */
export interface DeletedResponse {
  id: string;
  object: "response";
  deleted: true;
}

/** The body of `POST /responses/compact`. */
export interface CompactResource {
  id: string;
  object: "response.compaction";
  created_at: number;
  output: OutputItem[];
  usage: ResponseUsage;
}

/** The body of `POST /responses/input_tokens`. */
export interface TokenCountsResource {
  object: "response.input_tokens";
  input_tokens: number;
}

/** The body of `GET /responses/{id}/input_items`. */
export interface ResponseItemList {
  object: "list";
  data: Record<string, unknown>[];
  first_id: string;
  last_id: string;
  has_more: boolean;
}

/** Fields every stream event has. */
interface EventBase {
  sequence_number: number;
}

/** One event of a response stream. */
export type ResponseStreamEvent =
  | EventBase & {
    type: "response.created" | "response.in_progress" | "response.completed";
    response: Response;
  }
  | EventBase & { type: "response.incomplete" | "response.failed"; response: Response }
  | EventBase & {
    type: "response.output_item.added" | "response.output_item.done";
    output_index: number;
    item: OutputItem;
  }
  | EventBase & {
    type: "response.content_part.added" | "response.content_part.done";
    item_id: string;
    output_index: number;
    content_index: number;
    part: OutputTextContent;
  }
  | EventBase & {
    type: "response.output_text.delta";
    item_id: string;
    output_index: number;
    content_index: number;
    delta: string;
    logprobs: unknown[];
  }
  | EventBase & {
    type: "response.output_text.done";
    item_id: string;
    output_index: number;
    content_index: number;
    text: string;
    logprobs: unknown[];
  }
  | EventBase & {
    type: "response.output_text.annotation.added";
    item_id: string;
    output_index: number;
    content_index: number;
    annotation_index: number;
    annotation: UrlCitationBody;
  }
  | EventBase & {
    type: "response.reasoning_summary_part.added" | "response.reasoning_summary_part.done";
    item_id: string;
    output_index: number;
    summary_index: number;
    part: SummaryTextContent;
  }
  | EventBase & {
    type: "response.reasoning_summary_text.delta";
    item_id: string;
    output_index: number;
    summary_index: number;
    delta: string;
  }
  | EventBase & {
    type: "response.reasoning_summary_text.done";
    item_id: string;
    output_index: number;
    summary_index: number;
    text: string;
  }
  | EventBase & {
    type: "response.function_call_arguments.delta";
    item_id: string;
    output_index: number;
    delta: string;
  }
  | EventBase & {
    type: "response.function_call_arguments.done";
    item_id: string;
    output_index: number;
    name: string;
    arguments: string;
  }
  | EventBase & {
    type: "response.custom_tool_call_input.delta";
    item_id: string;
    output_index: number;
    delta: string;
  }
  | EventBase & {
    type: "response.custom_tool_call_input.done";
    item_id: string;
    output_index: number;
    input: string;
  }
  | EventBase & {
    type: "error";
    code: string | null;
    message: string;
    param: string | null;
  };
