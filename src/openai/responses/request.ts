/**
 * The body of `POST /responses` → a Gemini `GenerateContentRequest`, plus what the answer
 * repeats of the request.
 *
 * The body is untrusted JSON, validated while it is translated; every client mistake is a 400
 * naming the field. Unknown fields are ignored; `metadata`, `prompt_cache_key`, `service_tier`,
 * `truncation`, `user`, `background` and `include` are accepted. Gemini-specific options are
 * read from `google` or `extra_body.google` as in chat. The mapping is described in
 * `docs/responses.md`.
 * @module
 */

import { invalidRequest } from "../../core/errors.ts";
import { MediaBudget, type MediaLimits } from "../../core/media_budget.ts";
import {
  FOREIGN_CHAT_MODELS,
  type ModelAliases,
  type ResolvedModel,
  resolveModel,
} from "../../core/model_name.ts";
import { type FetchFile, RemoteFiles } from "../../core/remote_files.ts";
import { toJsonOutput } from "../../core/response_schema.ts";
import { toSafetySettings } from "../../core/safety.ts";
import { toThinkingConfig } from "../../core/thinking.ts";
import type { GenerateContentRequest, GenerationConfig } from "../../gemini/types.ts";
import {
  childParam,
  googleOptions,
  invalidValue,
  isRecord,
  optional,
  readArray,
  readBoolean,
  readInteger,
  readNumber,
  readRecord,
  readString,
} from "../../http/fields.ts";
import { excerpt } from "../../core/excerpt.ts";
import { toResponseInput } from "./input.ts";
import { type ResponseTools, toResponseTools } from "./tools.ts";
import type { Response } from "./types.ts";

/** What the translation needs from the gateway's configuration. */
export interface ResponseRequestOptions {
  defaultModel: string;
  modelAliases: ModelAliases;
  safetyThreshold: string;
  /** Whether thought summaries are asked for when the request does not say. */
  includeThoughts: boolean;
  fetchFile: FetchFile;
  media: MediaLimits;
}

/** The request fields the response object repeats. */
export type EchoedFields = Pick<
  Response,
  | "instructions"
  | "max_output_tokens"
  | "metadata"
  | "parallel_tool_calls"
  | "previous_response_id"
  | "reasoning"
  | "store"
  | "temperature"
  | "text"
  | "tool_choice"
  | "tools"
  | "top_p"
  | "truncation"
  | "user"
  | "prompt_cache_key"
  | "service_tier"
>;

/** A Responses API request, ready for Gemini: `model` is the model that answers it. */
export interface ResponseRequest extends ResolvedModel {
  stream: boolean;
  /** Keep the response for `previous_response_id` and `GET /responses/{id}`. */
  store: boolean;
  previousResponseId?: string;
  /** `include` has `reasoning.encrypted_content`: reasoning items carry the signature. */
  includeEncrypted: boolean;
  /** False keeps only the first of the calls Gemini makes in one turn. */
  parallelToolCalls: boolean;
  /** The request was a compaction (`compaction_trigger`): answer with one `compaction` item. */
  compaction: boolean;
  /** Gemini function names → the client's tools. */
  names: ResponseTools["names"];
  echo: EchoedFields;
  request: GenerateContentRequest;
}

/** What Gemini is asked when the client wants its conversation compacted. */
export const COMPACTION_PROMPT =
  "Write a summary of the conversation so far, to be handed to another assistant that will " +
  "continue it without seeing it: the user's goals and constraints, what was done, the state " +
  "reached, files, commands and results that matter, and what remains to be done. Answer with " +
  "the summary only.";

/** Fields that would change the answer and that the gateway cannot honour, with what to do. */
const UNSUPPORTED: [string, string][] = [
  ["conversation", "continue with previous_response_id, or send the whole conversation in input."],
  ["prompt", "send the prompt's text as instructions and input."],
];

const INCLUDABLE = [
  "reasoning.encrypted_content",
  "message.output_text.logprobs",
  "web_search_call.action.sources",
  "web_search_call.results",
  "code_interpreter_call.outputs",
  "computer_call_output.output.image_url",
  "file_search_call.results",
  "message.input_image.image_url",
];

/**
 * Translates the parsed JSON `body`; `history` are the input and output items of the
 * `previous_response_id` chain, sent before the body's input.
 */
export async function toResponseRequest(
  body: unknown,
  options: ResponseRequestOptions,
  history: unknown[] = [],
): Promise<ResponseRequest> {
  if (!isRecord(body)) throw invalidRequest("The request body must be a JSON object.");
  const resolved = resolveModel(
    body.model,
    options.defaultModel,
    FOREIGN_CHAT_MODELS,
    options.modelAliases,
  );
  const { model } = resolved;
  const stream = optional(body.stream, "stream", readBoolean) ?? false;
  const store = optional(body.store, "store", readBoolean) ?? true;
  const previousResponseId = optional(
    body.previous_response_id,
    "previous_response_id",
    readString,
  );
  const include = (optional(body.include, "include", readArray) ?? []).map((item, index) => {
    const value = readString(item, childParam("include", index));
    if (!INCLUDABLE.includes(value)) {
      throw invalidValue(childParam("include", index), `unknown value '${excerpt(value)}'.`);
    }
    return value;
  });
  for (const [field, instead] of UNSUPPORTED) {
    if (body[field] !== undefined && body[field] !== null) {
      throw invalidRequest(
        `'${field}' is not supported by this gateway: ${instead}`,
        field,
        "unsupported_parameter",
      );
    }
  }
  const parallelToolCalls =
    optional(body.parallel_tool_calls, "parallel_tool_calls", readBoolean) ?? true;
  const metadata = readMetadata(body.metadata);
  const google = googleOptions(body);

  const files = new RemoteFiles(new MediaBudget(options.media));
  const conversation = toResponseInput(
    body.instructions,
    body.input ?? undefined,
    model,
    files,
    history,
  );
  const { tools, toolConfig, names } = toResponseTools(body, model);

  const reasoning = optional(body.reasoning, "reasoning", readRecord);
  const summary = optional(reasoning?.summary, "reasoning.summary", readString) ??
    optional(reasoning?.generate_summary, "reasoning.generate_summary", readString);
  const generationConfig = toGenerationConfig(body, model);
  const thinkingConfig = toThinkingConfig(
    model,
    reasoning?.effort,
    google("thinking_config"),
    summary === undefined ? options.includeThoughts : true,
    "reasoning.effort",
  );
  if (thinkingConfig) generationConfig.thinkingConfig = thinkingConfig;
  const safetySettings = toSafetySettings(options.safetyThreshold, google("safety_settings"));
  await files.fetchAll(options.fetchFile);

  const request: GenerateContentRequest = { contents: conversation.contents };
  if (conversation.systemInstruction) request.systemInstruction = conversation.systemInstruction;
  if (conversation.compaction) {
    const last = request.contents.at(-1);
    const prompt = { text: COMPACTION_PROMPT };
    if (last?.role === "user") last.parts = [...last.parts ?? [], prompt];
    else request.contents.push({ role: "user", parts: [prompt] });
  } else {
    if (tools) request.tools = tools;
    if (toolConfig) request.toolConfig = toolConfig;
  }
  request.safetySettings = safetySettings;
  if (Object.keys(generationConfig).length > 0) request.generationConfig = generationConfig;

  return {
    ...resolved,
    stream,
    store,
    ...(previousResponseId && { previousResponseId }),
    includeEncrypted: include.includes("reasoning.encrypted_content"),
    parallelToolCalls,
    compaction: conversation.compaction,
    names,
    request,
    echo: {
      instructions: typeof body.instructions === "string" ? body.instructions : null,
      max_output_tokens: generationConfig.maxOutputTokens ?? null,
      metadata,
      parallel_tool_calls: parallelToolCalls,
      previous_response_id: previousResponseId ?? null,
      reasoning: reasoning
        ? { effort: (reasoning.effort as string) ?? null, summary: summary ?? null }
        : null,
      store,
      temperature: generationConfig.temperature ?? 1,
      text: { format: textFormat(body) },
      tool_choice: body.tool_choice ?? "auto",
      tools: echoTools(body.tools),
      top_p: generationConfig.topP ?? 1,
      truncation: body.truncation === "auto" ? "auto" : "disabled",
      ...(typeof body.user === "string" && { user: body.user }),
      prompt_cache_key: typeof body.prompt_cache_key === "string" ? body.prompt_cache_key : null,
      service_tier: typeof body.service_tier === "string" ? body.service_tier : "default",
    },
  };
}

function toGenerationConfig(body: Record<string, unknown>, model: string): GenerationConfig {
  const config: GenerationConfig = {};
  const temperature = optional(
    body.temperature,
    "temperature",
    (value, param) => readNumber(value, param, { min: 0, max: 2 }),
  );
  if (temperature !== undefined) config.temperature = temperature;
  const topP = optional(
    body.top_p,
    "top_p",
    (value, param) => readNumber(value, param, { min: 0, max: 1 }),
  );
  if (topP !== undefined) config.topP = topP;
  const max = optional(
    body.max_output_tokens,
    "max_output_tokens",
    (value, param) => readInteger(value, param, { min: 1 }),
  );
  if (max !== undefined) config.maxOutputTokens = max;
  const text = optional(body.text, "text", readRecord);
  const format = optional(text?.format, "text.format", readRecord);
  if (format) {
    const type = readString(format.type, "text.format.type");
    if (type === "json_object") {
      Object.assign(config, toJsonOutput(undefined, "text.format", model));
    } else if (type === "json_schema") {
      const schema = readRecord(format.schema, "text.format.schema");
      Object.assign(config, toJsonOutput(schema, "text.format.schema", model));
    } else if (type !== "text") {
      throw invalidValue(
        "text.format.type",
        `unknown type '${excerpt(type)}'; expected text, json_object or json_schema.`,
      );
    }
  }
  return config;
}

function readMetadata(value: unknown): Record<string, string> {
  const metadata = optional(value, "metadata", readRecord) ?? {};
  const entries = Object.entries(metadata);
  if (entries.length > 16) throw invalidValue("metadata", "at most 16 keys are allowed.");
  for (const [key, item] of entries) readString(item, childParam("metadata", key));
  return metadata as Record<string, string>;
}

function textFormat(body: Record<string, unknown>): Record<string, unknown> {
  const format = isRecord(body.text) && isRecord(body.text.format) ? body.text.format : undefined;
  return format ?? { type: "text" };
}

/** The tools as the response repeats them: function tools with `strict` and `parameters`. */
function echoTools(tools: unknown): unknown[] {
  if (!Array.isArray(tools)) return [];
  const fn = (tool: Record<string, unknown>) =>
    tool.type === "function"
      ? { ...tool, parameters: tool.parameters ?? null, strict: tool.strict ?? null }
      : tool;
  return tools.filter(isRecord).map((tool) =>
    tool.type === "namespace" && Array.isArray(tool.tools)
      ? { ...tool, description: tool.description ?? "", tools: tool.tools.filter(isRecord).map(fn) }
      : fn(tool)
  );
}
