/**
 * Gemini's answer (whole, or streamed response by response) as a Responses API response object
 * and the stream events that build it.
 *
 * One builder serves both paths: the non-streaming handler feeds it the one response and takes
 * the object; the stream translator also takes the events. Items come in Gemini's order:
 * thought summaries become a `reasoning` item, answer text a `message` with one `output_text`
 * part (grounding as `url_citation` annotations), each function call a `function_call` (or
 * `custom_tool_call`) item; code Gemini ran, its output and generated images are Markdown in
 * the message text. Gemini's thought signature rides in the call's `call_id` and, when
 * `include` asks for `reasoning.encrypted_content`, in the `reasoning` item before the part it
 * signs. A compaction request is answered with one `compaction` item sealing the summary.
 * @module
 */

import { toCitations } from "../../core/citations.ts";
import { GatewayError } from "../../core/errors.ts";
import { toFinishReason } from "../../core/finish_reason.ts";
import { partMarkdown } from "../../core/part_markdown.ts";
import { blockedPromptText } from "../../core/prompt_feedback.ts";
import { encodeToolCallId } from "../../core/tool_call_id.ts";
import type {
  Candidate,
  GenerateContentResponse,
  GroundingMetadata,
  Part,
  UsageMetadata,
} from "../../gemini/types.ts";
import type { EchoedFields } from "./request.ts";
import { seal } from "./sealed.ts";
import type { ToolName } from "./tools.ts";
import type {
  ItemStatus,
  OutputItem,
  OutputMessage,
  OutputTextContent,
  ReasoningItem,
  Response,
  ResponseError,
  ResponseStatus,
  ResponseStreamEvent,
  ResponseUsage,
} from "./types.ts";

/** What the response says about itself and the request it answers. */
export interface ResponseMeta {
  id: string;
  /** Unix seconds. */
  createdAt: number;
  /** The model that answers. */
  model: string;
  /** The request fields the response repeats. */
  echo: EchoedFields;
  /** Gemini function names → the client's tools. */
  names: Map<string, ToolName>;
  /** Reasoning items carry the sealed thought signature. */
  includeEncrypted: boolean;
  /** False keeps only the first call. */
  parallelToolCalls: boolean;
  /** Answer with one `compaction` item sealing the text. */
  compaction: boolean;
}

/** Finish reasons of a turn Gemini ended on a function call it could not make. */
const FAILED_CALLS: ReadonlySet<string> = new Set([
  "MALFORMED_FUNCTION_CALL",
  "UNEXPECTED_TOOL_CALL",
  "TOO_MANY_TOOL_CALLS",
]);

/** A fresh id with OpenAI's prefix for its kind (`resp`, `msg`, `rs`, `fc`…). */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
}

/** An event without its sequence number, which the builder assigns. */
type Unnumbered<T> = T extends unknown ? Omit<T, "sequence_number"> : never;

/** The item being written: a reasoning summary or a message, which later parts extend. */
type OpenItem =
  | { kind: "reasoning"; index: number; item: ReasoningItem; text: string }
  | { kind: "message"; index: number; item: OutputMessage; text: string };

/** Builds one response from Gemini's answer; once started, records its stream events too. */
export class ResponseBuilder {
  readonly #meta: ResponseMeta;
  readonly #output: OutputItem[] = [];
  #events: ResponseStreamEvent[] = [];
  /** Whether events are recorded: only for a stream, from {@linkcode ResponseBuilder.start}. */
  #streaming = false;
  #sequence = 0;
  #open: OpenItem | undefined;
  #usage: UsageMetadata | undefined;
  #grounding: GroundingMetadata | undefined;
  #finishReason: string | undefined;
  #blocked: string | undefined;
  #calls = 0;
  /** The text of a compaction answer. */
  #summary = "";
  #status: ResponseStatus = "in_progress";
  #incomplete: Response["incomplete_details"] = null;
  #error: ResponseError | null = null;

  constructor(meta: ResponseMeta) {
    this.#meta = meta;
  }

  /** The events that open the stream: `response.created`, `response.in_progress`. */
  start(): void {
    this.#streaming = true;
    const response = this.#snapshot();
    this.#emit({ type: "response.created", response });
    this.#emit({ type: "response.in_progress", response });
  }

  /** Adds one Gemini response (the whole answer, or one streamed chunk). */
  push(response: GenerateContentResponse): void {
    if (response.usageMetadata) this.#usage = response.usageMetadata;
    const candidate: Candidate | undefined = response.candidates?.[0];
    if (!candidate) {
      this.#blocked = blockedPromptText(response.promptFeedback);
      if (this.#blocked) this.#text(this.#blocked);
      return;
    }
    if (candidate.groundingMetadata) this.#grounding = candidate.groundingMetadata;
    for (const part of candidate.content?.parts ?? []) this.#part(part);
    if (candidate.finishReason) this.#finishReason = candidate.finishReason;
  }

  /**
   * Ends the answer: closes the open item and emits `response.completed` or `.incomplete`.
   * Throws a 502 when Gemini ended the turn on a function call it could not make and gave
   * nothing else (a stream then ends with `response.failed`, which Codex retries).
   */
  finish(): Response {
    this.#close();
    const reason = this.#finishReason;
    const answered = this.#output.some((item) => item.type !== "reasoning") || this.#summary;
    if (reason && FAILED_CALLS.has(reason) && !answered) {
      throw new GatewayError(
        502,
        `Gemini ended the turn without an answer (${reason}): it could not make a valid ` +
          "function call. Trying again often succeeds.",
        "api_error",
        null,
        "server_error",
      );
    }
    if (this.#meta.compaction) {
      this.#add({
        type: "compaction",
        id: newId("cmp"),
        encrypted_content: seal({ summary: this.#summary }),
      }, true);
    }
    const stop = this.#blocked ? "content_filter" : toFinishReason(reason, this.#calls > 0);
    if (stop === "length" || stop === "content_filter") {
      this.#status = "incomplete";
      this.#incomplete = { reason: stop === "length" ? "max_output_tokens" : "content_filter" };
    } else {
      this.#status = "completed";
    }
    const response = this.#snapshot();
    this.#emit({
      type: this.#status === "completed" ? "response.completed" : "response.incomplete",
      response,
    });
    return response;
  }

  /** Ends a stream that failed: `response.failed` with the error in terms Codex knows. */
  fail(error: GatewayError): void {
    this.#close("incomplete");
    this.#status = "failed";
    this.#error = toResponseError(error);
    this.#emit({ type: "response.failed", response: this.#snapshot() });
  }

  /** The events recorded since the last call. */
  take(): ResponseStreamEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  /** The response object as it stands. */
  #snapshot(): Response {
    const { echo } = this.#meta;
    const done = this.#status !== "in_progress";
    const response: Response = {
      id: this.#meta.id,
      object: "response",
      created_at: this.#meta.createdAt,
      status: this.#status,
      completed_at: this.#status === "completed" ? Math.floor(Date.now() / 1000) : null,
      error: this.#error,
      incomplete_details: this.#incomplete,
      instructions: echo.instructions,
      max_output_tokens: echo.max_output_tokens,
      model: this.#meta.model,
      output: done ? this.#output.slice() : [],
      parallel_tool_calls: echo.parallel_tool_calls,
      previous_response_id: echo.previous_response_id,
      reasoning: echo.reasoning,
      store: echo.store,
      temperature: echo.temperature,
      text: echo.text,
      tool_choice: echo.tool_choice,
      tools: echo.tools,
      top_p: echo.top_p,
      truncation: echo.truncation,
      metadata: echo.metadata,
      prompt_cache_key: echo.prompt_cache_key,
      service_tier: echo.service_tier,
    };
    if (echo.user !== undefined) response.user = echo.user;
    if (done) {
      response.output_text = outputText(this.#output);
      response.usage = toResponseUsage(this.#usage);
    }
    return response;
  }

  #part(part: Part): void {
    if (part.thoughtSignature && !part.thought) this.#signature(part.thoughtSignature, part);
    if (part.functionCall) {
      if (!this.#meta.parallelToolCalls && this.#calls > 0) return;
      this.#close();
      this.#call(part.functionCall.name, part.functionCall.args ?? {}, part.thoughtSignature);
    } else if (part.thought) {
      if (this.#meta.compaction || !part.text) return;
      this.#reasoningDelta(part.text);
    } else if (part.text) {
      this.#text(part.text);
    } else {
      const block = partMarkdown(part);
      if (block === undefined) return;
      const before = this.#open?.kind === "message" ? this.#open.text : "";
      this.#text((before === "" || before.endsWith("\n") ? "" : "\n") + block);
    }
  }

  /**
   * A signed part: the open reasoning item carries the signature; without one, a part that
   * starts an item gets a reasoning item of its own before it (when the client asked).
   */
  #signature(signature: string, part: Part): void {
    if (!this.#meta.includeEncrypted || this.#meta.compaction) return;
    if (this.#open?.kind === "reasoning") {
      this.#open.item.encrypted_content ??= seal({ signature });
      return;
    }
    const startsItem = part.functionCall || (part.text && this.#open?.kind !== "message");
    if (!startsItem) return;
    this.#close();
    this.#add(
      { type: "reasoning", id: newId("rs"), summary: [], encrypted_content: seal({ signature }) },
      true,
    );
  }

  #reasoningDelta(text: string): void {
    let open = this.#open;
    if (open?.kind !== "reasoning") {
      this.#close();
      const item: ReasoningItem = { type: "reasoning", id: newId("rs"), summary: [] };
      if (this.#meta.includeEncrypted) item.encrypted_content = null;
      open = { kind: "reasoning", index: this.#add(item, false), item, text: "" };
      this.#open = open;
      this.#emit({
        type: "response.reasoning_summary_part.added",
        item_id: item.id,
        output_index: open.index,
        summary_index: 0,
        part: { type: "summary_text", text: "" },
      });
    }
    open.text += text;
    this.#emit({
      type: "response.reasoning_summary_text.delta",
      item_id: open.item.id,
      output_index: open.index,
      summary_index: 0,
      delta: text,
    });
  }

  #text(text: string): void {
    if (this.#meta.compaction) {
      this.#summary += text;
      return;
    }
    let open = this.#open;
    if (open?.kind !== "message") {
      this.#close();
      const item: OutputMessage = {
        type: "message",
        id: newId("msg"),
        role: "assistant",
        status: "in_progress",
        content: [],
      };
      open = { kind: "message", index: this.#add(item, false), item, text: "" };
      this.#open = open;
      this.#emit({
        type: "response.content_part.added",
        item_id: item.id,
        output_index: open.index,
        content_index: 0,
        part: textContent(""),
      });
    }
    open.text += text;
    this.#emit({
      type: "response.output_text.delta",
      item_id: open.item.id,
      output_index: open.index,
      content_index: 0,
      delta: text,
      logprobs: [],
    });
  }

  #call(geminiName: string, args: Record<string, unknown>, signature?: string): void {
    this.#calls++;
    const tool = this.#meta.names.get(geminiName) ?? { name: geminiName, custom: false };
    const id = newId(tool.custom ? "ctc" : "fc");
    const callId = encodeToolCallId(signature);
    const namespace = tool.namespace ? { namespace: tool.namespace } : {};
    if (tool.custom) {
      const input = typeof args.input === "string" ? args.input : JSON.stringify(args);
      const index = this.#add(
        { type: "custom_tool_call", id, call_id: callId, name: tool.name, ...namespace, input: "" },
        false,
      );
      this.#emit({
        type: "response.custom_tool_call_input.delta",
        item_id: id,
        output_index: index,
        delta: input,
      });
      this.#emit({
        type: "response.custom_tool_call_input.done",
        item_id: id,
        output_index: index,
        input,
      });
      this.#done(index, {
        type: "custom_tool_call",
        id,
        call_id: callId,
        name: tool.name,
        ...namespace,
        input,
      });
      return;
    }
    const text = JSON.stringify(args);
    const item = {
      type: "function_call" as const,
      id,
      call_id: callId,
      name: tool.name,
      ...namespace,
      arguments: "",
      status: "in_progress" as ItemStatus,
    };
    const index = this.#add(item, false);
    this.#emit({
      type: "response.function_call_arguments.delta",
      item_id: id,
      output_index: index,
      delta: text,
    });
    this.#emit({
      type: "response.function_call_arguments.done",
      item_id: id,
      output_index: index,
      name: tool.name,
      arguments: text,
    });
    this.#done(index, { ...item, arguments: text, status: "completed" });
  }

  /** Closes the open item with its final content (`status` for a message cut short). */
  #close(status: ItemStatus = "completed"): void {
    const open = this.#open;
    if (!open) return;
    this.#open = undefined;
    const { index, item, text } = open;
    if (open.kind === "reasoning") {
      const part = { type: "summary_text" as const, text };
      const base = { item_id: item.id, output_index: index, summary_index: 0 };
      this.#emit({ type: "response.reasoning_summary_text.done", ...base, text });
      this.#emit({ type: "response.reasoning_summary_part.done", ...base, part });
      this.#done(index, { ...open.item, summary: [part] });
      return;
    }
    const annotations = toCitations(this.#grounding, text).map(({ url, title, start, end }) => ({
      type: "url_citation" as const,
      url,
      title,
      start_index: start,
      end_index: end,
    }));
    const base = { item_id: item.id, output_index: index, content_index: 0 };
    annotations.forEach((annotation, at) =>
      this.#emit({
        type: "response.output_text.annotation.added",
        ...base,
        annotation_index: at,
        annotation,
      })
    );
    const part = { ...textContent(text), annotations };
    this.#emit({ type: "response.output_text.done", ...base, text, logprobs: [] });
    this.#emit({ type: "response.content_part.done", ...base, part });
    this.#done(index, { ...open.item, status, content: [part] });
  }

  /** Adds `item` to the output with `output_item.added` (and `.done` when `whole`). */
  #add(item: OutputItem, whole: boolean): number {
    const index = this.#output.length;
    this.#output.push(item);
    this.#emit({
      type: "response.output_item.added",
      output_index: index,
      item: { ...item },
    });
    if (whole) this.#done(index, item);
    return index;
  }

  #done(index: number, item: OutputItem): void {
    this.#output[index] = item;
    this.#emit({
      type: "response.output_item.done",
      output_index: index,
      item: { ...item },
    });
  }

  #emit(event: Unnumbered<ResponseStreamEvent>): void {
    if (!this.#streaming) return;
    // Every event is a fresh object: numbered in place, its number last.
    const numbered = event as ResponseStreamEvent;
    numbered.sequence_number = this.#sequence++;
    this.#events.push(numbered);
  }
}

function textContent(text: string): OutputTextContent {
  return { type: "output_text", text, annotations: [], logprobs: [] };
}

/** The text of every message of `output`, joined. */
function outputText(output: OutputItem[]): string {
  return output.flatMap((item) =>
    item.type === "message" ? item.content.map((part) => part.text) : []
  ).join("");
}

/**
 * The `usage` of a response; absent counts are 0. Input includes the tool-use prompt (search
 * results Gemini read) and output includes thoughts, so that the total is Gemini's.
 */
export function toResponseUsage(usage: UsageMetadata | undefined): ResponseUsage {
  const input = (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0);
  const reasoning = usage?.thoughtsTokenCount ?? 0;
  const output = (usage?.candidatesTokenCount ?? 0) + reasoning;
  return {
    input_tokens: input,
    input_tokens_details: {
      cached_tokens: usage?.cachedContentTokenCount ?? 0,
      cache_write_tokens: 0,
    },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: reasoning },
    total_tokens: input + output,
  };
}

/**
 * The `error` of a failed response, with the codes Codex acts on: `rate_limit_exceeded` (its
 * message saying when to try again), `insufficient_quota` (a daily quota), and
 * `context_length_exceeded`; anything else is a `server_error`.
 */
export function toResponseError(error: GatewayError): ResponseError {
  if (error.status === 429) {
    if (error.failure?.kind === "quota" && error.failure.period === "day") {
      return { code: "insufficient_quota", message: error.message };
    }
    const wait = error.headers["retry-after"];
    return {
      code: "rate_limit_exceeded",
      message: wait ? `${error.message} Please try again in ${wait}s.` : error.message,
    };
  }
  if (error.status === 400 && /token count|context (window|length)|too long/i.test(error.message)) {
    return { code: "context_length_exceeded", message: error.message };
  }
  return {
    code: error.code === "invalid_prompt" ? "invalid_prompt" : "server_error",
    message: error.message,
  };
}
