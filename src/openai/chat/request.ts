/**
 * The body of `POST /chat/completions` → a Gemini `GenerateContentRequest`.
 *
 * The body is untrusted JSON: it is validated while it is translated, and every client mistake
 * is a 400 naming the field. Unknown fields are ignored. Gemini-specific options are read from a
 * top-level `google` object (where the openai SDKs put `extra_body` keys) or from a literal
 * `extra_body.google`, with snake_case or camelCase keys. Remote files are fetched only once the
 * whole body is known to be valid. The mapping is described in `docs/chat-request.md`.
 * @module
 */

import type { GenerateContentRequest } from "../../gemini/types.ts";
import { invalidRequest } from "../../core/errors.ts";
import { type FetchFile, RemoteFiles } from "../../core/remote_files.ts";
import { MediaBudget, type MediaLimits } from "../../core/media_budget.ts";
import {
  googleOptions,
  isRecord,
  optional,
  readBoolean,
  readRecord,
  readString,
} from "../../http/fields.ts";
import { toGenerationConfig, toResponseModalities } from "./generation_config.ts";
import { toContents } from "./messages.ts";
import { toSafetySettings } from "../../core/safety.ts";
import { toThinkingConfig } from "../../core/thinking.ts";
import { toTools } from "./tools.ts";
import {
  FOREIGN_CHAT_MODELS,
  type ModelAliases,
  type ResolvedModel,
  resolveModel,
} from "../../core/model_name.ts";

/** What the translation needs from the gateway's configuration. */
export interface ChatRequestOptions {
  /** The model used when the request names none. */
  defaultModel: string;
  /** Maps retired and aliased model names to the model that answers. */
  modelAliases: ModelAliases;
  /** The threshold every harm category is blocked at unless the request overrides it. */
  safetyThreshold: string;
  /** Whether thought summaries are asked for when thinking is on. */
  includeThoughts: boolean;
  /** Fetches an http(s) URL of an `image_url` part as a Gemini blob. */
  fetchFile: FetchFile;
  /** What the request's media (fetched and inline) may add up to. */
  media: MediaLimits;
}

/** A chat completion request, ready for Gemini: `model` is the model that answers it. */
export interface ChatRequest extends ResolvedModel {
  stream: boolean;
  /** `stream_options.include_usage` of a streaming request. */
  includeUsage: boolean;
  /**
   * `parallel_tool_calls`: Gemini has no such switch, so when it is false the answer keeps only
   * the first of the calls Gemini makes in one turn.
   */
  parallelToolCalls: boolean;
  request: GenerateContentRequest;
}

/** Translates the parsed JSON `body` of a chat completion request. */
export async function toChatRequest(
  body: unknown,
  options: ChatRequestOptions,
): Promise<ChatRequest> {
  if (!isRecord(body)) throw invalidRequest("The request body must be a JSON object.");
  const resolved = resolveModel(
    body.model,
    options.defaultModel,
    FOREIGN_CHAT_MODELS,
    options.modelAliases,
  );
  const { model } = resolved;
  const stream = optional(body.stream, "stream", readBoolean) ?? false;
  const streamOptions = optional(body.stream_options, "stream_options", readRecord);
  const includeUsage = optional(
    streamOptions?.include_usage,
    "stream_options.include_usage",
    readBoolean,
  );
  const parallelToolCalls =
    optional(body.parallel_tool_calls, "parallel_tool_calls", readBoolean) ?? true;
  const google = googleOptions(body);

  const files = new RemoteFiles(new MediaBudget(options.media));
  const { contents, systemInstruction } = toContents(body.messages, model, files);
  const { tools, toolConfig } = toTools(body, model, {
    urlContext: google("url_context"),
    codeExecution: google("code_execution"),
  });
  const generationConfig = toGenerationConfig(body, model);
  const thinkingConfig = toThinkingConfig(
    model,
    body.reasoning_effort,
    google("thinking_config"),
    options.includeThoughts,
  );
  if (thinkingConfig) generationConfig.thinkingConfig = thinkingConfig;
  const modalities = google("response_modalities");
  if (modalities) {
    generationConfig.responseModalities = toResponseModalities(modalities.value, modalities.param);
  }
  const safetySettings = toSafetySettings(options.safetyThreshold, google("safety_settings"));
  const cached = google("cached_content");
  const cachedContent = cached && readString(cached.value, cached.param);
  await files.fetchAll(options.fetchFile);

  const request: GenerateContentRequest = { contents };
  if (systemInstruction) request.systemInstruction = systemInstruction;
  if (tools) request.tools = tools;
  if (toolConfig) request.toolConfig = toolConfig;
  request.safetySettings = safetySettings;
  if (Object.keys(generationConfig).length > 0) request.generationConfig = generationConfig;
  if (cachedContent) {
    request.cachedContent = cachedContent.startsWith("cachedContents/")
      ? cachedContent
      : `cachedContents/${cachedContent}`;
  }
  return {
    ...resolved,
    stream,
    includeUsage: stream && includeUsage === true,
    parallelToolCalls,
    request,
  };
}
