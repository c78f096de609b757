/**
 * The bodies of `POST /api/chat` and `POST /api/generate` → a Gemini `GenerateContentRequest`.
 *
 * The body is untrusted JSON, validated while it is translated: a client mistake is a 400
 * naming the field. Unknown fields are ignored. Ollama streams unless `stream` is `false`. A
 * chat without messages (a generate without prompt or images) only loads the model, or unloads
 * it with `keep_alive: 0`; Gemini is not asked to generate anything. What is mapped and what is
 * ignored is listed in `docs/ollama.md`.
 * @module
 */

import { toConversation } from "../core/conversation.ts";
import { invalidRequest } from "../core/errors.ts";
import { MediaBudget, type MediaLimits } from "../core/media_budget.ts";
import { FOREIGN_CHAT_MODELS, type ModelAliases } from "../core/model_name.ts";
import { RemoteFiles } from "../core/remote_files.ts";
import { toSafetySettings } from "../core/safety.ts";
import type { GenerateContentRequest, GenerationConfig, Part } from "../gemini/types.ts";
import {
  invalidValue,
  isRecord,
  optional,
  readArray,
  readBoolean,
  readString,
  wrongType,
} from "../http/fields.ts";
import { toOutputFormat } from "./format.ts";
import { toLogprobsConfig } from "./logprobs.ts";
import { readMessages, userParts } from "./messages.ts";
import { type OllamaModel, resolveOllamaModel } from "./model_name.ts";
import { toGenerationConfig } from "./options.ts";
import { thinkingFor } from "./think.ts";
import { toTools } from "./tools.ts";

/** What the translation needs from the gateway's configuration. */
export interface OllamaRequestOptions {
  /** The model used when the request names none. */
  defaultModel: string;
  /** Maps retired and aliased model names to the model that answers. */
  modelAliases: ModelAliases;
  /** The threshold every harm category is blocked at. */
  safetyThreshold: string;
  /** Whether thought summaries are asked for when `think` is not given. */
  includeThoughts: boolean;
  /** What the request's images may add up to. */
  media: MediaLimits;
}

/** A chat or generate request, ready for Gemini. */
export interface OllamaRequest extends OllamaModel {
  stream: boolean;
  /**
   * Set when the request only loads (`load`) or unloads (`unload`) the model: there is nothing
   * to generate, and `request` is absent.
   */
  load?: "load" | "unload";
  request?: GenerateContentRequest;
}

/** Translates the parsed JSON `body` of `POST /api/chat`. */
export function toChatRequest(value: unknown, options: OllamaRequestOptions): OllamaRequest {
  const { body, shared, load } = readShared(value, options);
  const messages = optional(body.messages, "messages", readArray) ?? [];
  if (messages.length === 0) return { ...shared, load };
  const { model } = shared;
  const files = new RemoteFiles(new MediaBudget(options.media));
  const { turns, system } = readMessages(messages, files);
  const conversation = toConversation(turns, system, model, "messages");
  const request = generateContentRequest(body, model, options, conversation);
  const tools = toTools(body.tools, model);
  if (tools) request.tools = tools;
  return { ...shared, request };
}

/** Translates the parsed JSON `body` of `POST /api/generate`. */
export function toGenerateRequest(value: unknown, options: OllamaRequestOptions): OllamaRequest {
  const { body, shared, load } = readShared(value, options);
  const prompt = optional(body.prompt, "prompt", readString) ?? "";
  const suffix = optional(body.suffix, "suffix", readString);
  if (suffix) {
    throw invalidValue(
      "suffix",
      "Gemini has no fill-in-the-middle mode; send the text around the gap in the prompt " +
        "instead.",
    );
  }
  optional(body.raw, "raw", readBoolean);
  optional(body.template, "template", readString);
  optional(body.context, "context", readArray);
  const files = new RemoteFiles(new MediaBudget(options.media));
  const parts = userParts(prompt, body.images, "", files);
  if (parts.length === 0) return { ...shared, load };
  const systemText = optional(body.system, "system", readString);
  const system: Part[] = systemText ? [{ text: systemText }] : [];
  const conversation = toConversation([{ role: "user", parts }], system, shared.model, "prompt");
  return { ...shared, request: generateContentRequest(body, shared.model, options, conversation) };
}

/**
 * The model and `stream` of either body, and what it does when it has nothing to generate
 * (by its `keep_alive`).
 */
function readShared(
  body: unknown,
  options: OllamaRequestOptions,
): { body: Record<string, unknown>; shared: OllamaRequest; load: "load" | "unload" } {
  if (!isRecord(body)) throw invalidRequest("The request body must be a JSON object.");
  const model = resolveOllamaModel(
    body.model,
    options.defaultModel,
    FOREIGN_CHAT_MODELS,
    options.modelAliases,
  );
  const stream = optional(body.stream, "stream", readBoolean) ?? true;
  return { body, shared: { ...model, stream }, load: loadReason(body.keep_alive) };
}

/** The `GenerateContentRequest` of a conversation with the body's options, format and think. */
function generateContentRequest(
  body: Record<string, unknown>,
  model: string,
  options: OllamaRequestOptions,
  conversation: ReturnType<typeof toConversation>,
): GenerateContentRequest {
  const generationConfig: GenerationConfig = {
    ...toGenerationConfig(body.options, model),
    ...toOutputFormat(body.format, model),
    ...toLogprobsConfig(body),
  };
  const thinkingConfig = thinkingFor(body.think, model, options.includeThoughts);
  if (thinkingConfig) generationConfig.thinkingConfig = thinkingConfig;
  const request: GenerateContentRequest = { ...conversation };
  request.safetySettings = toSafetySettings(options.safetyThreshold);
  if (Object.keys(generationConfig).length > 0) request.generationConfig = generationConfig;
  return request;
}

/**
 * What a request without anything to generate does: `unload` when `keep_alive` is zero (`0`,
 * `"0"`, `"0s"`…), else `load`. Checks `keep_alive` is a number or a duration string.
 */
function loadReason(keepAlive: unknown): "load" | "unload" {
  if (keepAlive === undefined || keepAlive === null) return "load";
  if (typeof keepAlive === "number" && Number.isFinite(keepAlive)) {
    return keepAlive === 0 ? "unload" : "load";
  }
  if (typeof keepAlive !== "string") {
    throw wrongType("keep_alive", "a number of seconds or a duration string", keepAlive);
  }
  return /^\s*0+(\.0*)?\s*(ns|us|µs|ms|s|m|h)?\s*$/.test(keepAlive) ? "unload" : "load";
}
