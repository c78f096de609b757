/**
 * The body of a legacy `POST /completions` → the Gemini `GenerateContentRequest`s that answer it,
 * one per prompt.
 *
 * Gemini has no raw text continuation: each prompt is sent as the user turn, with a system
 * instruction asking for the continuation alone (or, with `suffix`, for the text that goes
 * between the prompt and the suffix), with the least thinking the model allows (thoughts count
 * against `max_tokens`, and an editor's completion should be quick). `max_tokens` is sent only
 * when given (OpenAI's default of 16 would cut a thinking model short); `best_of` other than `n`
 * is refused, as are token-id prompts. The mapping is described in `docs/media.md`.
 * @module
 */

import { toStopSequences } from "../../core/stop_sequences.ts";
import type { GenerateContentRequest, GenerationConfig } from "../../gemini/types.ts";
import { invalidRequest } from "../../core/errors.ts";
import { type ModelAliases, type ResolvedModel, resolveModel } from "../../core/model_name.ts";
import { toSafetySettings } from "../../core/safety.ts";
import { toThinkingConfig } from "../../core/thinking.ts";
import {
  childParam,
  invalidValue,
  missing,
  optional,
  readBoolean,
  readInteger,
  readNumber,
  readRecord,
  readString,
  wrongType,
} from "../../http/fields.ts";

/** Model names of OpenAI (completion and chat models) and Anthropic, answered by the default. */
export const FOREIGN_COMPLETION_MODELS =
  /^(gpt-|chatgpt-|o[134](-|$)|claude-|text-(davinci|curie|babbage|ada)|davinci|babbage|code-)/;

/** Most prompts one request may carry. */
export const MAX_PROMPTS = 32;

/** Most choices (`n` times the prompts) one request may ask for. */
const MAX_CHOICES = 128;

/** The instruction that makes a chat model continue text. */
export const CONTINUE_INSTRUCTION =
  "You are a text completion engine. Continue the user's text exactly where it ends. Answer " +
  "with the continuation only: do not repeat the text, do not comment on it.";

/** The instruction that makes a chat model fill in text between a prompt and a suffix. */
export const INSERT_INSTRUCTION =
  "You are a text completion engine. The user's message holds a text before <SUFFIX> and the " +
  "text that follows it after. Answer with the text that belongs between the two only, " +
  "without repeating either of them.";

/** What the translation needs from the gateway's configuration. */
export interface CompletionRequestOptions {
  defaultModel: string;
  modelAliases: ModelAliases;
  safetyThreshold: string;
}

/** A legacy completion request, ready for Gemini: `model` is the model that answers it. */
export interface CompletionRequest extends ResolvedModel {
  /** The prompts, in order; each is one Gemini call. */
  prompts: string[];
  /** Choices per prompt. */
  n: number;
  stream: boolean;
  includeUsage: boolean;
  /** Whether each choice's text starts with its prompt. */
  echo: boolean;
  /** One Gemini request per prompt. */
  requests: GenerateContentRequest[];
}

/** Translates the parsed JSON `body` of a legacy completion request. */
export function toCompletionRequest(
  body: Record<string, unknown>,
  options: CompletionRequestOptions,
): CompletionRequest {
  const resolved = resolveModel(
    body.model,
    options.defaultModel,
    FOREIGN_COMPLETION_MODELS,
    options.modelAliases,
  );
  const prompts = readPrompts(body.prompt);
  const n = optional(body.n, "n", (value, param) => readInteger(value, param, { min: 1 })) ?? 1;
  if (n * prompts.length > MAX_CHOICES) {
    throw invalidValue("n", `at most ${MAX_CHOICES} choices (n times the prompts) are supported.`);
  }
  const bestOf = optional(body.best_of, "best_of", (value, param) => readInteger(value, param));
  if (bestOf !== undefined && bestOf !== n) {
    throw invalidValue("best_of", "Gemini returns every candidate it makes: use n instead.");
  }
  const stream = optional(body.stream, "stream", readBoolean) ?? false;
  if (stream && prompts.length > 1) {
    throw invalidValue("prompt", "a streamed completion takes one prompt; send one per request.");
  }
  const streamOptions = optional(body.stream_options, "stream_options", readRecord);
  const includeUsage = optional(
    streamOptions?.include_usage,
    "stream_options.include_usage",
    readBoolean,
  ) === true;
  const echo = optional(body.echo, "echo", readBoolean) ?? false;
  const suffix = optional(body.suffix, "suffix", readString) || undefined;
  const generationConfig = toCompletionConfig(body, n);
  // A continuation needs no reasoning, and thoughts would eat into a small max_tokens.
  const thinkingConfig = toThinkingConfig(resolved.model, "none", undefined, false);
  if (thinkingConfig) generationConfig.thinkingConfig = thinkingConfig;
  const safetySettings = toSafetySettings(options.safetyThreshold, undefined);
  const requests = prompts.map((prompt): GenerateContentRequest => {
    const request: GenerateContentRequest = {
      contents: [{
        role: "user",
        parts: [{ text: suffix === undefined ? prompt : `${prompt}<SUFFIX>${suffix}` }],
      }],
      systemInstruction: {
        parts: [{ text: suffix === undefined ? CONTINUE_INSTRUCTION : INSERT_INSTRUCTION }],
      },
      safetySettings,
    };
    if (Object.keys(generationConfig).length > 0) request.generationConfig = generationConfig;
    return request;
  });
  return { ...resolved, prompts, n, stream, includeUsage: stream && includeUsage, echo, requests };
}

/** `prompt`: a string or an array of strings; token ids are refused. */
function readPrompts(value: unknown): string[] {
  if (value === undefined || value === null) throw missing("prompt");
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) throw wrongType("prompt", "a string or an array of strings", value);
  if (value.length === 0) throw invalidValue("prompt", "expected at least one prompt.");
  if (value.length > MAX_PROMPTS) {
    throw invalidValue("prompt", `at most ${MAX_PROMPTS} prompts are supported per request.`);
  }
  return value.map((item, index) => {
    const param = childParam("prompt", index);
    if (typeof item === "number" || Array.isArray(item)) {
      throw invalidRequest(
        `Invalid '${param}': token ids are not supported by Gemini; send the prompt as text.`,
        param,
        "invalid_value",
      );
    }
    return readString(item, param);
  });
}

/** The sampling and output parameters of a legacy completion as Gemini's `generationConfig`. */
function toCompletionConfig(body: Record<string, unknown>, n: number): GenerationConfig {
  const number = (key: string, min: number, max: number) =>
    optional(body[key], key, (value, param) => readNumber(value, param, { min, max }));
  const config: GenerationConfig = {};
  const temperature = number("temperature", 0, 2);
  if (temperature !== undefined) config.temperature = temperature;
  const topP = number("top_p", 0, 1);
  if (topP !== undefined) config.topP = topP;
  const maxTokens = optional(
    body.max_tokens,
    "max_tokens",
    (value, param) => readInteger(value, param, { min: 1 }),
  );
  if (maxTokens !== undefined) config.maxOutputTokens = maxTokens;
  const stops = toStopSequences(body.stop, "stop", { string: true });
  if (stops) config.stopSequences = stops;
  if (n > 1) config.candidateCount = n;
  const seed = optional(
    body.seed,
    "seed",
    (value, param) => readInteger(value, param, { min: -(2 ** 31), max: 2 ** 31 - 1 }),
  );
  if (seed !== undefined) config.seed = seed;
  // Checked like OpenAI checks them, not sent: Gemini 2.5 and later refuse penalties.
  number("presence_penalty", -2, 2);
  number("frequency_penalty", -2, 2);
  const logprobs = optional(
    body.logprobs,
    "logprobs",
    (value, param) => readInteger(value, param, { min: 0, max: 5 }),
  );
  if (logprobs !== undefined) {
    config.responseLogprobs = true;
    if (logprobs > 0) config.logprobs = logprobs;
  }
  return config;
}
