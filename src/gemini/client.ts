/**
 * A typed client for the Gemini REST methods the gateway calls.
 *
 * The key travels only in the `x-goog-api-key` header; each call takes it from a
 * {@linkcode KeySource}, which may retry a failed call with another key. Every call is aborted
 * when the client that caused it goes away, and fails with a mapped {@linkcode GatewayError}
 * otherwise.
 * @module
 */

import { modelId } from "../core/model_name.ts";
import { fromGeminiError, GatewayError } from "../core/errors.ts";
import type { KeySource } from "./key_source.ts";
import type {
  BatchEmbedContentsRequest,
  BatchEmbedContentsResponse,
  GenerateContentRequest,
  GenerateContentResponse,
  ListModelsResponse,
  Model,
} from "./types.ts";

/** Where and how to reach Gemini, on behalf of one client request. */
export interface GeminiClientOptions {
  /** Gemini's origin, e.g. `https://generativelanguage.googleapis.com`. */
  baseUrl: string;
  /** API version, e.g. `v1beta`. */
  apiVersion: string;
  /** The key of each call: the client's own (see `ownKey`), or the server's pool. */
  keys: KeySource;
  /** How long Gemini may take to answer (for streams: to start answering), in milliseconds. */
  timeoutMs: number;
  /** Aborts every call, e.g. the client request's signal. */
  signal?: AbortSignal;
}

/** Most pages `listModels` follows, in case an upstream keeps returning page tokens. */
const MAX_PAGES = 100;

/** Calls Gemini on behalf of one client request. */
export class GeminiClient {
  #options: GeminiClientOptions;

  constructor(options: GeminiClientOptions) {
    this.#options = options;
  }

  /** A client for the same caller whose calls are also aborted by `signal`. */
  withSignal(signal: AbortSignal): GeminiClient {
    const signals = this.#options.signal ? [this.#options.signal, signal] : [signal];
    return new GeminiClient({ ...this.#options, signal: AbortSignal.any(signals) });
  }

  /** `models/{model}:generateContent`. */
  async generateContent(
    model: string,
    request: GenerateContentRequest,
  ): Promise<GenerateContentResponse> {
    return await this.#options.keys.use(
      modelId(model),
      (key) => this.#json(key, `${modelPath(model)}:generateContent`, request),
    );
  }

  /**
   * `models/{model}:streamGenerateContent?alt=sse`: resolves with the SSE body once Gemini has
   * answered with success (failures before any output reject; an answer that is not an event
   * stream is a 502). Cancelling the body aborts the upstream request.
   */
  async streamGenerateContent(
    model: string,
    request: GenerateContentRequest,
  ): Promise<ReadableStream<Uint8Array>> {
    const init = { method: "POST", body: JSON.stringify(request) };
    return await this.#options.keys.use(modelId(model), (key) =>
      this.#fetch(
        key,
        `${modelPath(model)}:streamGenerateContent?alt=sse`,
        init,
        (response) => {
          const type = response.headers.get("content-type") ?? "";
          if (!response.body || !type.startsWith("text/event-stream")) {
            response.body?.cancel();
            throw new GatewayError(
              502,
              `Gemini answered a streaming request with ${type || "no content type"} instead of ` +
                "an event stream.",
              "api_error",
            );
          }
          return Promise.resolve(response.body);
        },
      ));
  }

  /** `models/{model}:batchEmbedContents`. */
  async batchEmbedContents(
    model: string,
    request: BatchEmbedContentsRequest,
  ): Promise<BatchEmbedContentsResponse> {
    return await this.#options.keys.use(
      modelId(model),
      (key) => this.#json(key, `${modelPath(model)}:batchEmbedContents`, request),
    );
  }

  /** `models.list`, following `nextPageToken` to the last page, all pages with one key. */
  async listModels(): Promise<Model[]> {
    return await this.#options.keys.use("", (key) => this.#listModels(key));
  }

  async #listModels(key: string): Promise<Model[]> {
    const models: Model[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ pageSize: "1000" });
      if (pageToken) query.set("pageToken", pageToken);
      const body: ListModelsResponse = await this.#json(key, `models?${query}`);
      models.push(...(body.models ?? []));
      pageToken = body.nextPageToken;
      if (!pageToken) break;
    }
    return models;
  }

  /** `models.get`. */
  async getModel(model: string): Promise<Model> {
    return await this.#options.keys.use("", (key) => this.#json(key, modelPath(model)));
  }

  async #json<T>(key: string, path: string, body?: unknown): Promise<T> {
    const init = body === undefined
      ? { method: "GET" }
      : { method: "POST", body: JSON.stringify(body) };
    return await this.#fetch(
      key,
      path,
      init,
      async (response) => JSON.parse(await response.text()),
    );
  }

  /**
   * Fetches `path` with `key` and reads the successful response with `read`, mapping every
   * failure (one attempt: retries with other keys are the key source's). The
   * timeout runs until `read` is done: for JSON, the whole body; for streams, the headers (the
   * stream's silences are watched downstream).
   */
  async #fetch<T>(
    key: string,
    path: string,
    init: RequestInit,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const { baseUrl, apiVersion, timeoutMs, signal } = this.#options;
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException("upstream timeout", "TimeoutError")),
      timeoutMs,
    );
    const signals = signal ? [signal, timeout.signal] : [timeout.signal];
    try {
      const response = await fetch(`${baseUrl}/${apiVersion}/${path}`, {
        ...init,
        headers: { "content-type": "application/json", "x-goog-api-key": key },
        signal: AbortSignal.any(signals),
      });
      if (!response.ok) throw fromGeminiError(response.status, await response.text());
      return await read(response);
    } catch (error) {
      throw upstreamFailure(error, this.#options);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** `models/{model}` with the model escaped, whether or not the caller kept the prefix. */
function modelPath(model: string): string {
  return `models/${encodeURIComponent(modelId(model))}`;
}

/** Maps a failed call to the error the client sees (timeouts 504, unreachable 502). */
function upstreamFailure(error: unknown, options: GeminiClientOptions): unknown {
  if (error instanceof GatewayError) return error;
  if (options.signal?.aborted) return options.signal.reason ?? error;
  if (error instanceof DOMException && error.name === "TimeoutError") {
    return new GatewayError(
      504,
      `Gemini did not answer within ${options.timeoutMs / 1000} s.`,
      "api_error",
      null,
      "upstream_timeout",
    );
  }
  if (error instanceof SyntaxError) {
    return new GatewayError(502, "Gemini sent a body that is not JSON.", "api_error");
  }
  const host = new URL(options.baseUrl).host;
  return new GatewayError(
    502,
    `Could not reach Gemini at ${host}: ${error instanceof Error ? error.message : error}`,
    "api_error",
    null,
    "upstream_unreachable",
  );
}
