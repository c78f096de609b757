/**
 * The gateway's settings, read once from the environment at start.
 * @module
 */

import { HARM_BLOCK_THRESHOLDS } from "./core/safety.ts";
import { ModelAliases, modelId, parseModelAliases } from "./core/model_name.ts";

/** Everything the gateway can be configured with. */
export interface Config {
  /** Port `main.ts` listens on. */
  port: number;
  /** Gemini's origin, without a trailing slash. */
  geminiBaseUrl: string;
  /** API version used in REST paths, e.g. `v1beta`. */
  geminiApiVersion: string;
  /** How long one upstream call may take, in milliseconds. */
  upstreamTimeoutMs: number;
  /** Largest request body accepted, in bytes; beyond it: 413. */
  maxBodyBytes: number;
  /** Largest JSON body read from Gemini, in bytes; beyond it: 502. */
  maxUpstreamBodyBytes: number;
  /** Chat model used when a request names none, or names another provider's model. */
  defaultModel: string;
  /** Model answering Claude model names no alias or family setting maps (Anthropic API). */
  anthropicDefaultModel: string;
  /** Model answering `claude-*haiku*` names no alias maps (default: the Anthropic default). */
  anthropicHaikuModel: string;
  /** Model answering `claude-*sonnet*` names no alias maps. */
  anthropicSonnetModel: string;
  /** Model answering `claude-*opus*` names no alias maps (default: the Anthropic default). */
  anthropicOpusModel: string;
  /** Embedding model used when a request names none. */
  defaultEmbeddingModel: string;
  /** Model of `POST /completions` when a request names none or another provider's model. */
  defaultCompletionModel: string;
  /** Image model of `POST /images/…` when a request names none or an OpenAI image model. */
  defaultImageModel: string;
  /** Speech model of `POST /audio/speech` when a request names none or an OpenAI TTS model. */
  defaultSpeechModel: string;
  /** Model of `POST /audio/transcriptions` and `/audio/translations` for OpenAI's names. */
  defaultTranscriptionModel: string;
  /** `MODEL_ALIASES`, then Google's shutdowns unless `RETIRED_MODEL_ALIASES` is false. */
  modelAliases: ModelAliases;
  /** Whether `GET /models` leaves out the models an alias answers for. */
  hideRetiredModels: boolean;
  /** Allows fetching image URLs on loopback, private and link-local addresses. */
  allowPrivateUrlFetch: boolean;
  /** Largest remote file fetched for an `image_url`, in bytes. */
  fetchMaxBytes: number;
  /** How long fetching an `image_url` may take, in milliseconds. */
  fetchTimeoutMs: number;
  /** Most bytes of media (fetched files and inline data together) one request may carry. */
  maxMediaBytes: number;
  /** Most media parts (fetched files and inline data together) one request may carry. */
  maxMediaParts: number;
  /** Threshold applied to every harm category unless a request overrides it. */
  safetyThreshold: string;
  /** Whether thought summaries are requested when thinking is on. */
  includeThoughts: boolean;
  /**
   * Interval of `: keep-alive` comments while a stream's upstream is silent, and how long a
   * stream waits for Gemini's first event before it starts, in milliseconds.
   */
  keepAliveMs: number;
  /** Largest single event of a Gemini stream, in bytes; beyond it the stream fails with a 502. */
  maxUpstreamEventBytes: number;
  /** The server's own Gemini keys (`GEMINI_API_KEYS`, or `GEMINI_API_KEY`); empty: none. */
  geminiApiKeys: string[];
  /** Tokens that let a client use the server's keys; empty: no tokens. */
  accessTokens: string[];
  /**
   * Whether server keys without access tokens may serve everyone on Deno Deploy (elsewhere they
   * do, with a warning at start).
   */
  allowPublicServerKeys: boolean;
  /** Whether `store: true` responses are kept (in Deno KV) for `previous_response_id`. */
  responsesStore: boolean;
  /** The Deno KV database of stored responses; unset: Deno's default (local file, or Deploy's). */
  responsesKvPath?: string;
  /** How long a stored response is kept, in seconds. */
  responsesTtlSeconds: number;
}

/** A setting that could not be read; `main.ts` prints it and exits. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the settings through `get` (by default `Deno.env.get`), failing on invalid values. */
export function loadConfig(
  get: (name: string) => string | undefined = (name) => Deno.env.get(name),
): Config {
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = get(name)?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean) => {
    const raw = get(name)?.trim().toLowerCase();
    if (!raw) return fallback;
    if (["true", "1", "yes"].includes(raw)) return true;
    if (["false", "0", "no"].includes(raw)) return false;
    throw new ConfigError(`${name} must be true or false, got "${raw}"`);
  };
  const text = (name: string, fallback: string) => get(name)?.trim() || fallback;

  const base = text("GEMINI_BASE_URL", "https://generativelanguage.googleapis.com");
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError(`GEMINI_BASE_URL must be an absolute http(s) URL, got "${base}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`GEMINI_BASE_URL must be an http(s) URL, got "${base}"`);
  }
  const version = text("GEMINI_API_VERSION", "v1beta");
  if (!/^v\d+(alpha|beta)?$/.test(version)) {
    throw new ConfigError(`GEMINI_API_VERSION must look like v1beta, got "${version}"`);
  }
  const threshold = text("SAFETY_THRESHOLD", "BLOCK_NONE").toUpperCase();
  if (!HARM_BLOCK_THRESHOLDS.includes(threshold)) {
    throw new ConfigError(`SAFETY_THRESHOLD must be one of ${HARM_BLOCK_THRESHOLDS.join(", ")}`);
  }
  const secrets = (...names: string[]) => {
    const values = names.flatMap((name) => {
      const list = (get(name) ?? "").split(/[\s,]+/).filter(Boolean);
      if (list.some((value) => !/^[\x21-\x7e]+$/.test(value))) {
        throw new ConfigError(
          `${name} may hold only printable ASCII, separated by commas or newlines`,
        );
      }
      return list;
    });
    return [...new Set(values)];
  };
  const geminiApiKeys = secrets("GEMINI_API_KEYS", "GEMINI_API_KEY");
  const accessTokens = secrets("ACCESS_TOKENS");
  const allowPublicServerKeys = boolean("ALLOW_PUBLIC_SERVER_KEYS", false);
  if (accessTokens.length && !geminiApiKeys.length) {
    throw new ConfigError("ACCESS_TOKENS is set but there are no server keys: set GEMINI_API_KEYS");
  }
  if (
    geminiApiKeys.length && !accessTokens.length && get("DENO_DEPLOYMENT_ID") &&
    !allowPublicServerKeys
  ) {
    throw new ConfigError(
      "GEMINI_API_KEYS without ACCESS_TOKENS would let anyone spend your Gemini quota through " +
        "this deployment: set ACCESS_TOKENS, or ALLOW_PUBLIC_SERVER_KEYS=true to serve everyone",
    );
  }
  let aliases;
  try {
    aliases = parseModelAliases(get("MODEL_ALIASES") ?? "");
  } catch (error) {
    throw new ConfigError(`MODEL_ALIASES: ${(error as Error).message}`);
  }
  const mib = 1024 * 1024;
  const defaultModel = modelId(text("DEFAULT_MODEL", "gemini-flash-latest"));
  const anthropicDefaultModel = modelId(text("ANTHROPIC_DEFAULT_MODEL", defaultModel));
  return {
    port: integer("PORT", 8000, 0, 65535),
    geminiBaseUrl: base.replace(/\/+$/, ""),
    geminiApiVersion: version,
    upstreamTimeoutMs: integer("UPSTREAM_TIMEOUT_MS", 600_000, 1, 3_600_000),
    maxBodyBytes: integer("MAX_BODY_BYTES", 100 * mib, 1024, 2048 * mib),
    maxUpstreamBodyBytes: integer("MAX_UPSTREAM_BODY_BYTES", 64 * mib, 1024, 2048 * mib),
    defaultModel,
    anthropicDefaultModel,
    anthropicHaikuModel: modelId(text("ANTHROPIC_HAIKU_MODEL", anthropicDefaultModel)),
    anthropicSonnetModel: modelId(text("ANTHROPIC_SONNET_MODEL", anthropicDefaultModel)),
    anthropicOpusModel: modelId(text("ANTHROPIC_OPUS_MODEL", anthropicDefaultModel)),
    defaultEmbeddingModel: modelId(text("DEFAULT_EMBEDDING_MODEL", "gemini-embedding-001")),
    defaultCompletionModel: modelId(text("DEFAULT_COMPLETION_MODEL", defaultModel)),
    defaultImageModel: modelId(text("DEFAULT_IMAGE_MODEL", "gemini-3.1-flash-image")),
    defaultSpeechModel: modelId(text("DEFAULT_SPEECH_MODEL", "gemini-3.8-flash-tts")),
    defaultTranscriptionModel: modelId(
      text("DEFAULT_TRANSCRIPTION_MODEL", "gemini-3.5-transcribe"),
    ),
    modelAliases: new ModelAliases(aliases, boolean("RETIRED_MODEL_ALIASES", true)),
    hideRetiredModels: boolean("HIDE_RETIRED_MODELS", false),
    allowPrivateUrlFetch: boolean("ALLOW_PRIVATE_URL_FETCH", false),
    fetchMaxBytes: integer("FETCH_MAX_BYTES", 20 * mib, 1, 1024 * mib),
    fetchTimeoutMs: integer("FETCH_TIMEOUT_MS", 15_000, 1, 600_000),
    maxMediaBytes: integer("MAX_MEDIA_BYTES", 100 * mib, 1, 2048 * mib),
    maxMediaParts: integer("MAX_MEDIA_PARTS", 1000, 1, 100_000),
    safetyThreshold: threshold,
    includeThoughts: boolean("INCLUDE_THOUGHTS", true),
    keepAliveMs: integer("KEEPALIVE_INTERVAL_MS", 15_000, 10, 600_000),
    maxUpstreamEventBytes: integer("MAX_UPSTREAM_EVENT_BYTES", 64 * mib, 1024, 1024 * mib),
    geminiApiKeys,
    accessTokens,
    allowPublicServerKeys,
    responsesStore: boolean("RESPONSES_STORE", true),
    responsesKvPath: get("RESPONSES_KV_PATH")?.trim() || undefined,
    responsesTtlSeconds: integer("RESPONSES_TTL_SECONDS", 30 * 86_400, 1, 10 * 365 * 86_400),
  };
}
