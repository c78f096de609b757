/**
 * The body of `POST /v1/messages` (and of `count_tokens`) → a Gemini `GenerateContentRequest`.
 *
 * The body is untrusted JSON: it is validated while it is translated, and every client mistake
 * is a 400 naming the field. Unknown fields (`context_management`, `service_tier`,
 * `container`…) are ignored. Remote media are fetched only once the whole body is known to be
 * valid. The mapping is described in `docs/anthropic.md`.
 * @module
 */

import { toStopSequences } from "../core/stop_sequences.ts";
import { toConversation } from "../core/conversation.ts";
import { excerpt } from "../core/excerpt.ts";
import { MediaBudget, type MediaLimits } from "../core/media_budget.ts";
import { modelFamily } from "../core/model_family.ts";
import {
  FOREIGN_CHAT_MODELS,
  type ModelAliases,
  type ResolvedModel,
  resolveModel,
} from "../core/model_name.ts";
import { type FetchFile, RemoteFiles } from "../core/remote_files.ts";
import { toJsonOutput } from "../core/response_schema.ts";
import { toSafetySettings } from "../core/safety.ts";
import { toThinkingConfig } from "../core/thinking.ts";
import type { GenerateContentRequest, GenerationConfig, ThinkingConfig } from "../gemini/types.ts";
import {
  childParam,
  invalidValue,
  optional,
  readBoolean,
  readInteger,
  readNumber,
  readRecord,
  readString,
} from "../http/fields.ts";
import { toMessageTurns } from "./messages.ts";
import { toToolSettings } from "./tools.ts";

/** Which Gemini model answers which Claude names, when no `MODEL_ALIASES` entry does. */
export interface ClaudeModels {
  /** Claude names of no known family, and requests without a model. */
  default: string;
  haiku: string;
  sonnet: string;
  opus: string;
}

/** What the translation needs from the gateway's configuration. */
export interface MessagesRequestOptions {
  models: ClaudeModels;
  /** Maps retired and aliased model names to the model that answers. */
  modelAliases: ModelAliases;
  /** The threshold every harm category is blocked at. */
  safetyThreshold: string;
  /** Whether thought summaries are asked for when the client turns thinking on. */
  includeThoughts: boolean;
  /** Fetches an http(s) URL of an image or document as a Gemini blob. */
  fetchFile: FetchFile;
  /** What the request's media (fetched and inline) may add up to. */
  media: MediaLimits;
}

/** A Messages request, ready for Gemini: `model` is the model that answers it. */
export interface MessagesRequest extends ResolvedModel {
  stream: boolean;
  /** `tool_choice.disable_parallel_tool_use`: only the first tool call is kept. */
  singleToolUse: boolean;
  /** `thinking` is `enabled` or `adaptive`: the answer may hold thinking blocks. */
  thinking: boolean;
  request: GenerateContentRequest;
}

/** Gemini's largest `maxOutputTokens`: 65,536 for Gemini 2.5 and newer, 8,192 before. */
function outputLimit(model: string): number {
  return modelFamily(model) === "legacy" ? 8192 : 65536;
}

/** Anthropic's smallest `thinking.budget_tokens` (and every Gemini 2.5 model's is lower). */
const MIN_THINKING_BUDGET = 1024;

/** Anthropic's efforts (`output_config.effort`), as the shared effort tables read them. */
const EFFORTS = ["low", "medium", "high", "xhigh", "max"];

/**
 * Translates the parsed JSON `body` of a Messages request. With `forCounting` (`count_tokens`),
 * `max_tokens` may be absent.
 */
export async function toMessagesRequest(
  body: Record<string, unknown>,
  options: MessagesRequestOptions,
  forCounting = false,
): Promise<MessagesRequest> {
  const resolved = resolveClaudeModel(body.model, options);
  const { model } = resolved;
  const stream = optional(body.stream, "stream", readBoolean) ?? false;
  optional(body.metadata, "metadata", readRecord);

  const files = new RemoteFiles(new MediaBudget(options.media));
  const { turns, system } = toMessageTurns(body.system, body.messages, files);
  const { contents, systemInstruction } = toConversation(turns, system, model, "messages");
  const { tools, toolConfig, singleToolUse } = toToolSettings(body, model);
  const generationConfig = toGenerationConfig(body, model, forCounting);
  const { thinkingConfig, thinking } = toThinking(body, model, options.includeThoughts);
  if (thinkingConfig) generationConfig.thinkingConfig = thinkingConfig;
  await files.fetchAll(options.fetchFile);

  const request: GenerateContentRequest = { contents };
  if (systemInstruction) request.systemInstruction = systemInstruction;
  if (tools) request.tools = tools;
  if (toolConfig) request.toolConfig = toolConfig;
  request.safetySettings = toSafetySettings(options.safetyThreshold);
  if (Object.keys(generationConfig).length > 0) request.generationConfig = generationConfig;
  return { ...resolved, stream, singleToolUse, thinking, request };
}

/**
 * The model answering `value`: `MODEL_ALIASES` and the retired-model table first; a Claude name
 * they leave unmapped goes to its family's setting (haiku, sonnet, opus) or the Anthropic default.
 */
export function resolveClaudeModel(value: unknown, options: MessagesRequestOptions): ResolvedModel {
  const name = typeof value === "string" ? value.toLowerCase() : "";
  const { models } = options;
  const fallback = !name.includes("claude")
    ? models.default
    : name.includes("haiku")
    ? models.haiku
    : name.includes("sonnet")
    ? models.sonnet
    : name.includes("opus")
    ? models.opus
    : models.default;
  return resolveModel(value, fallback, FOREIGN_CHAT_MODELS, options.modelAliases);
}

function toGenerationConfig(
  body: Record<string, unknown>,
  model: string,
  forCounting: boolean,
): GenerationConfig {
  const number = (key: string, max: number) =>
    optional(body[key], key, (value, param) => readNumber(value, param, { min: 0, max }));
  const maxTokens = forCounting
    ? optional(
      body.max_tokens,
      "max_tokens",
      (value, param) => readInteger(value, param, { min: 1 }),
    )
    : readInteger(body.max_tokens, "max_tokens", { min: 1 });
  const config: GenerationConfig = {
    temperature: number("temperature", 2),
    topP: number("top_p", 1),
    topK: optional(body.top_k, "top_k", (value, param) => readInteger(value, param, { min: 0 })) ||
      undefined,
    maxOutputTokens: maxTokens && Math.min(maxTokens, outputLimit(model)),
    stopSequences: toStopSequences(body.stop_sequences, "stop_sequences"),
    ...jsonOutput(body, model),
  };
  return Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined),
  ) as GenerationConfig;
}

/** Structured output: `output_config.format` (or the older `output_format`) of type `json_schema`. */
function jsonOutput(body: Record<string, unknown>, model: string): GenerationConfig {
  const outputConfig = optional(body.output_config, "output_config", readRecord);
  const [value, param] = outputConfig?.format != null
    ? [outputConfig.format, "output_config.format"]
    : [body.output_format, "output_format"];
  const format = optional(value, param, readRecord);
  if (!format) return {};
  const type = readString(format.type, childParam(param, "type"));
  if (type !== "json_schema") {
    throw invalidValue(
      childParam(param, "type"),
      `expected 'json_schema', got '${excerpt(type)}'.`,
    );
  }
  const schemaParam = childParam(param, "schema");
  return toJsonOutput(readRecord(format.schema, schemaParam), schemaParam, model);
}

/**
 * `thinking` and `output_config.effort` → `thinkingConfig`, and whether the client turned thinking
 * on (`enabled` or `adaptive`), through the shared effort tables:
 * `enabled` thinks at the effort its `budget_tokens` suggests (up to 1,024 low, up to 8,192
 * medium, more high), with a budget model's budget no larger than `budget_tokens`, `adaptive` at `output_config.effort` (else the model's default),
 * `disabled` as little as the model allows. Thought summaries are asked for (as configured) only
 * when the client turned thinking on and did not ask for `display: "omitted"`.
 */
function toThinking(
  body: Record<string, unknown>,
  model: string,
  includeThoughts: boolean,
): { thinkingConfig?: ThinkingConfig; thinking: boolean } {
  const outputConfig = optional(body.output_config, "output_config", readRecord);
  const effort = optional(outputConfig?.effort, "output_config.effort", readEffort);
  const thinking = optional(body.thinking, "thinking", readRecord);
  // Thinking is never sent to Gemini 2.0 and older.
  const config = (level: string | undefined, summaries: boolean) =>
    modelFamily(model) === "legacy"
      ? undefined
      : toThinkingConfig(model, level, undefined, summaries);
  if (!thinking) return { thinkingConfig: config(effort, false), thinking: false };
  const type = readString(thinking.type, "thinking.type");
  const display = optional(thinking.display, "thinking.display", readString);
  const summaries = includeThoughts && display !== "omitted";
  switch (type) {
    case "enabled": {
      const budget = readInteger(thinking.budget_tokens, "thinking.budget_tokens", {
        min: MIN_THINKING_BUDGET,
      });
      const fromBudget = budget <= 1024 ? "low" : budget <= 8192 ? "medium" : "high";
      const thinkingConfig = config(effort ?? fromBudget, summaries);
      // A model that takes a budget (Gemini 2.5) never thinks more than the client allowed.
      if (thinkingConfig?.thinkingBudget !== undefined && thinkingConfig.thinkingBudget > budget) {
        thinkingConfig.thinkingBudget = budget;
      }
      return { thinkingConfig, thinking: true };
    }
    case "adaptive":
      return { thinkingConfig: config(effort, summaries), thinking: true };
    case "disabled":
      return { thinkingConfig: config("none", false), thinking: false };
    default:
      throw invalidValue(
        "thinking.type",
        `unknown value '${excerpt(type)}'; expected enabled, adaptive or disabled.`,
      );
  }
}

function readEffort(value: unknown, param: string): string {
  const effort = readString(value, param);
  if (!EFFORTS.includes(effort)) {
    throw invalidValue(
      param,
      `unknown value '${excerpt(effort)}'; expected one of ${EFFORTS.join(", ")}.`,
    );
  }
  return effort;
}
